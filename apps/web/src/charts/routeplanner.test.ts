import { describe, expect, it } from 'vitest';
import type { RouteplannerReply } from '@wegwijzer/domain';
import { plannerStrings } from '../pages/routeplanner/strings.ts';
import {
  fieldWord,
  forestScale,
  notComparableText,
  heterogeneitySentences,
  medianText,
  noteText,
  nothingToShow,
  plannerRows,
  pointsRange,
  profileText,
  relaxedText,
  sectionRows,
} from './routeplanner.ts';

type Result = RouteplannerReply['results'][number];
type Het = NonNullable<Result['heterogeneity']>;
const nl = plannerStrings.nl;
const en = plannerStrings.en;

const result = (over: Partial<Result> = {}): Result => ({
  pilotId: 'p1',
  pilotName: 'WerkLoont Rotterdam',
  synthetic: true,
  arm: 'intervention',
  armLabel: 'Interventie',
  armLabelEn: 'Intervention',
  notComparable: [],
  observational: false,
  matched: { intervention: 27, control: 33 },
  relaxed: [],
  offBenefit: { count: 14, rate: 0.5185, ci95: [0.3399, 0.6926] },
  offBenefitControl: { count: 12, rate: 0.3636, ci95: [0.2219, 0.5338] },
  difference: { rate: 0.1549, ci95: [-0.0919, 0.3794] },
  medianDaysToExit: 289,
  routes: { regular_work: 13, bbz: 0, combination: 0, other: 1 },
  heterogeneity: null,
  note: null,
  noteCode: null,
  ...over,
});
const observational = (over: Partial<Result> = {}): Result =>
  result({
    pilotId: 'p2',
    pilotName: 'Mentorwijs Groningen',
    observational: true,
    matched: { intervention: 11, control: null },
    offBenefit: { count: 8, rate: 0.7273, ci95: [0.4344, 0.9025] },
    offBenefitControl: null,
    difference: null,
    ...over,
  });
const tooFew = (over: Partial<Result> = {}): Result =>
  observational({
    pilotId: 'p3',
    pilotName: 'Binthout Zwolle',
    matched: { intervention: 0, control: null },
    relaxed: ['hasDebts', 'motivation'],
    offBenefit: { count: null, rate: null, ci95: null },
    medianDaysToExit: null,
    noteCode: 'too_few_matched',
    note: 'Fewer than 10…',
    ...over,
  });
const reply = (results: Result[], suppressed?: string[]): RouteplannerReply => ({
  profile: { motivation: 4, hasDebts: true },
  profileVariables: [],
  window: 12,
  threshold: 10,
  results,
  ...(suppressed ? { suppressed } : {}),
});
const het = (over: Partial<Het> = {}): Het => ({
  by: 'motivation',
  q: 3.2,
  df: 4,
  p: 0.52,
  supportsSubgroupClaim: false,
  groups: [
    {
      value: 1,
      difference: { rate: -0.007, ci95: [-0.24, 0.29] },
      n: { intervention: 12, control: 23 },
      included: true,
    },
    {
      value: 5,
      difference: { rate: 0.314, ci95: [0.037, 0.528] },
      n: { intervention: 30, control: 21 },
      included: true,
    },
    {
      value: 3,
      difference: { rate: 0.087, ci95: [-0.11, 0.31] },
      n: { intervention: 24, control: 44 },
      included: true,
    },
    { value: null, difference: null, n: { intervention: 7, control: 9 }, included: false },
  ],
  ...over,
});

describe('plannerRows', () => {
  it('draws the difference with its interval for a pilot with a control group', () => {
    const [row] = plannerRows(reply([result()]));
    expect(row).toMatchObject({
      section: 'difference',
      kind: 'controlled',
      measure: 'estimate',
      estimate: { kind: 'value', value: 0.1549 },
      lo: -0.0919,
      hi: 0.3794,
      nIntervention: { kind: 'value', value: 27 },
      nControl: { kind: 'value', value: 33 },
      exitControl: { rate: { kind: 'value', value: 0.3636 } },
    });
  });

  it('draws the exit rate of an observational pilot on the rate scale, without a control n', () => {
    const [row] = plannerRows(reply([observational()]));
    expect(row).toMatchObject({
      section: 'rate',
      kind: 'observational',
      measure: 'estimate',
      estimate: { kind: 'value', value: 0.7273 },
      lo: 0.4344,
      hi: 0.9025,
      nControl: null,
      exitControl: null,
    });
  });

  it('puts a controlled pilot whose control arm is too small among the rates, marked as no comparison', () => {
    const [row] = plannerRows(
      reply([
        result({
          difference: null,
          offBenefitControl: null,
          matched: { intervention: 40, control: 4 },
          noteCode: 'control_too_small',
        }),
      ]),
    );
    expect(row).toMatchObject({
      section: 'rate',
      kind: 'noComparison',
      estimate: { kind: 'value', value: 0.5185 },
    });
  });

  it('lists a pilot with too few matched participants with nothing drawn', () => {
    const [row] = plannerRows(reply([tooFew()]));
    expect(row).toMatchObject({
      measure: 'none',
      estimate: { kind: 'missing' },
      lo: null,
      hi: null,
      relaxed: ['hasDebts', 'motivation'],
    });
  });

  it('marks a difference and a matched n hidden from a viewer as suppressed, never as 0', () => {
    const [row] = plannerRows(
      reply(
        [
          result({
            matched: { intervention: 16, control: null },
            offBenefitControl: { count: null, rate: null, ci95: null },
            difference: { rate: null, ci95: null },
          }),
        ],
        [
          '/results/0/matched/control',
          '/results/0/offBenefitControl/rate',
          '/results/0/difference/rate',
          '/results/0/difference/ci95',
        ],
      ),
    );
    expect(row!.measure).toBe('none');
    expect(row!.estimate).toEqual({ kind: 'suppressed' });
    expect(row!.nControl).toEqual({ kind: 'suppressed' });
    expect(row!.exitControl!.rate).toEqual({ kind: 'suppressed' });
  });

  it('keeps the reply’s order within each section', () => {
    const rows = plannerRows(
      reply([result(), result({ pilotId: 'p4' }), observational(), tooFew()]),
    );
    expect(sectionRows(rows, 'difference').map((r) => r.pilotId)).toEqual(['p1', 'p4']);
    expect(sectionRows(rows, 'rate').map((r) => r.pilotId)).toEqual(['p2', 'p3']);
  });
});

