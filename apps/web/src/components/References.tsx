import type { OutcomeSummary } from '../api/queries.ts';
import { referenceDigits, referenceMarks, type ReferenceMark } from '../charts/reference.ts';
import { formatPercent, type Locale } from '../format.ts';
import { useI18n, type Dict } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { Heading2 } from '@utrecht/component-library-react';

/** "22%" or "22,5%": a reference rate as it was entered. */
export function referenceRate(m: Pick<ReferenceMark, 'rate'>, locale: Locale): string {
  return formatPercent(m.rate, referenceDigits(m.rate), locale);
}

/** The short label on a chart line: "Algemene uitstroom 22%". */
export function referenceLabel(
  m: Pick<ReferenceMark, 'kind' | 'rate'>,
  t: Pick<Dict, 'referenceShort'>,
  locale: Locale,
): string {
  return `${t.referenceShort[m.kind]} ${referenceRate(m, locale)}`;
}

/**
 * The alderman's list of reference figures for the chosen window, each with its source:
 * "Algemene uitstroom uit de bijstand in Eindhoven: 22% na 12 maanden (2024) (bron: …)".
 */
export function ReferenceList({
  o,
  municipality,
}: {
  o: Pick<OutcomeSummary, 'referenceLines' | 'windowMonths'>;
  municipality: string;
}) {
  const { t, locale } = useI18n();
  const marks = referenceMarks(o.referenceLines, o.windowMonths);
  if (!marks.length) return null;
  return (
    <section className="references" aria-labelledby="refs-h">
      <Heading2 id="refs-h" className="small-heading">
        {t.referencesTitle}
      </Heading2>
      <ul>
        {marks.map((m) => (
          <li key={m.id} className={`ref-item ref-${m.kind}`}>
            <span className={`ref-swatch ref-${m.kind}`} aria-hidden="true" />
            {t.referenceItem(
              t.referenceKinds[m.kind],
              municipalityName(municipality),
              referenceRate(m, locale),
              m.windowMonths,
              m.period,
            )}{' '}
            <span className="muted">
              ({t.source}: {m.source})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
