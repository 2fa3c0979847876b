import type { SubgroupField } from '@wegwijzer/domain';

/** Strings of the Routeplanner page (its own chunk); the nav label is in the main dictionary. */

type Value = string | number | boolean | null;

export interface PlannerStrings {
  title: string;
  intro: string;
  profileLegend: string;
  profileHint: string;
  any: string;
  fields: Record<SubgroupField, string>;
  /** Field names inside a sentence: "verruimd: leeftijdsgroep, huishouden". */
  fieldWords: Record<SubgroupField, string>;
  motivation: Record<string, string>;
  ladderSteps: Record<string, string>;
  ageBands: Record<string, string>;
  submit: string;
  reset: string;
  start: string;
  resultsTitle: (who: string, months: number) => string;
  everyone: string;
  /** A profile value in words: "motivatie 4", "met schulden", "alleenstaande ouder". */
  profileValue: (field: SubgroupField, v: Value) => string;
  forestTitle: string;
  forestAlt: string;
  sectionDifference: string;
  sectionRate: string;
  controlled: string;
  plotRate: string;
  plotDifference: string;
  observational: string;
  noComparison: string;
  pilot: string;
  nIntervention: string;
  nControl: string;
  kind: string;
  outcome: string;
  difference: string;
  exitIntervention: string;
  exitControl: string;
  median: string;
  relaxedCol: string;
  noteCol: string;
  relaxed: (fields: string) => string;
  notRelaxed: string;
  /** A pilot that lacks a pilot variable of the profile: it is matched without it. */
  notComparable: (fields: string) => string;
  variablesLegend: string;
  variablesHint: string;
  /** "(3 pilots)": how many of the visible pilots declare a variable. */
  declaredBy: (pilots: number) => string;
  medianValue: (months: string, days: string) => string;
  medianNotReached: string;
  pointsRange: (lo: string, hi: string) => string;
  notes: Record<'too_few_matched' | 'control_too_small', (threshold: number) => string>;
  tooFew: string;
  rankNote: string;
  heterogeneityTitle: string;
  heterogeneityIntro: (field: string) => string;
  /** "werkt vooral voor …": the subgroup in words. */
  who: (field: SubgroupField, v: Value) => string;
  claim: (pilot: string, who: string, best: string, worst: string, p: string) => string;
  noClaim: (pilot: string, field: string, p: string) => string;
  noClaimSmall: string;
  untestable: (pilot: string, field: string) => string;
  explainTitle: string;
  explain: string[];
  empty: string;
  emptyHint: string;
  allTooFew: (threshold: number) => string;
  groupLabel: (field: SubgroupField, v: Value) => string;
}

const nlWho = (field: SubgroupField, v: Value): string => {
  if (v == null) return 'deelnemers van wie dit onbekend is';
  switch (field) {
    case 'motivation':
      return Number(v) >= 4
        ? 'gemotiveerde deelnemers'
        : Number(v) <= 2
          ? 'weinig gemotiveerde deelnemers'
          : 'deelnemers met een gemiddelde motivatie';
    case 'ladderStep':
      return `deelnemers op trede ${v} (${nl.ladderSteps[String(v)]?.toLowerCase() ?? v})`;
    case 'hasDebts':
      return v ? 'deelnemers met schulden' : 'deelnemers zonder schulden';
    case 'household':
      return v === 'single'
        ? 'alleenstaande deelnemers'
        : v === 'single_parent'
          ? 'alleenstaande ouders'
          : 'samenwonende of gehuwde deelnemers';
    case 'ageBand':
      return `deelnemers van ${nl.ageBands[String(v)] ?? v}`;
    case 'education':
      return `deelnemers met een ${v === 'low' ? 'lage' : v === 'mid' ? 'middelbare' : 'hoge'} opleiding`;
    case 'disability':
      return v ? 'deelnemers met een beperking' : 'deelnemers zonder beperking';
    case 'refugeeStatus':
      return v ? 'statushouders' : 'deelnemers die geen statushouder zijn';
  }
};