describe('nothingToShow', () => {
  it('is true when every pilot has too few participants, false when one has a figure', () => {
    expect(nothingToShow(plannerRows(reply([tooFew(), tooFew({ pilotId: 'x' })])))).toBe(true);
    expect(nothingToShow(plannerRows(reply([tooFew(), observational()])))).toBe(false);
    expect(nothingToShow([])).toBe(true);
  });
});

describe('forestScale', () => {
  it('makes a symmetric difference axis around zero that holds every interval', () => {
    const rows = plannerRows(reply([result()]));
    const sc = forestScale(rows, 'difference');
    expect(sc.min).toBe(-0.4);
    expect(sc.max).toBe(0.4);
    expect(sc.ticks).toEqual([-0.4, -0.2, 0, 0.2, 0.4]);
  });

  it('keeps at least ±10 points for tiny differences, and never goes past ±100', () => {
    const small = plannerRows(reply([result({ difference: { rate: 0.01, ci95: [-0.02, 0.03] } })]));
    expect(forestScale(small, 'difference')).toMatchObject({ min: -0.1, max: 0.1 });
    const huge = plannerRows(reply([result({ difference: { rate: 0.9, ci95: [0.7, 1] } })]));
    expect(forestScale(huge, 'difference')).toMatchObject({ min: -1, max: 1 });
  });

  it('draws exit rates from 0 to 100%', () => {
    expect(forestScale([], 'rate')).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });
});

describe('sentences', () => {
  it.each([
    [{ motivation: 4, hasDebts: true }, 'motivatie 4, met schulden'],
    [
      { ladderStep: 2, ageBand: '55+', household: 'single_parent', refugeeStatus: false },
      'trede 2, 55 jaar en ouder, alleenstaande ouder, geen statushouder',
    ],
    [{}, 'alle deelnemers'],
  ] as const)('describes the profile %j as "%s"', (profile, text) => {
    expect(profileText(profile, nl)).toBe(text);
  });

  it('says which fields were relaxed, in the order dropped', () => {
    expect(relaxedText(['ageBand', 'household'], nl)).toBe('verruimd: leeftijdsgroep, huishouden');
    expect(relaxedText(['refugeeStatus'], en)).toBe('relaxed: refugee status');
    expect(relaxedText([], nl)).toBeNull();
  });

  it('gives the median time to exit in months and days', () => {
    const [withMedian, noMedian, none] = plannerRows(
      reply([result(), observational({ medianDaysToExit: null }), tooFew()]),
    );
    expect(medianText(withMedian!, nl, 'nl')).toBe('9,5 maanden (289 dagen)');
    expect(medianText(withMedian!, en, 'en')).toBe('9.5 months (289 days)');
    expect(medianText(noMedian!, nl, 'nl')).toMatch(/^niet bereikt/);
    expect(medianText(none!, nl, 'nl')).toBe('–');
  });

  it('writes the interval of a difference in points', () => {
    expect(pointsRange(-0.0919, 0.3794, nl, 'nl')).toBe('-9,2 tot +37,9 %-punt');
    expect(pointsRange(-0.0919, 0.3794, en, 'en')).toBe('-9.2 to +37.9 pp');
  });

  it('translates the notes by their code, not the API’s English text', () => {
    const [few] = plannerRows(reply([tooFew()]));
    expect(noteText(few!, nl, 10)).toMatch(/^Minder dan 10 deelnemers/);
    const [plain] = plannerRows(reply([result()]));
    expect(noteText(plain!, nl, 10)).toBeNull();
  });
});

