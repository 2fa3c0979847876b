import type { Profile, RouteplannerReply, SubgroupField } from '@wegwijzer/domain';
import { formatNumber, formatP, formatPoints, type Locale } from '../format.ts';
import type { PlannerStrings } from '../pages/routeplanner/strings.ts';
import { cell, type Cell } from '../suppression.ts';

/**
 * Pure mappers for the route planner: the reply to forest rows (no formatting), and the reply to
 * the sentences the page shows (formatted with the page's strings and locale).
 */

type Result = RouteplannerReply['results'][number];
type Interval = readonly [number, number];

/** What a row compares: a difference with a control arm, or an exit rate alone. */
export type PlannerSection = 'difference' | 'rate';
/** Why a rate row has no comparison: no control arm at all, or one too small for this profile. */
export type PlannerKind = 'controlled' | 'observational' | 'noComparison';
/** What the plot draws: the section's estimate with its interval, or nothing ("<10", too few). */
export type PlannerMeasure = 'estimate' | 'none';

export interface ExitFigure {
  rate: Cell;
  count: Cell;
  ci: Interval | null;
}

export interface PlannerRow {
  /** One option per intervention arm of a pilot: pilot id and arm code. */
  key: string;
  pilotId: string;
  pilotName: string;
  arm: string;
  /** "pilot — arm label" for a pilot with several intervention arms, else the pilot's name. */
  optionName: string;
  synthetic: boolean;
  section: PlannerSection;
  kind: PlannerKind;
  measure: PlannerMeasure;
  /** The difference (difference section) or the intervention's exit rate (rate section). */
  estimate: Cell;
  lo: number | null;
  hi: number | null;
  exit: ExitFigure;
  exitControl: ExitFigure | null;
  nIntervention: Cell;
  /** Null for a pilot without a control arm. */
  nControl: Cell | null;
  /** Standard field names or pilot variable codes, in the order dropped. */
  relaxed: string[];
  /** Pilot variables of the profile the pilot does not declare. */
  notComparable: string[];
  medianDays: number | null;
  noteCode: Result['noteCode'];
}

const exitFigure = (
  p: NonNullable<Result['offBenefitControl']>,
  ptr: string,
  s: readonly string[] | undefined,
): ExitFigure => ({
  rate: cell(p.rate, `${ptr}/rate`, s),
  count: cell(p.count, `${ptr}/count`, s),
  ci: p.ci95,
});

/** The name of an option: the pilot, and its arm where the pilot offers several. */
export function optionNames(
  r: Pick<RouteplannerReply, 'results'>,
  l: Locale = 'nl',
): Map<Result, string> {
  const options = new Map<string, number>();
  for (const x of r.results) options.set(x.pilotId, (options.get(x.pilotId) ?? 0) + 1);
  return new Map(
    r.results.map((x) => [
      x,
      options.get(x.pilotId)! > 1
        ? `${x.pilotName} — ${(l === 'en' ? x.armLabelEn : null) ?? x.armLabel}`
        : x.pilotName,
    ]),
  );
}

