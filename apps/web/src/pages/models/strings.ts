import type { ModelCovariate, PlainVerdict } from '@wegwijzer/domain';

/** Strings of the models page (adjusted effects, power) and the forecast on the pilot page. */
type Reason = 'no_events' | 'constant_covariate' | 'collinear' | 'separation' | 'not_converged';

const nl = {
  title: 'Gecorrigeerde effecten en steekproefomvang',
  link: 'Gecorrigeerde effecten en steekproefomvang',
  intro:
    'Verschillen tussen de interventiegroep en de controlegroep, zonder en met correctie voor kenmerken bij de intake, berekend zoals R dat doet.',
  covariatesLegend: 'Corrigeren voor',
  armSelect: 'Interventiearm tegen de controlegroep',
  covariates: {
    motivation: 'Motivatie (schaal 1–5)',
    ladderStep: 'Participatieladder bij intake (1–6)',
    household: 'Huishouden',
    hasDebts: 'Schulden',
    disability: 'Beperking',
    refugeeStatus: 'Statushouder',
    education: 'Opleiding',
    age: 'Leeftijd (jaren)',
    ageBand: 'Leeftijdsgroep',
  } satisfies Record<ModelCovariate, string>,
  unadjusted: 'Niet gecorrigeerd',
  adjusted: 'Gecorrigeerd',
  coxTitle: 'Sneller uit de bijstand? Hazard ratio van de eerste uitstroom',
  coxAlt:
    'Punt met 95%-interval per model, op een logaritmische schaal: rechts van 1 stromen deelnemers in de interventiegroep sneller uit dan in de controlegroep.',
  hazardRatio: 'Hazard ratio',
  diffTitle: (k: number) => `Verschil in uit de bijstand na ${k} maanden`,
  diffAlt:
    'Punt met 95%-interval per model: het verschil in procentpunten tussen interventiegroep en controlegroep. Rechts van 0 is de interventiegroep vaker uit de bijstand.',
  difference: 'Verschil (procentpunten)',
  model: 'Model',
  estimate: 'Schatting',
  interval: '95%-interval',
  p: 'p',
  used: (n: string, left: string) =>
    `${n} deelnemers in de modellen; ${left} weggelaten omdat een gekozen kenmerk ontbreekt.`,
  pending: (n: string) => `${n} deelnemers zijn nog niet lang genoeg gevolgd en tellen niet mee.`,
  hrText: (hr: string, ci: string, p: string) =>
    `hazard ratio ${hr} (95%-interval ${ci}; p = ${p})`,
  rdText: (d: string, ci: string) => `${d} procentpunt (95%-interval ${ci})`,
  reasons: {
    no_events: 'Niet te schatten: niemand (of iedereen) is uitgestroomd.',
    constant_covariate:
      'Niet te schatten: een kenmerk heeft maar één waarde bij de deelnemers in het model.',
    collinear: 'Niet te schatten: een kenmerk is een combinatie van andere kenmerken.',
    separation:
      'Niet te schatten: een kenmerk voorspelt de uitkomst volledig (scheiding), het effect zou oneindig zijn.',
    not_converged: 'Niet te schatten: de berekening kwam niet tot een uitkomst.',
  } satisfies Record<Reason, string>,
  about: (c: string) => `(betreft: ${c})`,
  phTitle: 'Controle op proportionele hazards',
  phOk: (p: string) =>
    `De toets op proportionele hazards (geschaalde Schoenfeld-residuen, als cox.zph in R) geeft geen aanwijzing dat het effect in de tijd verandert (globaal p = ${p}).`,
  phWarn: (terms: string, p: string) =>
    `Let op: voor ${terms} verandert het effect mogelijk in de tijd (globaal p = ${p}). Eén hazard ratio vat dat dan slecht samen; kijk ook naar de Kaplan–Meier-lijnen.`,
  phNone: 'De controle op proportionele hazards kon niet worden berekend.',
  aboutTitle: 'Wat correctie wel en niet doet',
  aboutText: [
    'Correctie vergelijkt deelnemers die op de gekozen kenmerken op elkaar lijken. Verschillen in die kenmerken tussen de groepen verklaren het resultaat dan niet meer.',
    'Correctie maakt van een gematchte vergelijking geen loting. Verschillen in kenmerken die niet zijn vastgelegd (zoals netwerk of gezondheid) blijven bestaan, en kunnen het verschil nog steeds verklaren.',
    'Bij een gelote pilot hoort het verschil zonder correctie al eerlijk te zijn; correctie maakt het vooral iets preciezer.',
    'Het gecorrigeerde verschil is een gestandaardiseerd verschil: de gemiddelde voorspelde kans als iedereen de interventie had gekregen, min die als niemand hem had gekregen (g-computatie).',
  ],
  plainTitle: 'Uitkomst in woorden',
  plain: {
    intervention_better: 'De interventiegroep doet het duidelijk beter.',
    intervention_worse: 'De interventiegroep doet het duidelijk slechter.',
    no_clear_difference: 'Er is geen duidelijk verschil tussen de groepen.',
    not_estimable: 'Dit is met deze gegevens niet te schatten.',
    too_few: 'Te weinig deelnemers in een van de groepen om hier iets over te zeggen.',
  } satisfies Record<PlainVerdict, string>,
  powerTitle: 'Hoeveel deelnemers zijn nodig?',
  powerIntro:
    'Voor een nieuwe pilot: het aantal deelnemers per groep om een verschil te kunnen aantonen (tweezijdig, α = 0,05; als power.prop.test in R).',
  p1: 'Verwacht uit de bijstand in de controlegroep (%)',
  p2: 'Te vinden in de interventiegroep (%)',
  power: 'Onderscheidend vermogen',
  compute: 'Bereken',
  perArm: (n: string) => `${n} deelnemers per groep nodig`,
  detectTitle: 'Wat kan deze pilot nu aantonen?',
  detect: (d: string, n: string, p1: string, k: number) =>
    `Met ${n} beoordeelbare deelnemers per groep na ${k} maanden en ${p1} uit de bijstand in de controlegroep is een verschil vanaf ${d} procentpunt aan te tonen.`,
  detectNone: 'Met de huidige aantallen is nog geen verschil aan te tonen.',
  forecastTitle: 'Wanneer weten we het?',
  target: 'Aantal beoordeelbare deelnemers per groep',
  forecastArm: (arm: string, date: string, reached: boolean) =>
    reached ? `${arm}: bereikt sinds ${date}.` : `${arm}: naar verwachting op ${date}.`,
  forecastNone: (arm: string, missing: string) =>
    `${arm}: nog ${missing} deelnemers nodig, en de laatste 90 dagen zijn er geen bijgekomen.`,
  forecastProjected: (missing: string) =>
    `(met ${missing} nog in te stromen deelnemers, in het tempo van de laatste 90 dagen)`,
  forecastNote: (k: number) =>
    `Een deelnemer telt mee zodra de gegevens compleet zijn tot ${k} maanden na de intake.`,
};
export type ModelStrings = typeof nl;