describe('heterogeneitySentences', () => {
  it('says "werkt vooral voor gemotiveerde deelnemers" only when the test supports a subgroup claim', () => {
    const [h] = heterogeneitySentences(
      reply([result({ heterogeneity: het({ p: 0.012, supportsSubgroupClaim: true }) })]),
      nl,
      'nl',
    );
    expect(h!.kind).toBe('claim');
    expect(h!.text).toBe(
      'WerkLoont Rotterdam werkt vooral voor gemotiveerde deelnemers: het verschil met de controlegroep is het grootst bij motivatie 5 (+31,4 %-punt) en het kleinst bij motivatie 1 (-0,7 %-punt) (toets op verschil tussen groepen: p = 0,012).',
    );
  });

  it('otherwise says the data do not show a difference per field', () => {
    const [h] = heterogeneitySentences(reply([result({ heterogeneity: het() })]), nl, 'nl');
    expect(h!.kind).toBe('noClaim');
    expect(h!.text).toMatch(
      /^WerkLoont Rotterdam: de gegevens laten niet zien dat het effect verschilt per motivatie \(p = 0,52\)/,
    );
    expect(h!.text).not.toMatch(/vooral/);
  });

  it('does not claim a subgroup effect on p < 0.05 when the groups are too small', () => {
    const [h] = heterogeneitySentences(
      reply([result({ heterogeneity: het({ p: 0.03, supportsSubgroupClaim: false }) })]),
      nl,
      'nl',
    );
    expect(h!.kind).toBe('noClaim');
    expect(h!.text).toMatch(/te klein om een verschil te kunnen aantonen/);
  });

  it('says a field cannot be tested when there is no result, and skips observational pilots', () => {
    const list = heterogeneitySentences(reply([result(), observational()]), en, 'en');
    expect(list).toHaveLength(1);
    expect(list[0]!.kind).toBe('untestable');
    expect(list[0]!.text).toMatch(/cannot test whether the effect differs by motivation/);
  });

  it.each([
    ['hasDebts', true, 'deelnemers met schulden'],
    ['household', 'single_parent', 'alleenstaande ouders'],
    ['ladderStep', 1, 'deelnemers op trede 1 (geïsoleerd)'],
    ['motivation', 1, 'weinig gemotiveerde deelnemers'],
  ] as const)('names the subgroup %s = %s as "%s"', (by, value, who) => {
    expect(nl.who(by, value)).toBe(who);
  });
});

describe('options per intervention arm', () => {
  const regimes = [
    result({ arm: 'vrijstelling', armLabel: 'Vrijstelling', armLabelEn: 'Exemption' }),
    result({ arm: 'behoud', armLabel: 'Behoud van inkomsten', armLabelEn: null }),
    observational(),
  ];

  it('names an arm beside its pilot only where the pilot offers several, in the page language', () => {
    expect(plannerRows(reply(regimes)).map((r) => r.optionName)).toEqual([
      'WerkLoont Rotterdam — Vrijstelling',
      'WerkLoont Rotterdam — Behoud van inkomsten',
      'Mentorwijs Groningen',
    ]);
    expect(plannerRows(reply(regimes), 'en').map((r) => r.optionName)).toEqual([
      'WerkLoont Rotterdam — Exemption',
      'WerkLoont Rotterdam — Behoud van inkomsten',
      'Mentorwijs Groningen',
    ]);
    expect(new Set(plannerRows(reply(regimes)).map((r) => r.key)).size).toBe(3);
  });

  it('names each option in its heterogeneity sentence', () => {
    const texts = heterogeneitySentences(reply(regimes.slice(0, 2)), nl, 'nl').map((h) => h.text);
    expect(texts[0]).toContain('WerkLoont Rotterdam — Vrijstelling');
    expect(texts[1]).toContain('WerkLoont Rotterdam — Behoud van inkomsten');
  });

  it('says which pilot variables a pilot is not comparable on, by their labels', () => {
    const variables = [
      {
        code: 'supervisor_trained',
        label: 'Begeleider getraind',
        labelEn: 'Supervisor trained',
        type: 'boolean' as const,
        levels: [],
        min: null,
        max: null,
        pilotIds: ['p1'],
      },
    ];
    const [row] = plannerRows(reply([observational({ notComparable: ['supervisor_trained'] })]));
    expect(notComparableText(row!.notComparable, nl, fieldWord(nl, variables))).toBe(
      'niet vergelijkbaar op: begeleider getraind (deze pilot legt dit niet vast)',
    );
    expect(notComparableText(row!.notComparable, en, fieldWord(en, variables, 'en'))).toBe(
      'not comparable on: supervisor trained (this pilot does not record it)',
    );
    expect(notComparableText([], nl, fieldWord(nl, variables))).toBeNull();
    expect(relaxedText(['supervisor_trained', 'motivation'], nl, fieldWord(nl, variables))).toBe(
      `verruimd: begeleider getraind, ${nl.fieldWords.motivation}`,
    );
  });
});
