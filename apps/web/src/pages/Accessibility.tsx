import { useI18n } from '../i18n.tsx';
import { Heading1, Heading2 } from '@utrecht/component-library-react';

/** Toegankelijkheidsverklaring (Dutch, as the law's template expects; short English note). */
export function Accessibility() {
  const { t, locale } = useI18n();
  return (
    <div className="container prose">
      <Heading1>{t.a11yTitle}</Heading1>
      {locale === 'en' && (
        <p lang="en">This statement is in Dutch, as required for Dutch public-sector websites.</p>
      )}
      <div lang="nl">
        <p>
          Wegwijzer wil voor iedereen bruikbaar zijn. We streven ernaar te voldoen aan de Web
          Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals de Nederlandse overheid
          vraagt (Besluit digitale toegankelijkheid overheid).
        </p>
        <Heading2>Wat we gedaan hebben</Heading2>
        <ul>
          <li>
            De pagina's hebben kopjes, herkenningspunten (header, navigatie, inhoud, voettekst) en
            een link &quot;Naar de inhoud&quot;.
          </li>
          <li>Alles werkt met het toetsenbord; de focus is altijd zichtbaar.</li>
          <li>
            Kleuren hebben voldoende contrast. De groepen (interventie en controle) hebben een kleur
            die ook bij kleurenblindheid te onderscheiden is, en altijd een tekstlabel.
          </li>
          <li>
            Bij elke grafiek staat een korte beschrijving en een knop &quot;Toon als tabel&quot;.
          </li>
          <li>Kleine aantallen tonen we als &quot;&lt;10&quot; met uitleg, nooit als 0.</li>
          <li>
            Bij elke wijziging controleren we de belangrijkste pagina&apos;s automatisch met
            axe-core op de WCAG-regels (niveau A en AA).
          </li>
          <li>
            De taal van de pagina is ingesteld (Nederlands of Engels), zodat voorleessoftware goed
            voorleest.
          </li>
        </ul>
        <Heading2>Wat nog niet goed is</Heading2>
        <ul>
          <li>
            De grafieken op de analysepagina's zijn voor schermlezers alleen via de tabelweergave
            volledig te lezen.
          </li>
          <li>Deze applicatie is nog niet door een onafhankelijke partij getoetst.</li>
        </ul>
        <Heading2>Contact</Heading2>
        <p>
          Loopt u tegen een probleem aan? Neem contact op met de functioneel beheerder van uw
          gemeente. We reageren binnen 5 werkdagen. Bent u niet tevreden over de reactie, dan kunt u
          contact opnemen met de Nationale ombudsman.
        </p>
        <p className="muted">Deze verklaring is opgesteld op 1 december 2025.</p>
      </div>
    </div>
  );
}
