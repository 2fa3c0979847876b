/** All numbers, money, percentages and dates in the UI go through here (nl-NL unless English is chosen). */
export type Locale = 'nl' | 'en';

const tag = (l: Locale) => (l === 'en' ? 'en-GB' : 'nl-NL');
const cache = new Map<string, Intl.NumberFormat>();
function nf(l: Locale, key: string, opts: Intl.NumberFormatOptions) {
  const k = `${l}|${key}`;
  let f = cache.get(k);
  if (!f) cache.set(k, (f = new Intl.NumberFormat(tag(l), opts)));
  return f;
}

/** 1234.5 → "1.234,5" (at most `digits` decimals). */
export function formatNumber(v: number, digits = 0, l: Locale = 'nl'): string {
  return nf(l, `n${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

/** 1234.56 → "€ 1.234,56"; whole euros with `cents = false`. */
export function formatMoney(v: number, cents = false, l: Locale = 'nl'): string {
  const d = cents ? 2 : 0;
  return nf(l, `m${d}`, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  }).format(v);
}

/** 0.4 → "40,0%" (a proportion, one decimal). */
export function formatPercent(v: number, digits = 1, l: Locale = 'nl'): string {
  const s = nf(l, `p${digits}`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v * 100);
  return `${s}%`;
}

/** Interval of proportions: [0.339, 0.464] → "33,9–46,4%". */
export function formatInterval(ci: readonly [number, number], l: Locale = 'nl'): string {
  const f = nf(l, 'p1', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${f.format(ci[0] * 100)}–${f.format(ci[1] * 100)}%`;
}

/** A value with its interval, as a table cell writes it: "41% (30,1–52,9%)"; "–" without a value. */
export function formatWithInterval(
  v: number | null | undefined,
  ci: readonly [number, number] | null | undefined,
  fmt: (v: number) => string,
  l: Locale = 'nl',
): string {
  if (v == null) return '–';
  return ci ? `${fmt(v)} (${formatInterval(ci, l)})` : fmt(v);
}

/** Signed percentage points ("%-punt" is procentpunt): 0.152 → "+15,2 %-punt"; a difference of rates, not a rate. */
export function formatPoints(v: number, l: Locale = 'nl'): string {
  const s = nf(l, 'pp', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(v * 100);
  return l === 'en' ? `${s} pp` : `${s} %-punt`;
}

/** ISO date "2025-12-31" → "31-12-2025" (nl) or "31/12/2025" (en). */
export function formatDate(iso: string, l: Locale = 'nl'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return l === 'en' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[3]}-${m[2]}-${m[1]}`;
}

/** ISO timestamp → "27-11-2026 22:16" in Dutch time (audit log, tokens). */
export function formatDateTime(iso: string, l: Locale = 'nl'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (k: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === k)?.value ?? '';
  const sep = l === 'en' ? '/' : '-';
  return `${p('day')}${sep}${p('month')}${sep}${p('year')} ${p('hour')}:${p('minute')}`;
}

/** A p-value in words of a test: 0.0312 → "p = 0,031"; 0.52 → "p = 0,52"; below 0.001 → "p < 0,001". */
export function formatP(p: number, l: Locale = 'nl'): string {
  if (p < 0.001) return `p < ${nf(l, 'pv3', { minimumFractionDigits: 3 }).format(0.001)}`;
  const d = p < 0.1 ? 3 : 2;
  return `p = ${nf(l, `pv${d}`, { minimumFractionDigits: d, maximumFractionDigits: d }).format(p)}`;
}

/**
 * "1 deelnemer", "2 deelnemers": the noun for a count already formatted ("1", "1.250", "<10").
 * @example countNoun('1', 'deelnemer', 'deelnemers') // "1 deelnemer"
 */
export function countNoun(n: string, one: string, many: string): string {
  return `${n} ${n === '1' ? one : many}`;
}
