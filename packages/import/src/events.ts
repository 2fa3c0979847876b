import { EXIT_REASONS, EventType } from '@wegwijzer/domain';
import type { ExitReason, TimelineEvent } from '@wegwijzer/domain';
import type { Cells } from './header.ts';
import type { RowReport } from './report.ts';
import type { Delimiter, EventRow, ImportContext } from './types.ts';
import {
  parseAmountCents,
  parseDate,
  parseEnum,
  parseHours,
  parseStressScore,
  parseWholeNumber,
  shown,
} from './values.ts';

type Value = Pick<TimelineEvent, 'value' | 'amountCents'>;

/** Reads the `value` cell by event type (SPEC §2 table, docs/outcomes-debts.md); returns null after reporting a problem. */
function readValue(
  type: EventType,
  raw: string,
  delimiter: Delimiter,
  report: RowReport,
): Value | null {
  const none: Value = { value: null, amountCents: null };
  switch (type) {
    case 'ladder': {
      if (raw === '')
        return refuse(
          report,
          'value is required for type ladder: the step, a whole number from 1 to 6',
        );
      const step = parseWholeNumber(raw, 'ladder step', 1, 6);
      return step.ok ? { value: step.value, amountCents: null } : refuse(report, step.error);
    }
    case 'offset_income': {
      if (raw === '')
        return refuse(report, 'value is required for type offset_income: the amount in euros');
      const cents = parseAmountCents(raw, delimiter, 'offset income amount');
      return cents.ok ? { value: null, amountCents: cents.value } : refuse(report, cents.error);
    }
    case 'debt_intake': {
      if (raw === '')
        return refuse(report, 'value is required for type debt_intake: the total debt in euros');
      const cents = parseAmountCents(raw, delimiter, 'debt amount');
      return cents.ok ? { value: null, amountCents: cents.value } : refuse(report, cents.error);
    }
    case 'money_stress': {
      if (raw === '')
        return refuse(report, 'value is required for type money_stress: the score from 0 to 10');
      const score = parseStressScore(raw, delimiter);
      return score.ok ? { value: score.value, amountCents: null } : refuse(report, score.error);
    }
    case 'work_start': {
      if (raw === '') return none;
      const hours = parseHours(raw, delimiter);
      return hours.ok ? { value: hours.value, amountCents: null } : refuse(report, hours.error);
    }
    default:
      if (raw === '') return none;
      return refuse(report, `value must be empty for type ${type}, got ${shown(raw)}`);
  }
}

function refuse(report: RowReport, message: string): null {
  report.add('value', message);
  return null;
}

/**
 * Validates events.csv rows against the pilot's participants (via the
 * context). Remembers each (ref, date) with a `benefit_end`, which is what
 * catching two on one day needs.
 */
export class EventValidator {
  private readonly benefitEnds = new Map<string, number>();

  constructor(
    private readonly delimiter: Delimiter,
    private readonly ctx: ImportContext,
  ) {}

  check(cells: Cells, report: RowReport): EventRow | null {
    const ref = cells.get('participant_ref') ?? '';
    const participant = ref === '' ? undefined : this.ctx.participant?.(ref);
    if (ref === '')
      report.add(
        'participant_ref',
        "participant_ref is empty; every row needs the participant's reference",
      );
    else if (this.ctx.participant && participant === undefined) {
      report.add(
        'participant_ref',
        `participant ${shown(ref)} is not in this pilot; import it in participants.csv first`,
      );
    }

    const rawType = cells.get('type') ?? '';
    let type: EventType | null = null;
    if (rawType === '')
      report.add('type', `type is required, one of ${EventType.options.join(', ')}`);
    else {
      const parsed = parseEnum(rawType, EventType.options, 'type');
      if (parsed.ok) type = parsed.value;
      else report.add('type', parsed.error);
    }

    const rawDate = cells.get('date') ?? '';
    let date: string | null = null;
    if (rawDate === '') report.add('date', 'date is required, as YYYY-MM-DD or DD-MM-YYYY');
    else {
      const parsed = parseDate(rawDate, 'date');
      if (parsed.ok) date = parsed.value;
      else report.add('date', parsed.error);
    }
    if (date !== null && participant !== undefined && date < participant.intakeDate) {
      report.add(
        'date',
        `date ${date} is before the participant's intake date ${participant.intakeDate}`,
      );
    }

    const reason = type === null ? null : this.readReason(type, cells.get('reason') ?? '', report);
    const value =
      type === null ? null : readValue(type, cells.get('value') ?? '', this.delimiter, report);

    if (type === 'benefit_end' && date !== null && ref !== '')
      this.checkOneBenefitEndPerDay(ref, date, report);

    if (!report.ok || type === null || date === null || value === null) return null;
    return { line: report.line, participantRef: ref, event: { type, date, reason, ...value } };
  }

  private readReason(type: EventType, raw: string, report: RowReport): ExitReason | null {
    if (raw === '') return null;
    if (type !== 'benefit_end') {
      report.add(
        'reason',
        `reason is only allowed for type benefit_end, got ${shown(raw)} for type ${type}`,
      );
      return null;
    }
    const parsed = parseEnum(raw, EXIT_REASONS, 'reason');
    if (parsed.ok) return parsed.value;
    report.add('reason', parsed.error);
    return null;
  }

  // Of two benefit_ends on one day, which reason holds is undefined (SPEC §3 orders
  // only end against restart), so the second is refused.
  private checkOneBenefitEndPerDay(ref: string, date: string, report: RowReport): void {
    const key = `${ref}\u0000${date}`;
    const first = this.benefitEnds.get(key);
    if (first !== undefined) {
      report.add(
        'date',
        `participant ${shown(ref)} already has a benefit_end on ${date} (line ${first})`,
      );
    } else {
      this.benefitEnds.set(key, report.line);
      if (this.ctx.hasBenefitEnd?.(ref, date)) {
        report.add(
          'date',
          `participant ${shown(ref)} already has a benefit_end on ${date} in this pilot`,
        );
      }
    }
  }
}
