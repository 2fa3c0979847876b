import {
  ARMS,
  defaultArm,
  BIRTH_YEAR,
  Education,
  Household,
  LADDER_STEP,
  lostToFollowUpAfterIntake,
  MOTIVATION,
} from '@wegwijzer/domain';
import type { Baseline, PilotVariable } from '@wegwijzer/domain';
import { variableColumn } from './variables.ts';
import { hashBsn, isValidBsn, normaliseBsn } from './bsn.ts';
import type { Cells, ParticipantColumn } from './header.ts';
import type { RowReport } from './report.ts';
import type { Delimiter, ParticipantRow } from './types.ts';
import {
  parseAmountCents,
  parseBoolean,
  parseDate,
  parseEnum,
  parseWholeNumber,
  shown,
} from './values.ts';
import type { Parsed } from './values.ts';

type Fields = Partial<Baseline>;

/** Reads one optional column into `fields`: an empty cell becomes null. */
interface FieldSpec {
  column: ParticipantColumn;
  apply(raw: string, delimiter: Delimiter, fields: Fields): Parsed<unknown> | null;
}

function field<K extends keyof Baseline>(
  column: ParticipantColumn,
  key: K,
  parse: (raw: string, delimiter: Delimiter) => Parsed<Baseline[K]>,
): FieldSpec {
  return {
    column,
    apply(raw, delimiter, fields) {
      if (raw === '') {
        fields[key] = null as Baseline[K];
        return null;
      }
      const parsed = parse(raw, delimiter);
      if (!parsed.ok) return parsed;
      fields[key] = parsed.value;
      return null;
    },
  };
}

const OPTIONAL_FIELDS: readonly FieldSpec[] = [
  field('monthly_benefit', 'monthlyBenefitCents', (raw, d) =>
    parseAmountCents(raw, d, 'monthly benefit'),
  ),
  field('guidance_cost', 'guidanceCostCents', (raw, d) =>
    parseAmountCents(raw, d, 'guidance cost'),
  ),
  field('household', 'household', (raw) => parseEnum(raw, Household.options, 'household')),
  field('birth_year', 'birthYear', (raw, d) =>
    parseWholeNumber(raw, 'birth year', BIRTH_YEAR.min, BIRTH_YEAR.max, d),
  ),
  field('motivation', 'motivation', (raw, d) =>
    parseWholeNumber(raw, 'motivation', MOTIVATION.min, MOTIVATION.max, d),
  ),
  field('ladder_step', 'ladderStep', (raw, d) =>
    parseWholeNumber(raw, 'ladder step', LADDER_STEP.min, LADDER_STEP.max, d),
  ),
  field('has_debts', 'hasDebts', (raw) => parseBoolean(raw, 'has debts')),
  field('disability', 'disability', (raw) => parseBoolean(raw, 'disability')),
  field('refugee_status', 'refugeeStatus', (raw) => parseBoolean(raw, 'refugee status')),
  field('education', 'education', (raw) => parseEnum(raw, Education.options, 'education')),
  field('lost_to_follow_up_date', 'lostToFollowUpDate', (raw) =>
    parseDate(raw, 'lost to follow-up date'),
  ),
];

/**
 * Validates participants.csv rows. Remembers the refs seen (with their line),
 * which is what catching a ref twice in one file needs.
 */
export class ParticipantValidator {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly delimiter: Delimiter,
    private readonly bsnKey: string | null,
    private readonly variables: readonly PilotVariable[] = [],
    /** The pilot's declared arm codes (SPEC §2), in order. */
    private readonly arms: readonly string[] = ARMS,
  ) {}

  check(cells: Cells, report: RowReport): ParticipantRow | null {
    const fields: Fields = {};
    const ref = cells.get('participant_ref') ?? '';
    if (ref === '')
      report.add(
        'participant_ref',
        "participant_ref is empty; every row needs the participant's reference",
      );
    else {
      const first = this.seen.get(ref);
      if (first !== undefined) {
        report.add(
          'participant_ref',
          `participant_ref ${shown(ref)} appears twice in this file (first on line ${first})`,
          { code: 'duplicate_ref' },
        );
      } else this.seen.set(ref, report.line);
    }

    // Without an arm column a re-import must not move anyone between arms; storage gives a new
    // participant the pilot's first intervention arm, as an empty cell in an arm column does.
    const arm = cells.get('arm');
    if (arm === undefined) {
      // column absent: leave the arm as it is
    } else if (arm === '') fields.arm = defaultArm(this.arms);
    else {
      const parsed = parseEnum(arm, this.arms, 'arm');
      if (parsed.ok) fields.arm = parsed.value;
      else report.add('arm', parsed.error, parsed.rule);
    }

    const intake = cells.get('intake_date') ?? '';
    if (intake === '')
      report.add('intake_date', 'intake date is required, as YYYY-MM-DD or DD-MM-YYYY', {
        code: 'required',
      });
    else {
      const parsed = parseDate(intake, 'intake date');
      if (parsed.ok) fields.intakeDate = parsed.value;
      else report.add('intake_date', parsed.error, parsed.rule);
    }

    for (const spec of OPTIONAL_FIELDS) {
      const raw = cells.get(spec.column);
      if (raw === undefined) continue;
      const refused = spec.apply(raw, this.delimiter, fields);
      if (refused !== null && !refused.ok) report.add(spec.column, refused.error, refused.rule);
    }

    const { intakeDate, lostToFollowUpDate } = fields;
    const lost = intakeDate && lostToFollowUpAfterIntake(lostToFollowUpDate ?? null, intakeDate);
    if (lost && !lost.ok) {
      report.add(
        'lost_to_follow_up_date',
        `lost to follow-up date ${lostToFollowUpDate} is before the intake date ${intakeDate}`,
        lost.error,
      );
    }

    const variables = variableColumn(this.variables, cells, this.delimiter, report);
    const bsnHash = this.bsnHash(cells.get('bsn'), report);
    if (!report.ok) return null;
    return variables === null
      ? { line: report.line, participantRef: ref, bsnHash, fields }
      : { line: report.line, participantRef: ref, bsnHash, fields, variables };
  }

  // The BSN itself never reaches a message or a row: only whether it is well
  // formed, and its keyed hash.
  private bsnHash(raw: string | undefined, report: RowReport): string | null {
    if (raw === undefined || raw === '') return null;
    if (normaliseBsn(raw) === null) {
      report.add(
        'bsn',
        'BSN must be 9 digits (or 8, when a spreadsheet dropped the leading zero)',
        {
          code: 'bad_bsn',
        },
      );
      return null;
    }
    if (!isValidBsn(raw)) {
      report.add(
        'bsn',
        'BSN is not valid: it fails the elfproef (11-test); check for a typing error',
        { code: 'bad_bsn' },
      );
      return null;
    }
    // The reader refuses a bsn column without a key before any row is checked.
    return this.bsnKey === null ? null : hashBsn(raw, this.bsnKey);
  }
}