/** One row per option (intervention arm of a pilot), in the reply's order (best first). */
export function plannerRows(
  r: Pick<RouteplannerReply, 'results' | 'suppressed'>,
  l: Locale = 'nl',
): PlannerRow[] {
  const s = r.suppressed;
  const names = optionNames(r, l);
  return r.results.map((x, i) => {
    const p = `/results/${i}`;
    const kind: PlannerKind = x.observational
      ? 'observational'
      : x.noteCode === 'control_too_small'
        ? 'noComparison'
        : 'controlled';
    const section: PlannerSection = kind === 'controlled' ? 'difference' : 'rate';
    const estimate =
      section === 'difference'
        ? x.difference
          ? cell(x.difference.rate, `${p}/difference/rate`, s)
          : cell(null, `${p}/difference`, s)
        : cell(x.offBenefit.rate, `${p}/offBenefit/rate`, s);
    const ci = section === 'difference' ? (x.difference?.ci95 ?? null) : x.offBenefit.ci95;
    const hasEstimate = estimate.kind === 'value';
    return {
      key: `${x.pilotId}/${x.arm}`,
      pilotId: x.pilotId,
      pilotName: x.pilotName,
      arm: x.arm,
      optionName: names.get(x)!,
      synthetic: x.synthetic,
      section,
      kind,
      measure: hasEstimate ? 'estimate' : 'none',
      estimate,
      lo: hasEstimate && ci ? ci[0] : null,
      hi: hasEstimate && ci ? ci[1] : null,
      exit: exitFigure(x.offBenefit, `${p}/offBenefit`, s),
      exitControl:
        x.offBenefitControl && kind === 'controlled'
          ? exitFigure(x.offBenefitControl, `${p}/offBenefitControl`, s)
          : null,
      nIntervention: cell(x.matched.intervention, `${p}/matched/intervention`, s),
      nControl: x.observational ? null : cell(x.matched.control, `${p}/matched/control`, s),
      relaxed: [...x.relaxed],
      notComparable: [...x.notComparable],
      medianDays: x.medianDaysToExit,
      noteCode: x.noteCode,
    };
  });
}

/** The rows of one section, keeping the reply's order. */
export const sectionRows = (rows: readonly PlannerRow[], section: PlannerSection) =>
  rows.filter((r) => r.section === section);

/** True when no pilot has a figure to show: the page says "geen pilots met deelnemers zoals deze". */
export const nothingToShow = (rows: readonly PlannerRow[]) =>
  rows.every((r) => r.measure === 'none' && r.exit.rate.kind !== 'value');

export interface ForestScale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * The x-axis of a section. Differences: symmetric around zero, rounded up to whole 10 points and
 * wide enough for every interval, with five ticks. Exit rates: 0–100%, since a rate has no zero to
 * compare with.
 */