const nl: PlannerStrings = {
  title: 'Routeplanner',
  intro:
    'Welke pilot werkt voor iemand zoals deze deelnemer? Vul in wat u weet van de situatie bij de start. Alle velden zijn optioneel. U ziet per pilot hoe het deelnemers met dezelfde kenmerken verging.',
  profileLegend: 'Kenmerken bij de start',
  profileHint: 'Laat een veld op "Maakt niet uit" staan als u het niet weet.',
  any: 'Maakt niet uit',
  fields: {
    motivation: 'Motivatie',
    ladderStep: 'Trede op de Participatieladder',
    hasDebts: 'Schulden',
    household: 'Huishouden',
    ageBand: 'Leeftijdsgroep',
    education: 'Opleiding',
    disability: 'Beperking',
    refugeeStatus: 'Statushouder',
  },
  fieldWords: {
    motivation: 'motivatie',
    ladderStep: 'trede',
    hasDebts: 'schulden',
    household: 'huishouden',
    ageBand: 'leeftijdsgroep',
    education: 'opleiding',
    disability: 'beperking',
    refugeeStatus: 'statushouder',
  },
  motivation: {
    '1': '1 – heel laag',
    '2': '2 – laag',
    '3': '3 – gemiddeld',
    '4': '4 – hoog',
    '5': '5 – heel hoog',
  },
  ladderSteps: {
    '1': 'Geïsoleerd',
    '2': 'Sociale contacten buitenshuis',
    '3': 'Deelname georganiseerde activiteiten',
    '4': 'Onbetaald werk',
    '5': 'Betaald werk met ondersteuning',
    '6': 'Betaald werk',
  },
  ageBands: {
    '<27': 'jonger dan 27 jaar',
    '27-44': '27 tot en met 44 jaar',
    '45-54': '45 tot en met 54 jaar',
    '55+': '55 jaar en ouder',
  },
  submit: 'Toon resultaten',
  reset: 'Wissen',
  start: 'Vul de kenmerken in die u weet en kies "Toon resultaten".',
  resultsTitle: (who, m) => `Bij deelnemers zoals deze (${who}), ${m} maanden na intake`,
  everyone: 'alle deelnemers',
  profileValue: (field, v) => {
    if (typeof v === 'boolean')
      return {
        hasDebts: v ? 'met schulden' : 'zonder schulden',
        disability: v ? 'met een beperking' : 'zonder beperking',
        refugeeStatus: v ? 'statushouder' : 'geen statushouder',
      }[field as 'hasDebts'];
    if (field === 'motivation') return `motivatie ${v}`;
    if (field === 'ladderStep') return `trede ${v}`;
    if (field === 'household')
      return (
        { single: 'alleenstaand', single_parent: 'alleenstaande ouder', couple: 'samenwonend' }[
          String(v)
        ] ?? String(v)
      );
    if (field === 'ageBand') return nl.ageBands[String(v)] ?? String(v);
    if (field === 'education')
      return `${{ low: 'lage', mid: 'middelbare', high: 'hoge' }[String(v)] ?? v} opleiding`;
    return String(v);
  },
  forestTitle: 'Uitkomsten per pilot',
  forestAlt:
    'Per pilot een rij. Bij pilots met een controlegroep: het verschil in uitstroom tussen interventie en controle met 95%-interval; rechts van de nul doet de interventie het beter. Bij pilots zonder controlegroep: alleen het aandeel dat uit de bijstand is, met 95%-interval, op een eigen schaal.',
  sectionDifference: 'Met controlegroep: verschil in uitstroom (interventie min controle)',
  sectionRate: 'Zonder vergelijking: aandeel uit de bijstand',
  controlled: 'met controlegroep',
  plotRate: 'Uit de bijstand',
  plotDifference: 'Verschil (%-punt)',
  observational: 'geen controlegroep (observationeel)',
  noComparison: 'geen vergelijking: controlegroep te klein',
  pilot: 'Pilot',
  nIntervention: 'n interventie',
  nControl: 'n controle',
  kind: 'Soort uitkomst',
  outcome: 'Uitkomst (95%-BI)',
  difference: 'Verschil met controle (95%-BI)',
  exitIntervention: 'Uitstroom interventie',
  exitControl: 'Uitstroom controle',
  median: 'Mediane tijd tot uitstroom',
  relaxedCol: 'Verruimd',
  noteCol: 'Opmerking',
  relaxed: (f) => `verruimd: ${f}`,
  notRelaxed: 'precies dit profiel',
  notComparable: (f) => `niet vergelijkbaar op: ${f} (deze pilot legt dit niet vast)`,
  variablesLegend: 'Eigen kenmerken van pilots',
  variablesHint:
    'Kenmerken die alleen sommige pilots vastleggen. Een pilot die een gekozen kenmerk niet kent, is daarop niet vergelijkbaar; dat staat bij die pilot.',
  declaredBy: (n) => (n === 1 ? '(1 pilot)' : `(${n} pilots)`),
  medianValue: (m, d) => `${m} maanden (${d} dagen)`,
  medianNotReached: 'niet bereikt (minder dan de helft uitgestroomd)',
  pointsRange: (lo, hi) => `${lo} tot ${hi}`,
  notes: {
    too_few_matched: (n) =>
      `Minder dan ${n} deelnemers om te beoordelen, ook als we alle kenmerken loslaten: geen cijfers voor deze pilot.`,
    control_too_small: (n) =>
      `De controlegroep heeft minder dan ${n} vergelijkbare deelnemers: geen vergelijking, alleen de uitstroom van de interventiegroep.`,
  },
  tooFew: 'te weinig deelnemers',
  rankNote:
    'Volgorde: eerst de pilots met een controlegroep, daarna de pilots zonder; binnen elke groep eerst de uitkomst met de hoogste ondergrens van het interval (groot én zeker).',
  heterogeneityTitle: 'Werkt het voor de ene groep beter dan voor de andere?',
  heterogeneityIntro: (f) =>
    `Per pilot met een controlegroep toetsen we of het verschil met de controlegroep anders is per ${f}, over alle deelnemers van de pilot.`,
  who: nlWho,
  claim: (pilot, who, best, worst, p) =>
    `${pilot} werkt vooral voor ${who}: het verschil met de controlegroep is het grootst bij ${best} en het kleinst bij ${worst} (toets op verschil tussen groepen: ${p}).`,
  noClaim: (pilot, f, p) =>
    `${pilot}: de gegevens laten niet zien dat het effect verschilt per ${f} (${p}). Dat is niet hetzelfde als aantonen dat er geen verschil is.`,
  noClaimSmall: 'De groepen zijn te klein om een verschil te kunnen aantonen.',
  untestable: (pilot, f) =>
    `${pilot}: niet te toetsen of het effect verschilt per ${f}; te weinig groepen met deelnemers in beide armen.`,
  explainTitle: 'Wat deze cijfers wel en niet zeggen',
  explain: [
    'Bij deelnemers zoals deze: de cijfers laten zien hoe het in elke pilot ging met deelnemers die bij de start dezelfde kenmerken hadden. Dat is een samenhang, geen belofte voor één persoon: iemand met dit profiel kan het beter of slechter doen.',
    'Het 95%-betrouwbaarheidsinterval geeft aan tussen welke waarden de echte uitkomst waarschijnlijk ligt. Hoe minder deelnemers, hoe breder het interval. Bevat het interval van een verschil de nul, dan is niet zeker dat de pilot iets uitmaakt.',
    'Bij een pilot zonder controlegroep (observationeel) zien we alleen hoeveel deelnemers uit de bijstand gingen. We weten niet hoeveel dat er zonder de pilot waren geweest. Zo’n percentage is dus geen effect en niet te vergelijken met het verschil bij pilots met een controlegroep.',
    'Kleine groepen verruimen we: zijn er minder dan 10 vergelijkbare deelnemers, dan laten we het minst belangrijke kenmerk los (eerst statushouder en beperking, als laatste motivatie) tot de groep groot genoeg is. Bij elke pilot staat welke kenmerken zijn losgelaten; pilots kunnen dus over iets verschillende groepen gaan.',
    'Vergelijkbaar is niet hetzelfde: ook deelnemers met dezelfde kenmerken kunnen verschillen in dingen die niet zijn vastgelegd. Aantallen onder de 10 tonen we als "<10".',
  ],
  empty: 'Geen pilots met deelnemers zoals deze.',
  emptyHint: 'Laat een of meer kenmerken los of kies een kortere periode na intake.',
  allTooFew: (n) =>
    `Bij geen enkele pilot zijn ${n} of meer deelnemers zoals deze te beoordelen in deze periode.`,
  groupLabel: (field, v) =>
    v == null ? 'onbekend' : field === 'motivation' ? `motivatie ${v}` : nl.profileValue(field, v),
};