const en: ModelStrings = {
  title: 'Adjusted effects and sample size',
  link: 'Adjusted effects and sample size',
  intro:
    'Differences between the intervention and control groups, without and with adjustment for characteristics at intake, computed as R does.',
  covariatesLegend: 'Adjust for',
  armSelect: 'Intervention arm against control',
  covariates: {
    motivation: 'Motivation (scale 1–5)',
    ladderStep: 'Participation ladder at intake (1–6)',
    household: 'Household',
    hasDebts: 'Debts',
    disability: 'Disability',
    refugeeStatus: 'Refugee status',
    education: 'Education',
    age: 'Age (years)',
    ageBand: 'Age band',
  },
  unadjusted: 'Unadjusted',
  adjusted: 'Adjusted',
  coxTitle: 'Leaving benefit sooner? Hazard ratio of the first exit',
  coxAlt:
    'One point with 95% interval per model, on a log scale: right of 1, intervention participants leave benefit sooner than control participants.',
  hazardRatio: 'Hazard ratio',
  diffTitle: (k: number) => `Difference in off benefit after ${k} months`,
  diffAlt:
    'One point with 95% interval per model: the difference in percentage points between intervention and control. Right of 0, the intervention group is off benefit more often.',
  difference: 'Difference (percentage points)',
  model: 'Model',
  estimate: 'Estimate',
  interval: '95% interval',
  p: 'p',
  used: (n: string, left: string) =>
    `${n} participants in the models; ${left} left out because a chosen characteristic is missing.`,
  pending: (n: string) => `${n} participants have not been followed long enough and do not count.`,
  hrText: (hr: string, ci: string, p: string) =>
    `hazard ratio ${hr} (95% interval ${ci}; p = ${p})`,
  rdText: (d: string, ci: string) => `${d} percentage points (95% interval ${ci})`,
  reasons: {
    no_events: 'Cannot be estimated: nobody (or everybody) left benefit.',
    constant_covariate:
      'Cannot be estimated: a characteristic has one value among the participants in the model.',
    collinear: 'Cannot be estimated: a characteristic is a combination of others.',
    separation:
      'Cannot be estimated: a characteristic predicts the outcome perfectly (separation); the effect would be infinite.',
    not_converged: 'Cannot be estimated: the computation did not converge.',
  },
  about: (c: string) => `(concerns: ${c})`,
  phTitle: 'Proportional hazards check',
  phOk: (p: string) =>
    `The proportional hazards test (scaled Schoenfeld residuals, as R's cox.zph) gives no sign that the effect changes over time (global p = ${p}).`,
  phWarn: (terms: string, p: string) =>
    `Note: for ${terms} the effect may change over time (global p = ${p}). One hazard ratio then summarises it poorly; look at the Kaplan–Meier curves too.`,
  phNone: 'The proportional hazards check could not be computed.',
  aboutTitle: 'What adjustment can and cannot do',
  aboutText: [
    'Adjustment compares participants who are alike on the chosen characteristics, so differences in those characteristics between the groups no longer explain the result.',
    'Adjustment does not turn a matched comparison into a randomised one. Differences in characteristics that were not recorded (such as network or health) remain and may still explain the difference.',
    'In a randomised pilot the unadjusted difference is already fair; adjustment mostly makes it a little more precise.',
    'The adjusted difference is a standardised difference: the mean predicted probability had everyone received the intervention, minus that had nobody (g-computation).',
  ],
  plainTitle: 'The result in words',
  plain: {
    intervention_better: 'The intervention group does clearly better.',
    intervention_worse: 'The intervention group does clearly worse.',
    no_clear_difference: 'There is no clear difference between the groups.',
    not_estimable: 'This cannot be estimated with these data.',
    too_few: 'Too few participants in one of the groups to say anything about this.',
  },
  powerTitle: 'How many participants are needed?',
  powerIntro:
    'For a new pilot: participants per group needed to detect a difference (two-sided, α = 0.05; as R’s power.prop.test).',
  p1: 'Expected off benefit in the control group (%)',
  p2: 'To detect in the intervention group (%)',
  power: 'Power',
  compute: 'Compute',
  perArm: (n: string) => `${n} participants per group needed`,
  detectTitle: 'What can this pilot detect now?',
  detect: (d: string, n: string, p1: string, k: number) =>
    `With ${n} evaluable participants per group at ${k} months and ${p1} off benefit in the control group, a difference from ${d} percentage points can be detected.`,
  detectNone: 'With the current numbers no difference can be detected yet.',
  forecastTitle: 'When will we know?',
  target: 'Evaluable participants per group',
  forecastArm: (arm: string, date: string, reached: boolean) =>
    reached ? `${arm}: reached since ${date}.` : `${arm}: expected on ${date}.`,
  forecastNone: (arm: string, missing: string) =>
    `${arm}: ${missing} more participants needed, and none enrolled in the last 90 days.`,
  forecastProjected: (missing: string) =>
    `(with ${missing} participants still to enrol, at the pace of the last 90 days)`,
  forecastNote: (k: number) =>
    `A participant counts once the data are complete up to ${k} months after intake.`,
};

export const modelStrings = { nl, en };
