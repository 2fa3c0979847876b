import { csvLine, DIALECTS } from '@wegwijzer/export';
import { getPilot as loadPilot, ladderDatesByParticipant, worklistRows } from '@wegwijzer/db';
import { NotFound, todayIso, type WorklistQuery, type WorklistReply } from '@wegwijzer/domain';
import { FOLLOW_UP_TOLERANCE_MONTHS, followUpsDue } from '@wegwijzer/outcomes';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit } from './context.ts';

/** A row, with the import column names of its baseline gaps for the CSV. */
type Item = WorklistReply['items'][number] & { missingColumns?: string[] };

/** The baseline fields the subgroup views split by; a gap is work for the manager. */
const SUBGROUP_COLUMNS = [
  ['motivation', 'motivation'],
  ['ladderStep', 'ladder_step'],
  ['household', 'household'],
  ['hasDebts', 'has_debts'],
  ['disability', 'disability'],
  ['refugeeStatus', 'refugee_status'],
  ['education', 'education'],
  ['birthYear', 'birth_year'],
] as const;

const byDue = (a: Item, b: Item) =>
  Number(b.overdue) - Number(a.overdue) ||
  a.nextDueDate.localeCompare(b.nextDueDate) ||
  a.participantRef.localeCompare(b.participantRef);
const SORTS: Record<WorklistQuery['sort'], (a: Item, b: Item) => number> = {
  due: byDue,
  ref: (a, b) => a.participantRef.localeCompare(b.participantRef, 'nl', { numeric: true }),
  intake: (a, b) => a.intakeDate.localeCompare(b.intakeDate) || byDue(a, b),
};

/**
 * Every row of the worklist on its date, filtered and sorted (docs/worklist.md): ladder
 * follow-ups at 6, 12 and 24 months without a measurement in their tolerance window, and
 * baseline gaps (due at intake).
 */
async function worklistItems(
  ctx: UseCaseCtx,
  pilotId: string,
  q: Omit<WorklistQuery, 'page' | 'pageSize'>,
) {
  const pilot = await loadPilot(ctx.store.db, pilotId);
  if (!pilot) throw new NotFound('Pilot');
  const basis = q.asOf ? ('date' as const) : q.basis;
  const asOf = q.asOf ?? (q.basis === 'today' ? todayIso() : pilot.dataCompleteThrough);
  const ladders = await ladderDatesByParticipant(ctx.store.db, pilotId);
  const items: Item[] = [];
  for (const row of await worklistRows(ctx.store.db, pilotId)) {
    // Someone not yet enrolled, or lost to follow-up, cannot be followed up.
    if (row.intake_date > asOf) continue;
    if (row.lost_to_follow_up_date !== null && row.lost_to_follow_up_date <= asOf) continue;
    const followUps = followUpsDue(row.intake_date, ladders.get(Number(row.id)) ?? [], asOf);
    const gaps = SUBGROUP_COLUMNS.filter(([, c]) => row[c] === null);
    const missingFields: string[] = gaps.map(([field]) => field);
    if (followUps.length === 0 && missingFields.length === 0) continue;
    const baselineDue = missingFields.length > 0;
    items.push({
      participantId: String(row.id),
      participantRef: row.participant_ref,
      intakeDate: row.intake_date,
      dueMarks: followUps.map((f) => f.mark),
      missingFields,
      arm: row.arm,
      followUps,
      missingColumns: gaps.map(([, column]) => column),
      nextDueDate: baselineDue ? row.intake_date : followUps[0]!.dueDate,
      overdue: followUps.some((f) => f.overdue) || (baselineDue && row.intake_date < asOf),
    });
  }
  const shown = items
    .filter((i) => (q.kind === 'followup' ? i.followUps.length > 0 : true))
    .filter((i) => (q.kind === 'baseline' ? i.missingFields.length > 0 : true))
    .filter((i) => (q.overdue === undefined ? true : i.overdue === (q.overdue === 'true')))
    .sort(SORTS[q.sort]);
  return { pilot, basis, asOf, items: shown };
}

/** One page of the follow-up worklist, with the totals of the filtered list. */
export async function worklist({
  ctx,
  pilotId,
  query,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  query: WorklistQuery;
}): Promise<WorklistReply> {
  const { pilot, basis, asOf, items } = await worklistItems(ctx, pilotId, query);
  const from = (query.page - 1) * query.pageSize;
  const page = items.slice(from, from + query.pageSize).map(({ missingColumns: _, ...i }) => i);
  await emitAudit(ctx, { action: 'worklist.read', pilotId, rowCount: page.length });
  return {
    pilotId,
    asOf,
    total: items.length,
    items: page,
    basis,
    observationEnd: pilot.dataCompleteThrough,
    toleranceMonths: FOLLOW_UP_TOLERANCE_MONTHS,
    overdueTotal: items.filter((i) => i.overdue).length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const HEADER = [
  'referentie',
  'groep',
  'intakedatum',
  'taak',
  'maanden_na_intake',
  'uiterste_datum',
  'venster_van',
  'venster_tot',
  'te_laat',
  'ontbrekende_gegevens',
];

/**
 * The filtered worklist as Excel-NL CSV (`;`, UTF-8 with BOM, CRLF): one line a task, a ladder
 * measurement or the baseline gaps of one participant.
 */
export async function worklistCsv({
  ctx,
  pilotId,
  query,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  query: Omit<WorklistQuery, 'page' | 'pageSize'>;
}): Promise<{ csv: string; asOf: string }> {
  const { asOf, items } = await worklistItems(ctx, pilotId, query);
  const dialect = DIALECTS['excel-nl'];
  const yesNo = (b: boolean) => (b ? 'ja' : 'nee');
  let csv = '\uFEFF' + csvLine(HEADER, dialect);
  let lines = 0;
  for (const i of items) {
    const who = [i.participantRef, i.arm, i.intakeDate];
    if (query.kind !== 'baseline')
      for (const f of i.followUps) {
        csv += csvLine(
          [
            ...who,
            'meting_participatieladder',
            String(f.mark),
            f.dueDate,
            f.windowStart,
            f.windowEnd,
            yesNo(f.overdue),
            '',
          ],
          dialect,
        );
        lines++;
      }
    if (query.kind !== 'followup' && i.missingFields.length > 0) {
      csv += csvLine(
        [
          ...who,
          'gegevens_aanvullen',
          '',
          i.intakeDate,
          '',
          '',
          yesNo(i.intakeDate < asOf),
          (i.missingColumns ?? []).join(', '),
        ],
        dialect,
      );
      lines++;
    }
  }
  await emitAudit(ctx, { action: 'worklist.export', pilotId, rowCount: lines });
  return { csv, asOf };
}
