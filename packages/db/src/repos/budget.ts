import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type {
  BudgetDomain,
  BudgetLineFields,
  BudgetLineRecord,
  ReferenceKind,
  ReferenceLineFields,
  ReferenceLineRecord,
} from '@wegwijzer/domain';
import { nowIso } from '../clock.ts';
import { BulkInsert } from '../derived.ts';
import type { Tx } from '../open.ts';
import type { BudgetLinesTable, Database, ReferenceLinesTable } from '../schema.ts';
import { bumpPilotVersion } from '../writes.ts';

/**
 * Budget and reference lines feed the pilot's replies (savings, reference lines in the summary),
 * which are cached by the pilot's data version: each write bumps it in its own transaction.
 */
async function bumpVersionOf(tx: Tx, table: 'budget_lines' | 'reference_lines', id: string) {
  await tx.run(
    `UPDATE pilots SET data_version = data_version + 1
     WHERE id = (SELECT pilot_id FROM ${table} WHERE id = ?)`,
    [id],
  );
}

/**
 * Budget lines and municipal reference lines of a pilot. Writes take the transaction so they
 * land together with their audit entry.
 */

export function toBudgetLineRecord(row: Selectable<BudgetLinesTable>): BudgetLineRecord {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    amountCents: row.amount_cents,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    domain: row.domain as BudgetDomain,
    fundingSource: row.funding_source,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A pilot's budget lines, by period and then as entered. */
export async function listBudgetLines(
  db: Kysely<Database>,
  pilotId: string,
): Promise<BudgetLineRecord[]> {
  const rows = await db
    .selectFrom('budget_lines')
    .selectAll()
    .where('pilot_id', '=', pilotId)
    .orderBy('period_start')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toBudgetLineRecord);
}

export async function getBudgetLine(
  db: Kysely<Database>,
  id: string,
): Promise<BudgetLineRecord | undefined> {
  const row = await db
    .selectFrom('budget_lines')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toBudgetLineRecord(row);
}

/** The pilot a budget line belongs to, for access checks. */
export async function pilotOfBudgetLine(
  db: Kysely<Database>,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('budget_lines')
    .select('pilot_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.pilot_id;
}

const BUDGET_LINE_COLUMNS = [
  'id',
  'pilot_id',
  'amount_cents',
  'period_start',
  'period_end',
  'domain',
  'funding_source',
  'description',
  'created_at',
  'updated_at',
];

function budgetValues(id: string, pilotId: string, l: BudgetLineFields, now: string) {
  return [
    id,
    pilotId,
    l.amountCents,
    l.periodStart,
    l.periodEnd,
    l.domain,
    l.fundingSource,
    l.description,
    now,
    now,
  ];
}

export async function insertBudgetLineTx(
  tx: Tx,
  pilotId: string,
  line: BudgetLineFields,
): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `INSERT INTO budget_lines (${BUDGET_LINE_COLUMNS.join(', ')})
     VALUES (${BUDGET_LINE_COLUMNS.map(() => '?').join(', ')})`,
    budgetValues(id, pilotId, line, nowIso()),
  );
  await bumpPilotVersion(tx, pilotId);
  return id;
}

/** Writes a validated budget.csv: every row becomes a new line (all or nothing in one transaction). */
export async function writeBudgetLines(
  tx: Tx,
  pilotId: string,
  rows: Iterable<BudgetLineFields>,
): Promise<{ inserted: number }> {
  await tx.lockPilot(pilotId);
  const insert = new BulkInsert(tx, 'budget_lines', BUDGET_LINE_COLUMNS);
  const now = nowIso();
  let inserted = 0;
  for (const l of rows) {
    await insert.add(budgetValues(randomUUID(), pilotId, l, now));
    inserted++;
  }
  await insert.flush();
  if (inserted > 0) await bumpPilotVersion(tx, pilotId);
  return { inserted };
}

const BUDGET_COLUMNS: Record<keyof BudgetLineFields, string> = {
  amountCents: 'amount_cents',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  domain: 'domain',
  fundingSource: 'funding_source',
  description: 'description',
};

export async function updateBudgetLineTx(
  tx: Tx,
  id: string,
  patch: Partial<BudgetLineFields>,
): Promise<void> {
  const entries = (Object.keys(BUDGET_COLUMNS) as (keyof BudgetLineFields)[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => [BUDGET_COLUMNS[k], patch[k]] as const);
  await tx.run(
    `UPDATE budget_lines SET ${entries.map(([c]) => `${c} = ?, `).join('')}updated_at = ? WHERE id = ?`,
    [...entries.map(([, v]) => v), nowIso(), id],
  );
  await bumpVersionOf(tx, 'budget_lines', id);
}

export async function deleteBudgetLineTx(tx: Tx, id: string): Promise<void> {
  await bumpVersionOf(tx, 'budget_lines', id);
  await tx.run('DELETE FROM budget_lines WHERE id = ?', [id]);
}

export function toReferenceLineRecord(row: Selectable<ReferenceLinesTable>): ReferenceLineRecord {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    kind: row.kind as ReferenceKind,
    rate: row.rate,
    windowMonths: row.window_months,
    period: row.period,
    source: row.source,
    createdAt: row.created_at,
  };
}

/** Reference lines of the given pilots, for one window or all; by kind, then as entered. */
export async function listReferenceLines(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  windowMonths?: number,
): Promise<ReferenceLineRecord[]> {
  if (pilotIds.length === 0) return [];
  let q = db
    .selectFrom('reference_lines')
    .selectAll()
    .where('pilot_id', 'in', pilotIds)
    .orderBy('window_months')
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('id');
  if (windowMonths !== undefined) q = q.where('window_months', '=', windowMonths);
  return (await q.execute()).map(toReferenceLineRecord);
}

export async function getReferenceLine(
  db: Kysely<Database>,
  id: string,
): Promise<ReferenceLineRecord | undefined> {
  const row = await db
    .selectFrom('reference_lines')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toReferenceLineRecord(row);
}

/** The pilot a reference line belongs to, for access checks. */
export async function pilotOfReferenceLine(
  db: Kysely<Database>,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('reference_lines')
    .select('pilot_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.pilot_id;
}

export async function insertReferenceLineTx(
  tx: Tx,
  pilotId: string,
  line: ReferenceLineFields,
): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `INSERT INTO reference_lines (id, pilot_id, kind, rate, window_months, period, source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, pilotId, line.kind, line.rate, line.windowMonths, line.period, line.source, nowIso()],
  );
  await bumpPilotVersion(tx, pilotId);
  return id;
}

export async function deleteReferenceLineTx(tx: Tx, id: string): Promise<void> {
  await bumpVersionOf(tx, 'reference_lines', id);
  await tx.run('DELETE FROM reference_lines WHERE id = ?', [id]);
}
