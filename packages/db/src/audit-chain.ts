import { createHash } from 'node:crypto';

/**
 * The audit log as a hash chain (in the spirit of GEMMA Verwerkingenlogging): every entry carries
 * SHA-256 over its own content and its predecessor's hash, so changing, removing or inserting an
 * entry anywhere but at the end breaks a link that `verifyAuditChain` finds. This definition is
 * part of the stored data: changing it invalidates every chain already written.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The columns a hash covers, as stored. */
export interface ChainedRow {
  id: number;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  pilot_id: string | null;
  participant_id: number | null;
  row_count: number | null;
  details: string | null;
  request_id: string | null;
  client_request_id: string | null;
}

const num = (v: number | null) => (v === null ? null : Number(v));

/** SHA-256 (hex) over the previous hash and the entry's content in a fixed order. */
export function entryHash(prevHash: string, r: ChainedRow): string {
  const canonical = JSON.stringify([
    Number(r.id),
    r.at,
    r.actor_id,
    r.actor_email,
    r.action,
    r.pilot_id,
    num(r.participant_id),
    num(r.row_count),
    r.details,
    r.request_id,
    r.client_request_id,
  ]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}
