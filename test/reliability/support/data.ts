import {
  allWindowRows,
  armTotals,
  openStore,
  recomputePilot,
  recountTotals,
  toPilotRecord,
  type SqliteStore,
} from '@wegwijzer/db';

/** Deterministic CSV files for the tests, and checks of a database file opened directly. */

export const WINDOWS = [6, 12, 18, 24, 36] as const;

/** `n` participants `P00001…`, intake spread over 2023, half of them in the control arm. */
export function participantsCsv(n: number): string {
  const lines = [
    'participant_ref,arm,intake_date,monthly_benefit,guidance_cost,motivation,ladder_step',
  ];
  for (let i = 1; i <= n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      `P${String(i).padStart(5, '0')},${i % 2 ? 'intervention' : 'control'},2023-${month}-${day},${1100 + (i % 7) * 25},${2500 + (i % 5) * 100},${1 + (i % 5)},${1 + (i % 6)}`,
    );
  }
  return lines.join('\n') + '\n';
}

function isoPlusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `rows` events spread evenly over the `participants` of `participantsCsv`, all dated after
 * intake. Each participant gets one `benefit_end` on a date unique to `run`, so the same
 * participants can take the file of every run.
 */
export function eventsCsv(participants: number, rows: number, run: number): string {
  const perParticipant = Math.ceil(rows / participants);
  const types = ['ladder', 'offset_income', 'work_start', 'work_end', 'benefit_restart'] as const;
  const out: string[] = ['participant_ref,type,date,reason,value'];
  let written = 0;
  for (let i = 1; i <= participants && written < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const intake = `2023-${month}-${day}`;
    const ref = `P${String(i).padStart(5, '0')}`;
    for (let j = 0; j < perParticipant && written < rows; j++, written++) {
      const date = isoPlusDays(intake, 1 + ((j * 7 + run * 3) % 900));
      if (j === 0)
        out.push(
          `${ref},benefit_end,${isoPlusDays(intake, 30 + run)},${['regular_work', 'bbz', 'combination', 'other'][i % 4]},`,
        );
      else {
        const type = types[(i + j) % types.length]!;
        const value =
          type === 'ladder'
            ? String(1 + ((i + j) % 6))
            : type === 'offset_income'
              ? `${100 + (j % 50)}.25`
              : type === 'work_start'
                ? '24'
                : '';
        out.push(`${ref},${type},${date},,${value}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

/** What a consistency check reads from a database file after a crash, a restore or an upgrade. */
export interface Snapshot {
  integrity: string;
  counts: { participants: number; events: number; audit: number };
  /** `pilot_totals` (what the API serves) per window. */
  totals: Record<number, unknown>;
}

function count(raw: SqliteStore['sqlite'], table: string, pilotId: string): number {
  return Number(
    raw.prepare(`SELECT COUNT(*) FROM ${table} WHERE pilot_id = ?`).pluck().get(pilotId),
  );
}

/**
 * Opens the file directly (the server must be stopped) and checks that it is sound:
 * `integrity_check`, the kept-current `pilot_totals` equal to the sums of the window rows, and
 * the window rows equal to a fresh recompute from the events (done in a transaction rolled back).
 */
export async function verifyFile(
  file: string,
  pilotId: string,
): Promise<Snapshot & { totalsMatchWindows: boolean; windowsMatchEvents: boolean }> {
  const store = await openStore(file);
  const { db, sqlite: raw } = store;
  try {
    const integrity = (raw.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    const totals: Record<number, unknown> = {};
    let totalsMatchWindows = true;
    for (const k of WINDOWS) {
      totals[k] = await armTotals(db, pilotId, k);
      if (JSON.stringify(totals[k]) !== JSON.stringify(await recountTotals(db, pilotId, k)))
        totalsMatchWindows = false;
    }
    const windows = () =>
      JSON.stringify(
        raw
          .prepare(
            `SELECT * FROM ${allWindowRows()} w WHERE pilot_id = ? ORDER BY window_months, participant_id`,
          )
          .all(pilotId),
      );
    const before = windows();
    const pilot = toPilotRecord(
      raw.prepare('SELECT * FROM pilots WHERE id = ?').get(pilotId) as never,
    );
    let after = '';
    const rollback = new Error('rollback');
    try {
      await store.transaction(async (tx) => {
        await recomputePilot(tx, pilotId, pilot);
        // The transaction holds the one connection: the raw handle reads inside it.
        after = windows();
        throw rollback;
      });
    } catch (err) {
      if (err !== rollback) throw err;
    }
    return {
      integrity,
      counts: {
        participants: count(raw, 'participants', pilotId),
        events: count(raw, 'events', pilotId),
        audit: count(raw, 'audit_log', pilotId),
      },
      totals,
      totalsMatchWindows,
      windowsMatchEvents: before === after,
    };
  } finally {
    await store.close();
  }
}

/** The ids of a pilot's events in the file, as the API returns them (strings). */
export async function eventIds(file: string, pilotId: string): Promise<string[]> {
  const store = await openStore(file);
  try {
    return (
      store.sqlite
        .prepare('SELECT id FROM events WHERE pilot_id = ? ORDER BY id')
        .pluck()
        .all(pilotId) as number[]
    ).map(String);
  } finally {
    await store.close();
  }
}
