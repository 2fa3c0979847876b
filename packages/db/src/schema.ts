import type { Generated } from 'kysely';
import type { WindowMonths } from '@wegwijzer/domain';

/** Booleans are stored as 0/1 so the same columns work on SQLite and PostgreSQL (smallint). */
type Bool = number;

export interface PilotsTable {
  id: string;
  name: string;
  municipality: string;
  theme: string;
  start_date: string;
  data_complete_through: string;
  monthly_benefit_cents: number | null;
  guidance_cost_cents: number | null;
  target_group: string | null;
  description: string | null;
  synthetic: Bool;
  /** Bumped on every write that can change an outcome; caches key on it. */
  data_version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** SPEC §8 (migration 004): until when the participant data are kept. */
  retain_until: string | null;
  /** 1 while the retention date was set by the migration and awaits an admin's review. */
  retention_review: Generated<Bool>;
  /** What happens at the retention date: `erase` everything, or `reduce` to the aggregates. */
  retention_action: Generated<string>;
  /** `erased` or `reduced` once the retention date was acted on; null before. */
  retention_state: string | null;
  retention_applied_at: string | null;
  /** The processing record (AVG art. 30). */
  purpose: string | null;
  legal_basis: string | null;
  agreement_ref: string | null;
  department: string | null;
  contact: string | null;
}

/** A pilot's declared arms (migration 008); `control` is the control arm's code. */
export interface PilotArmsTable {
  pilot_id: string;
  code: string;
  label: string;
  label_en: string | null;
  /** The declared order, from 0. */
  position: number;
}

export interface ParticipantsTable {
  id: Generated<number>;
  pilot_id: string;
  participant_ref: string;
  arm: string;
  intake_date: string;
  monthly_benefit_cents: number | null;
  guidance_cost_cents: number | null;
  household: string | null;
  birth_year: number | null;
  motivation: number | null;
  ladder_step: number | null;
  has_debts: Bool | null;
  disability: Bool | null;
  refugee_status: Bool | null;
  education: string | null;
  lost_to_follow_up_date: string | null;
  /** HMAC-SHA-256 of the BSN under WEGWIJZER_BSN_KEY; the BSN itself is never stored. */
  bsn_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  participant_id: number;
  pilot_id: string;
  type: string;
  date: string;
  reason: string | null;
  value: number | null;
  amount_cents: number | null;
  created_at: string;
}

/**
 * One participant's facts in one standard window: a row of `windowRows(k)` (window-columns.ts),
 * stored since migration 010 as columns `w<k>_<fact>` of `participant_derived`.
 */
export interface ParticipantWindowRow {
  participant_id: number;
  pilot_id: string;
  arm: string;
  window_months: number;
  evaluable: Bool;
  off_benefit: Bool;
  route: string | null;
  sustained: Bool | null;
  benefit_days: number;
  off_days: number;
  /** off_days × monthly benefit in cents: summing it keeps avoided benefit exact. */
  avoided_numerator: number;
  offset_cents: number;
  guidance_cents: number;
  ladder_measured: Bool;
  ladder_up: Bool;
  ladder_change: number;
  /** Window-free, repeated in every window row so a summary needs no join. */
  placements_eligible: number;
  placements_sustained: number;
  /** Evaluable with a debt_intake in [t0, m(k)]; of those, stabilised by m(k) (migration 003). */
  debt_intake: Bool;
  debt_stabilised: Bool;
  /** Evaluable with two or more money-stress scores in [t0, m(k)], and latest − earliest in tenths. */
  stress_measured: Bool;
  stress_change_tenths: number;
}

/** One row per participant: window-free derived figures. */
export interface ParticipantDerivedTable {
  participant_id: number;
  pilot_id: string;
  arm: string;
  first_exit_days: number;
  first_exit_censored: Bool;
  placements_eligible: number;
  placements_sustained: number;
  /** Days to the first stabilising debt event; null without a debt_intake (migration 003). */
  debt_stabilise_days: number | null;
  debt_stabilise_censored: Bool | null;
  /** The pilot's data_version of the write that last recomputed this row (migration 007). */
  data_version: Generated<number>;
}

