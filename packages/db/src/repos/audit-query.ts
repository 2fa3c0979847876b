import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  pilot?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Audit entries, newest first; `actor` matches the e-mail address, `action` a prefix (`import` finds both kinds). */
export async function searchAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.actor) q = q.where('actor_email', '=', f.actor.toLowerCase());
  if (f.action)
    q = q.where((eb) =>
      eb.or([
        eb('action', '=', f.action!),
        eb('action', 'like', `${f.action!.replace(/[\\%_]/g, '')}.%`),
      ]),
    );
  if (f.pilot) q = q.where('pilot_id', '=', f.pilot);
  if (f.from) q = q.where('at', '>=', f.from);
  // `to` is a date: the whole day counts.
  if (f.to) q = q.where('at', '<=', f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
  const { total } = await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/**
 * The participant references behind audit entries' internal participant ids, so the log can say
 * "deelnemer P-0012". An erased participant has no row any more and stays unnamed.
 */
export async function participantRefsOf(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('participants')
    .select(['id', 'participant_ref'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.participant_ref]));
}
