import {
  EXIT_REASONS,
  EventType,
  eventDate,
  eventReason,
  eventValue,
  LADDER_STEP,
  readCellNumber,
} from '@wegwijzer/domain';
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

/** What a missing value should have been, by type. */
const REQUIRED: Partial<Record<EventType, string>> = {
  ladder: 'value is required for type ladder: the step, a whole number from 1 to 6',
  offset_income: 'value is required for type offset_income: the amount in euros',
  debt_intake: 'value is required for type debt_intake: the total debt in euros',
  money_stress: 'value is required for type money_stress: the score from 0 to 10',
};

/** The English words for a refused value of `type`, as the cell's own reader puts them. */
function wording(type: EventType, raw: string, delimiter: Delimiter): string {
  const parsed =
    type === 'ladder'
      ? parseWholeNumber(raw, 'ladder step', LADDER_STEP.min, LADDER_STEP.max, delimiter)
      : type === 'offset_income'
        ? parseAmountCents(raw, delimiter, 'offset income amount')
        : type === 'debt_intake'
          ? parseAmountCents(raw, delimiter, 'debt amount')
          : type === 'money_stress'
            ? parseStressScore(raw, delimiter)
            : parseHours(raw, delimiter);
  return parsed.ok ? `value ${shown(raw)} is not allowed for type ${type}` : parsed.error;
}

/** Reads the `value` cell by the shared event rule (domain rules.ts); null after reporting. */
function readValue(
  type: EventType,
  raw: string,
  delimiter: Delimiter,
  report: RowReport,
): Value | null {
  const verdict = eventValue(type, readCellNumber(raw, delimiter));
  if (verdict.ok) return verdict.value;
  const e = verdict.error;
  const message =
    e.code === 'required'
      ? REQUIRED[type]!
      : e.code === 'not_allowed'
        ? `value must be empty for type ${type}, got ${shown(raw)}`
        : wording(type, raw, delimiter);
  report.add('value', message, e);
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
      report.add('type', `type is required, one of ${EventType.options.join(', ')}`, {
        code: 'required',
      });
    else {
      const parsed = parseEnum(rawType, EventType.options, 'type');
      if (parsed.ok) type = parsed.value;
      else report.add('type', parsed.error, parsed.rule);
    }

    const rawDate = cells.get('date') ?? '';
    let date: string | null = null;
    if (rawDate === '')
      report.add('date', 'date is required, as YYYY-MM-DD or DD-MM-YYYY', { code: 'required' });
    else {
      const parsed = parseDate(rawDate, 'date');
      if (parsed.ok) date = parsed.value;
      else report.add('date', parsed.error, parsed.rule);
    }
    const inTime =
      date === null || participant === undefined ? null : eventDate(date, participant.intakeDate);
    if (inTime && !inTime.ok) {
      report.add(
        'date',
        `date ${date} is before the participant's intake date ${participant!.intakeDate}`,
        inTime.error,
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
    // Any case in a file (SPEC §4); the shared rule decides on the lower-cased text.
    const verdict = eventReason(type, raw.toLowerCase());
    if (verdict.ok) return verdict.value;
    report.add(
      'reason',
      verdict.error.code === 'not_allowed'
        ? `reason is only allowed for type benefit_end, got ${shown(raw)} for type ${type}`
        : `reason must be one of ${EXIT_REASONS.join(', ')}, got ${shown(raw)}`,
      verdict.error,
    );
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
