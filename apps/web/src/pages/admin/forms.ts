import type { AuditFilter } from '../../api/queries.ts';
import type { AdminStrings } from './strings.ts';

/** Client-side checks of the admin forms, shown next to the fields before anything is sent. */

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 12;

export function validateNewUser(
  v: { email: string; name: string; password: string },
  s: Pick<AdminStrings, 'errRequired' | 'errEmail' | 'errPassword'>,
): FieldErrors<'email' | 'name' | 'password'> {
  const e: FieldErrors<'email' | 'name' | 'password'> = {};
  if (!v.email.trim()) e.email = s.errRequired;
  else if (!EMAIL.test(v.email.trim())) e.email = s.errEmail;
  if (!v.name.trim()) e.name = s.errRequired;
  if (v.password.length < MIN_PASSWORD) e.password = s.errPassword;
  return e;
}

export function validateToken(
  v: { name: string; days: string },
  s: Pick<AdminStrings, 'errRequired' | 'errDays'>,
): FieldErrors<'name' | 'days'> {
  const e: FieldErrors<'name' | 'days'> = {};
  if (!v.name.trim()) e.name = s.errRequired;
  if (v.days.trim() !== '') {
    const n = Number(v.days);
    if (!Number.isInteger(n) || n < 1 || n > 365) e.days = s.errDays;
  }
  return e;
}

/** Maps a 400 reply's details ({path, message}) to the form's fields; the rest goes to the form. */
export function serverFieldErrors<K extends string>(
  details: unknown,
  fields: readonly K[],
): { fields: FieldErrors<K>; rest: string[] } {
  const out: FieldErrors<K> = {};
  const rest: string[] = [];
  for (const d of Array.isArray(details)
    ? (details as { path?: string; message?: string }[])
    : []) {
    const key = fields.find((f) => d.path === f || d.path?.startsWith(`${f}.`));
    if (key && !out[key]) out[key] = d.message ?? '';
    else if (d.message) rest.push(d.path ? `${d.path}: ${d.message}` : d.message);
  }
  return { fields: out, rest };
}

/** Token status at `now`: revoked wins over expired. */
export function tokenStatus(
  t: { revokedAt: string | null; expiresAt: string | null },
  now: Date,
): 'active' | 'revoked' | 'expired' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export const FILTER_KEYS = ['actor', 'action', 'pilot', 'from', 'to'] as const;

/** The filter as it lives in the URL (`?actor=&action=&pilot=&from=&to=&page=`), without empty values. */
export function auditFilterFrom(q: URLSearchParams): AuditFilter {
  const f: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f as AuditFilter;
}
