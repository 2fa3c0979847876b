/**
 * The domain's allowed values as plain constants, without zod, so the dashboard can import them
 * without pulling the schema library into its bundle. `enums.ts` builds the zod schemas from these.
 */

export const THEMES = ['reintegration', 'debt', 'poverty', 'methodical'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * The arms every pilot had before pilots declared their own (SPEC §2): one intervention arm and
 * a control arm. A pilot that declares no arms has these two; its control arm is shown once it
 * has participants.
 */
export const ARMS = ['intervention', 'control'] as const;
/** An arm code: `intervention`, `control` or a pilot's own code such as `vrijstelling`. */
export type Arm = string;
/** The control arm's code; every other arm is an intervention arm. */
export const CONTROL_ARM = 'control';
/** The intervention arm of a pilot that declares no arms (SPEC §4: a missing `arm` means it). */
export const DEFAULT_INTERVENTION_ARM = 'intervention';
/** At most this many intervention arms beside the control arm (SPEC §2). */
export const MAX_INTERVENTION_ARMS = 6;
/**
 * An arm code: lower-case letters, digits and `_`, starting with a letter so that the order of
 * a reply's `arms` record (JavaScript keeps non-numeric keys in insertion order) is the declared
 * order.
 */
export const ARM_CODE = /^[a-z][a-z0-9_]{0,39}$/;
export const ARM_ROLES = ['intervention', 'control'] as const;
export type ArmRole = (typeof ARM_ROLES)[number];

/** The role of an arm code: the code `control` is the control arm, every other an intervention arm. */
export function armRole(code: Arm): ArmRole {
  return code === CONTROL_ARM ? 'control' : 'intervention';
}

/** One arm a pilot declares: its code, its Dutch label and optional English label, in order. */
export interface PilotArm {
  code: Arm;
  label: string;
  labelEn: string | null;
  role: ArmRole;
  order: number;
  /**
   * The arm's default guidance cost in cents (migration 011), which its participants without a
   * cost of their own take before the pilot's default; null or absent: the pilot's default.
   */
  guidanceCostCents?: number | null;
}

/** The arms of a pilot that declares none: `intervention` and `control` (see ARMS). */
export const DEFAULT_PILOT_ARMS: readonly PilotArm[] = [
  {
    code: 'intervention',
    label: 'Interventie',
    labelEn: 'Intervention',
    role: 'intervention',
    order: 0,
  },
  { code: 'control', label: 'Controlegroep', labelEn: 'Control group', role: 'control', order: 1 },
];

/**
 * The arm codes a reply shows, in order: every declared intervention arm, then the control arm
 * when the pilot declares one and it has participants (`hasRows`), as replies did before pilots
 * declared arms.
 */
export function shownArms(
  declared: readonly Pick<PilotArm, 'code'>[],
  hasRows: (code: Arm) => boolean,
): Arm[] {
  const codes = declared.map((a) => a.code).filter((c) => c !== CONTROL_ARM);
  if (declared.some((a) => a.code === CONTROL_ARM) && hasRows(CONTROL_ARM)) codes.push(CONTROL_ARM);
  return codes;
}

/**
 * The arm codes a reply shows (`shownArms`) for rows whose pilot's declaration is not at hand,
 * by the declaration the rows imply. Rows naming only `intervention` and `control` may be a
 * pilot that declares no arms, whose replies show `intervention` always and `control` when it
 * has participants. Rows naming any other arm are a pilot that declared its arms: they show the
 * arms they have, in order of first appearance, and no `intervention` arm they lack. A caller
 * that has the declaration passes `shownArms` of it instead, which also shows declared arms
 * without participants.
 */
export function armsOfRows(rows: readonly { arm: Arm }[]): Arm[] {
  const present = new Set<Arm>();
  for (const r of rows) present.add(r.arm);
  const declaresOwn = [...present].some((c) => c !== DEFAULT_INTERVENTION_ARM && c !== CONTROL_ARM);
  const implied = declaresOwn ? [...present].map((code) => ({ code })) : DEFAULT_PILOT_ARMS;
  return shownArms(implied, (code) => present.has(code));
}

export const HOUSEHOLDS = ['single', 'single_parent', 'couple'] as const;
export type Household = (typeof HOUSEHOLDS)[number];

export const EDUCATIONS = ['low', 'mid', 'high'] as const;
export type Education = (typeof EDUCATIONS)[number];

/** Why bijstand stopped; a `benefit_end` without a reason counts as `other`. */
export const EXIT_REASONS = ['regular_work', 'bbz', 'combination', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EVENT_TYPES = [
  'benefit_end',
  'benefit_restart',
  'bbz_start',
  'bbz_end',
  'work_start',
  'work_end',
  'ladder',
  'offset_income',
  'debt_intake',
  'debt_settlement_start',
  'debt_stabilised',
  'debt_free',
  'money_stress',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event types whose value is an amount in euros, stored as integer cents (`amountCents`). */
export const AMOUNT_EVENT_TYPES = [
  'offset_income',
  'debt_intake',
] as const satisfies readonly EventType[];
export function isAmountEvent(type: EventType): boolean {
  return (AMOUNT_EVENT_TYPES as readonly EventType[]).includes(type);
}

/**
 * Events that mark debts as under control (docs/outcomes-debts.md): a settlement starts
 * (schuldregeling / minnelijk traject), the debts are stabilised, or the participant is debt-free.
 */
export const STABILISING_EVENT_TYPES = [
  'debt_settlement_start',
  'debt_stabilised',
  'debt_free',
] as const satisfies readonly EventType[];

/** The policy domain a budget line is spent in or funded from (finding 5: smart linkages). */
export const BUDGET_DOMAINS = [
  'participation',
  'debt',
  'care',
  'green',
  'liveability',
  'education',
  'other',
] as const;
export type BudgetDomain = (typeof BUDGET_DOMAINS)[number];

/** A municipal reference figure drawn beside a pilot's exit rate. */
export const REFERENCE_KINDS = ['general_outflow', 'council_target'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const ROLES = ['admin', 'manager', 'researcher', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The standard outcome windows (months after intake): the ones the screens offer first and the
 * ones kept current in the derived tables (ADR 0001). Any whole window from `MIN_WINDOW` to
 * `MAX_WINDOW` is answered too, computed on demand ("Any window" in ADR 0001).
 */
export const WINDOWS = [6, 12, 18, 24, 36] as const;
export type WindowMonths = (typeof WINDOWS)[number];

/** The smallest and largest window, in months, that every endpoint taking a window accepts. */
export const MIN_WINDOW = 1;
export const MAX_WINDOW = 60;

/** Status by month runs to this month at least, and on to `MAX_WINDOW` where data reach. */
export const STATUS_MONTHS_SHOWN = 36;

/** Whether `k` is one of the standard windows kept current in the derived tables. */
export function isStandardWindow(k: number): k is WindowMonths {
  return (WINDOWS as readonly number[]).includes(k);
}

/** Whether `k` is a window the API answers: a whole number of months from 1 to 60. */
export function isWindow(k: number): boolean {
  return Number.isInteger(k) && k >= MIN_WINDOW && k <= MAX_WINDOW;
}

/** The message of every refusal of a window, so all endpoints name the allowed range alike. */
export const WINDOW_MESSAGE = `window must be a whole number of months from ${MIN_WINDOW} to ${MAX_WINDOW}`;

/** Participatieladder step names as the UI shows them (SPEC §2). */
export const LADDER_STEPS: Record<number, string> = {
  1: 'Geïsoleerd',
  2: 'Sociale contacten buitenshuis',
  3: 'Deelname georganiseerde activiteiten',
  4: 'Onbetaald werk',
  5: 'Betaald werk met ondersteuning',
  6: 'Betaald werk',
};

export const AGE_BANDS = ['<27', '27-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The ages of each band (age = intake year − birth year, SPEC §3), both ends included; null
 * is open. The one place of the cut points: the engine, the SQL aggregation and the export
 * filter are all built from it.
 */
export const AGE_BAND_AGES: Record<AgeBand, { from: number | null; to: number | null }> = {
  '<27': { from: null, to: 26 },
  '27-44': { from: 27, to: 44 },
  '45-54': { from: 45, to: 54 },
  '55+': { from: 55, to: null },
};

/** The band of an age. */
export function ageBandOf(age: number): AgeBand {
  return AGE_BANDS.find((b) => AGE_BAND_AGES[b].to === null || age <= AGE_BAND_AGES[b].to!)!;
}

/** Baseline fields a subgroup view can split by (SPEC §3). */
export const SUBGROUP_FIELDS = [
  'motivation',
  'ladderStep',
  'household',
  'hasDebts',
  'disability',
  'refugeeStatus',
  'education',
  'ageBand',
] as const;
export type SubgroupField = (typeof SUBGROUP_FIELDS)[number];

/** Columns of participants.csv: the snake_case of the baseline fields (SPEC §2), plus `bsn`. */
export const PARTICIPANT_COLUMNS = [
  'participant_ref',
  'arm',
  'intake_date',
  'monthly_benefit',
  'guidance_cost',
  'household',
  'birth_year',
  'motivation',
  'ladder_step',
  'has_debts',
  'disability',
  'refugee_status',
  'education',
  'lost_to_follow_up_date',
  'bsn',
] as const;
export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number];
