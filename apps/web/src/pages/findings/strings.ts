import type { Finding } from './findings.ts';

/** Strings of the findings table: the SPEC §3 outcomes beyond the exit rate. */

const nl = {
  title: (k: number) => `Meer uitkomsten na ${k} maanden`,
  intro:
    'Per groep, met het aantal waarover het gaat en het 95%-betrouwbaarheidsinterval. Deelnemers van wie het venster nog niet voorbij is, tellen niet mee.',
  outcome: 'Uitkomst',
  findings: {
    sustained: 'Duurzame uitstroom',
    benefitMonths: 'Maanden in de bijstand',
    ladderUp: 'Stap omhoog op de participatieladder',
    ladderChange: 'Gemiddelde verandering op de ladder',
    placement: 'Duurzame plaatsing',
  } satisfies Record<Finding, string>,
  explain: {
    sustained: 'de laatste 6 maanden van het venster elke dag uit de bijstand',
    benefitMonths: 'gemiddeld aantal maanden met een uitkering binnen het venster',
    ladderUp: 'laatste meting hoger dan de trede bij intake (van wie beide bekend zijn)',
    ladderChange: 'treden, laatste meting min de trede bij intake',
    placement: 'banen die na 6 maanden nog lopen (van de banen die 6 maanden te volgen zijn)',
  } satisfies Record<Finding, string>,
  ci: (ci: string) => `95%-BI ${ci}`,
  months: (v: string) => `${v} mnd`,
  steps: (v: string) => `${v} treden`,
  byWindowTitle: 'Uitkomsten per venster',
  byWindowIntro: 'Dezelfde uitkomsten bij elk standaardvenster, per groep, met 95%-interval.',
  windowCol: 'Venster',
  window: (k: number) => `${k} maanden`,
  moves: {
    title: (k: number) => `Treden gestegen of gedaald op de participatieladder na ${k} maanden`,
    intro:
      'Laatste meting binnen het venster min de trede bij intake, van wie beide bekend zijn (dezelfde groep als bij "Stap omhoog"). Ook één trede omhoog telt: de eerste stap is vaak de belangrijkste.',
    steps: (k: number) =>
      k === 0
        ? 'Gelijk gebleven'
        : k > 0
          ? `${k} ${k === 1 ? 'trede' : 'treden'} omhoog`
          : `${-k} ${k === -1 ? 'trede' : 'treden'} omlaag`,
    move: 'Verandering',
    share: 'Aandeel',
    people: 'Aantal',
    measured: (arm: string, n: string) => `${arm}: ${n} gemeten`,
    armHidden: 'niet getoond: te weinig metingen',
    none: 'Nog niemand met een trede bij intake en een latere meting in dit venster.',
    alt: (parts: string) => `Verdeling van de verandering op de participatieladder. ${parts}`,
  },
};

export type FindingStrings = typeof nl;

const en: FindingStrings = {
  title: (k: number) => `More outcomes at ${k} months`,
  intro:
    'Per group, with the number it is about and the 95% confidence interval. Participants whose window has not passed yet are not counted.',
  outcome: 'Outcome',
  findings: {
    sustained: 'Sustained exit',
    benefitMonths: 'Months on benefit',
    ladderUp: 'A step up the participation ladder',
    ladderChange: 'Mean change on the ladder',
    placement: 'Sustained placement',
  },
  explain: {
    sustained: 'off benefit every day of the last 6 months of the window',
    benefitMonths: 'mean number of months on benefit within the window',
    ladderUp: 'latest measurement above the step at intake (of those with both)',
    ladderChange: 'steps, latest measurement minus the step at intake',
    placement: 'jobs still running after 6 months (of the jobs that can be followed 6 months)',
  },
  ci: (ci: string) => `95% CI ${ci}`,
  months: (v: string) => `${v} mo`,
  steps: (v: string) => `${v} steps`,
  byWindowTitle: 'Outcomes by window',
  byWindowIntro: 'The same outcomes at every standard window, per group, with 95% interval.',
  windowCol: 'Window',
  window: (k: number) => `${k} months`,
  moves: {
    title: (k: number) => `Steps moved on the participation ladder after ${k} months`,
    intro:
      'Latest measurement within the window minus the step at intake, of those with both (the same group as "A step up"). One step up counts too: the first step is often the one that matters.',
    steps: (k: number) =>
      k === 0
        ? 'No change'
        : k > 0
          ? `${k} ${k === 1 ? 'step' : 'steps'} up`
          : `${-k} ${k === -1 ? 'step' : 'steps'} down`,
    move: 'Change',
    share: 'Share',
    people: 'Number',
    measured: (arm: string, n: string) => `${arm}: ${n} measured`,
    armHidden: 'not shown: too few measurements',
    none: 'Nobody yet with a step at intake and a later measurement in this window.',
    alt: (parts: string) => `Distribution of the change on the participation ladder. ${parts}`,
  },
};

export const findingStrings = { nl, en };