export function forestScale(rows: readonly PlannerRow[], section: PlannerSection): ForestScale {
  if (section === 'rate') return { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const vals = rows
    .flatMap((r) => [r.lo, r.hi, r.estimate.kind === 'value' ? r.estimate.value : null])
    .filter((v): v is number => v != null);
  const raw = Math.min(1, Math.max(0.1, ...vals.map(Math.abs)));
  const ext = Math.min(1, Math.ceil(raw * 10 - 1e-9) / 10);
  const r2 = (v: number) => Math.round(v * 1000) / 1000 + 0;
  return { min: -ext, max: ext, ticks: [-ext, -ext / 2, 0, ext / 2, ext].map(r2) };
}

// ---- Sentences -------------------------------------------------------------------------------

const PROFILE_ORDER: readonly SubgroupField[] = [
  'motivation',
  'ladderStep',
  'hasDebts',
  'ageBand',
  'household',
  'education',
  'disability',
  'refugeeStatus',
];

/** The profile in words: "motivatie 4, met schulden"; "alle deelnemers" when nothing is given. */
export function profileText(profile: Profile, s: PlannerStrings): string {
  const parts = PROFILE_ORDER.filter((f) => profile[f] != null).map((f) =>
    s.profileValue(f, profile[f]!),
  );
  return parts.length ? parts.join(', ') : s.everyone;
}

/** A profile field in a sentence: the standard field's word, else the pilot variable's label. */
export type FieldWord = (field: string) => string;

/** Field words for the standard fields and the reply's pilot variables, in the page's language. */
export function fieldWord(
  s: PlannerStrings,
  variables: RouteplannerReply['profileVariables'] = [],
  l: Locale = 'nl',
): FieldWord {
  const labels = new Map(
    variables.map((v) => [v.code, ((l === 'en' ? v.labelEn : null) ?? v.label).toLowerCase()]),
  );
  return (f) => s.fieldWords[f as SubgroupField] ?? labels.get(f) ?? f;
}

/** "verruimd: leeftijdsgroep, huishouden" in the order dropped; null when nothing was dropped. */
export function relaxedText(
  fields: readonly string[],
  s: PlannerStrings,
  word: FieldWord = fieldWord(s),
): string | null {
  return fields.length ? s.relaxed(fields.map(word).join(', ')) : null;
}

/** "niet vergelijkbaar op: begeleider getraind"; null when the pilot declares every variable. */
export function notComparableText(
  codes: readonly string[],
  s: PlannerStrings,
  word: FieldWord,
): string | null {
  return codes.length ? s.notComparable(codes.map(word).join(', ')) : null;
}

const DAYS_PER_MONTH = 365.25 / 12;

/** "9,5 maanden (289 dagen)"; "–" for a pilot without figures; "niet bereikt" otherwise. */
export function medianText(row: PlannerRow, s: PlannerStrings, l: Locale): string {
  if (row.medianDays == null)
    return row.exit.rate.kind === 'value' || row.exit.rate.kind === 'suppressed'
      ? s.medianNotReached
      : '–';
  return s.medianValue(
    formatNumber(row.medianDays / DAYS_PER_MONTH, 1, l),
    formatNumber(row.medianDays, 0, l),
  );
}

/** "−9,2 tot +37,9 %-punt": the interval of a difference. */
export function pointsRange(lo: number, hi: number, s: PlannerStrings, l: Locale): string {
  const bare = (v: number) => formatPoints(v, l).replace(/ .*/, '');
  const unit = formatPoints(1, l).replace(/^\S+ /, '');
  return `${s.pointsRange(bare(lo), bare(hi))} ${unit}`;
}

/** The note of a row in the page's language, by its code. */
export function noteText(row: PlannerRow, s: PlannerStrings, threshold: number): string | null {
  return row.noteCode ? s.notes[row.noteCode](threshold) : null;
}

export interface HeterogeneitySentence {
  /** The option's key, as its row's. */
  key: string;
  pilotId: string;
  kind: 'claim' | 'noClaim' | 'untestable';
  text: string;
}

/**
 * The heterogeneity result of each pilot with a control arm, in words. Only a result with
 * `supportsSubgroupClaim` may say "werkt vooral voor …"; any other says the data do not show a
 * difference (which is not showing there is none).
 */
export function heterogeneitySentences(
  r: Pick<RouteplannerReply, 'results'>,
  s: PlannerStrings,
  l: Locale,
  by: SubgroupField = 'motivation',
): HeterogeneitySentence[] {
  const names = optionNames(r, l);
  return r.results
    .filter((x) => !x.observational)
    .map((x) => {
      const h = x.heterogeneity;
      const key = `${x.pilotId}/${x.arm}`;
      const name = names.get(x)!;
      if (!h)
        return {
          key,
          pilotId: x.pilotId,
          kind: 'untestable' as const,
          text: s.untestable(name, s.fieldWords[by]),
        };
      const field = s.fieldWords[h.by];
      const p = formatP(h.p, l);
      const tested = h.groups
        .filter((g) => g.included && g.difference?.rate != null)
        .map((g) => ({ value: g.value, rate: g.difference!.rate! }));
      if (h.supportsSubgroupClaim && tested.length >= 2) {
        const sorted = [...tested].sort((a, b) => b.rate - a.rate);
        const best = sorted[0]!;
        const worst = sorted[sorted.length - 1]!;
        const label = (g: typeof best) =>
          `${s.groupLabel(h.by, g.value)} (${formatPoints(g.rate, l)})`;
        return {
          key,
          pilotId: x.pilotId,
          kind: 'claim' as const,
          text: s.claim(name, s.who(h.by, best.value), label(best), label(worst), p),
        };
      }
      const small = h.p < 0.05 ? ` ${s.noClaimSmall}` : '';
      return {
        key,
        pilotId: x.pilotId,
        kind: 'noClaim' as const,
        text: s.noClaim(name, field, p) + small,
      };
    });
}