const enWho = (field: SubgroupField, v: Value): string => {
  if (v == null) return 'participants for whom this is unknown';
  switch (field) {
    case 'motivation':
      return Number(v) >= 4
        ? 'motivated participants'
        : Number(v) <= 2
          ? 'participants with little motivation'
          : 'participants with average motivation';
    case 'ladderStep':
      return `participants on step ${v} (${en.ladderSteps[String(v)]?.toLowerCase() ?? v})`;
    case 'hasDebts':
      return v ? 'participants with debts' : 'participants without debts';
    case 'household':
      return v === 'single'
        ? 'single participants'
        : v === 'single_parent'
          ? 'single parents'
          : 'cohabiting or married participants';
    case 'ageBand':
      return `participants aged ${en.ageBands[String(v)] ?? v}`;
    case 'education':
      return `participants with ${v === 'low' ? 'a low' : v === 'mid' ? 'an intermediate' : 'a high'} level of education`;
    case 'disability':
      return v ? 'participants with a disability' : 'participants without a disability';
    case 'refugeeStatus':
      return v ? 'refugees with a residence permit' : 'participants without refugee status';
  }
};

const en: PlannerStrings = {
  title: 'Route planner',
  intro:
    'Which pilot works for someone like this participant? Fill in what you know about their situation at the start. Every field is optional. For each pilot you see how participants with the same characteristics fared.',
  profileLegend: 'Characteristics at the start',
  profileHint: 'Leave a field on "Any" if you do not know it.',
  any: 'Any',
  fields: {
    motivation: 'Motivation',
    ladderStep: 'Step on the Participation ladder',
    hasDebts: 'Debts',
    household: 'Household',
    ageBand: 'Age group',
    education: 'Education',
    disability: 'Disability',
    refugeeStatus: 'Refugee with residence permit',
  },
  fieldWords: {
    motivation: 'motivation',
    ladderStep: 'ladder step',
    hasDebts: 'debts',
    household: 'household',
    ageBand: 'age group',
    education: 'education',
    disability: 'disability',
    refugeeStatus: 'refugee status',
  },
  motivation: {
    '1': '1 – very low',
    '2': '2 – low',
    '3': '3 – average',
    '4': '4 – high',
    '5': '5 – very high',
  },
  ladderSteps: {
    '1': 'Isolated',
    '2': 'Social contacts outside the home',
    '3': 'Taking part in organised activities',
    '4': 'Unpaid work',
    '5': 'Paid work with support',
    '6': 'Paid work',
  },
  ageBands: {
    '<27': 'under 27',
    '27-44': '27 to 44',
    '45-54': '45 to 54',
    '55+': '55 and over',
  },
  submit: 'Show results',
  reset: 'Clear',
  start: 'Fill in the characteristics you know and choose "Show results".',
  resultsTitle: (who, m) => `For participants like this (${who}), ${m} months after intake`,
  everyone: 'all participants',
  profileValue: (field, v) => {
    if (typeof v === 'boolean')
      return {
        hasDebts: v ? 'with debts' : 'without debts',
        disability: v ? 'with a disability' : 'without a disability',
        refugeeStatus: v ? 'refugee' : 'not a refugee',
      }[field as 'hasDebts'];
    if (field === 'motivation') return `motivation ${v}`;
    if (field === 'ladderStep') return `ladder step ${v}`;
    if (field === 'household')
      return (
        { single: 'single', single_parent: 'single parent', couple: 'cohabiting' }[String(v)] ??
        String(v)
      );
    if (field === 'ageBand') return en.ageBands[String(v)] ?? String(v);
    if (field === 'education')
      return `${{ low: 'low', mid: 'intermediate', high: 'high' }[String(v)] ?? v} education`;
    return String(v);
  },
  forestTitle: 'Outcomes per pilot',
  forestAlt:
    'One row per pilot. For pilots with a control group: the difference in exit between intervention and control with 95% interval; right of zero the intervention does better. For pilots without a control group: only the share off social assistance, with 95% interval, on its own scale.',
  sectionDifference: 'With a control group: difference in exit (intervention minus control)',
  sectionRate: 'Without comparison: share off social assistance',
  controlled: 'with control group',
  plotRate: 'Off social assistance',
  plotDifference: 'Difference (pp)',
  observational: 'no control group (observational)',
  noComparison: 'no comparison: control group too small',
  pilot: 'Pilot',
  nIntervention: 'n intervention',
  nControl: 'n control',
  kind: 'Kind of outcome',
  outcome: 'Outcome (95% CI)',
  difference: 'Difference with control (95% CI)',
  exitIntervention: 'Exit intervention',
  exitControl: 'Exit control',
  median: 'Median time to exit',
  relaxedCol: 'Relaxed',
  noteCol: 'Note',
  relaxed: (f) => `relaxed: ${f}`,
  notRelaxed: 'exactly this profile',
  notComparable: (f) => `not comparable on: ${f} (this pilot does not record it)`,
  variablesLegend: "Pilots' own characteristics",
  variablesHint:
    'Characteristics only some pilots record. A pilot that does not know a chosen characteristic is not comparable on it; this is shown with that pilot.',
  declaredBy: (n) => (n === 1 ? '(1 pilot)' : `(${n} pilots)`),
  medianValue: (m, d) => `${m} months (${d} days)`,
  medianNotReached: 'not reached (fewer than half left)',
  pointsRange: (lo, hi) => `${lo} to ${hi}`,
  notes: {
    too_few_matched: (n) =>
      `Fewer than ${n} participants to assess, even with every characteristic relaxed: no figures for this pilot.`,
    control_too_small: (n) =>
      `The control group has fewer than ${n} comparable participants: no comparison, only the exit of the intervention group.`,
  },
  tooFew: 'too few participants',
  rankNote:
    'Order: first the pilots with a control group, then those without; within each, the outcome with the highest lower bound of its interval (large and certain) first.',
  heterogeneityTitle: 'Does it work better for one group than for another?',
  heterogeneityIntro: (f) =>
    `For each pilot with a control group we test whether the difference with the control group differs by ${f}, over all participants of the pilot.`,
  who: enWho,
  claim: (pilot, who, best, worst, p) =>
    `${pilot} works especially for ${who}: the difference with the control group is largest for ${best} and smallest for ${worst} (test for a difference between groups: ${p}).`,
  noClaim: (pilot, f, p) =>
    `${pilot}: the data do not show that the effect differs by ${f} (${p}). That is not the same as showing there is no difference.`,
  noClaimSmall: 'The groups are too small to show a difference.',
  untestable: (pilot, f) =>
    `${pilot}: cannot test whether the effect differs by ${f}; too few groups with participants in both arms.`,
  explainTitle: 'What these figures can and cannot say',
  explain: [
    'For participants like this: the figures show how participants who had the same characteristics at the start fared in each pilot. That is an association, not a promise for one person: someone with this profile may do better or worse.',
    'The 95% confidence interval shows between which values the true outcome probably lies. The fewer participants, the wider the interval. If the interval of a difference contains zero, it is not certain that the pilot makes a difference.',
    'For a pilot without a control group (observational) we only see how many participants left social assistance. We do not know how many would have left without the pilot. Such a percentage is therefore not an effect, and cannot be compared with the difference of pilots with a control group.',
    'Small groups are widened: with fewer than 10 comparable participants we drop the least important characteristic (first refugee status and disability, motivation last) until the group is large enough. Each pilot shows which characteristics were dropped, so pilots may answer for slightly different groups.',
    'Comparable is not the same: participants with the same characteristics may still differ in things that were not recorded. Numbers below 10 are shown as "<10".',
  ],
  empty: 'No pilots with participants like this.',
  emptyHint: 'Drop one or more characteristics or choose a shorter period after intake.',
  allTooFew: (n) => `No pilot has ${n} or more participants like this to assess in this period.`,
  groupLabel: (field, v) =>
    v == null ? 'unknown' : field === 'motivation' ? `motivation ${v}` : en.profileValue(field, v),
};

export const plannerStrings = { nl, en };