/** The window columns of `participant_derived` (migration 010), `w<k>_<fact>`. */
export type WideWindowColumns = {
  [
    F in Exclude<
      keyof ParticipantWindowRow,
      'participant_id' | 'pilot_id' | 'arm' | 'window_months'
    > as `w${WindowMonths}_${F}`
  ]: ParticipantWindowRow[F];
};

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  created_at: string;
  disabled: Generated<Bool>;
}

export interface GrantsTable {
  user_id: string;
  pilot_id: string;
}

export interface TokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  /** The token this one was made with (migration 005); revoking that one revokes this one. */
  parent_id: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** Last use, for the idle timeout (migration 005); null means never used since it was made. */
  last_seen_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  pilot_id: string | null;
  participant_id: number | null;
  row_count: number | null;
  details: string | null;
  request_id: string | null;
  /** Migration 005: the caller's X-Request-Id, and the hash chain. */
  client_request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Failed logins per key (an account-and-address pair, an address), migration 005. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** Anonymous failures counted per address and minute until they enter the audit log as one entry. */
export interface AuditAnonymousTable {
  address: string;
  minute: string;
  action: string;
  count: number;
}

/** Sums of the window rows (`windowRows`) per pilot, window and arm. */
export interface PilotTotalsTable {
  pilot_id: string;
  window_months: number;
  arm: string;
  participants: number;
  evaluable: number;
  off_benefit: number;
  r_regular_work: number;
  r_bbz: number;
  r_combination: number;
  r_other: number;
  sustained: number;
  benefit_days: number;
  avoided_numerator: number;
  offset_cents: number;
  guidance_cents: number;
  ladder_measured: number;
  ladder_up: number;
  ladder_change: number;
  placements_eligible: number;
  placements_sustained: number;
  debt_intake: number;
  debt_stabilised: number;
  stress_measured: number;
  stress_change_tenths: number;
}

/** A pilot's costs and funding, one line per amount, domain and funder (migration 003). */
export interface BudgetLinesTable {
  id: string;
  pilot_id: string;
  amount_cents: number;
  period_start: string;
  period_end: string;
  domain: string;
  funding_source: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** Municipal reference figures drawn beside a pilot's exit rate (migration 003). */
export interface ReferenceLinesTable {
  id: string;
  pilot_id: string;
  kind: string;
  rate: number;
  window_months: number;
  period: string;
  source: string;
  created_at: string;
}

/** One export, for access requests: when, by whom (migration 004). */
export interface ExportLogTable {
  id: string;
  pilot_id: string;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  format: string;
  date_shift: Bool;
  participants: number;
}

/** Which participants (internal ids) an export included (migration 004). */
export interface ExportParticipantsTable {
  participant_id: number;
  export_id: string;
}

/** A pilot's own baseline variable (migration 009, ADR 0009). */
export interface PilotVariablesTable {
  id: Generated<number>;
  pilot_id: string;
  code: string;
  label: string;
  label_en: string | null;
  type: string;
  /** JSON list of `{code, label, labelEn}`; `[]` for non-category types. */
  levels: string;
  min_value: number | null;
  max_value: number | null;
  description: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

/** One known value of a pilot variable for one participant; no row = not recorded. */
export interface ParticipantValuesTable {
  participant_id: number;
  variable_id: number;
  pilot_id: string;
  /** integer and boolean (0/1) variables. */
  number_value: number | null;
  /** category variables: the level code. */
  level: string | null;
}

export interface Database {
  pilot_variables: PilotVariablesTable;
  participant_values: ParticipantValuesTable;
  export_log: ExportLogTable;
  export_participants: ExportParticipantsTable;
  budget_lines: BudgetLinesTable;
  reference_lines: ReferenceLinesTable;
  pilot_totals: PilotTotalsTable;
  login_throttle: LoginThrottleTable;
  audit_anonymous: AuditAnonymousTable;
  settings: SettingsTable;
  pilots: PilotsTable;
  pilot_arms: PilotArmsTable;
  participants: ParticipantsTable;
  events: EventsTable;
  participant_derived: ParticipantDerivedTable & WideWindowColumns;
  users: UsersTable;
  grants: GrantsTable;
  tokens: TokensTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}
