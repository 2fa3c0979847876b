import { isWindow, WINDOWS } from '@wegwijzer/domain/values';

/** The windows of the cohort export's derived columns (`export?windows=`), as the URL holds them. */
export const DEFAULT_EXPORT_WINDOWS = [6, 12, 24] as const;
export const WINDOW_CHOICES = WINDOWS;

/** `?windows=6,12,24` → [6, 12, 24]: valid, distinct and sorted; the default when none is valid. */
export function exportWindowsFrom(q: URLSearchParams): number[] {
  const raw = q.get('windows');
  if (raw === null) return [...DEFAULT_EXPORT_WINDOWS];
  const ws = [...new Set(raw.split(',').map((s) => Number(s.trim())))]
    .filter((k) => Number.isInteger(k) && isWindow(k))
    .sort((a, b) => a - b)
    .slice(0, 12);
  return ws.length > 0 ? ws : [...DEFAULT_EXPORT_WINDOWS];
}

/** The URL value after ticking or unticking `k`; at least one window stays chosen. */
export function toggleWindow(current: readonly number[], k: number, on: boolean): string {
  const next = on ? [...current, k] : current.filter((x) => x !== k);
  return (next.length > 0 ? [...new Set(next)].sort((a, b) => a - b) : current).join(',');
}

const nl = {
  legend: 'Vensters in het bestand',
  hint: 'Voor elk gekozen venster krijgt cohort.csv kolommen met de uitkomsten na zoveel maanden.',
  months: (k: number) => `${k} maanden`,
};
const en: typeof nl = {
  legend: 'Windows in the file',
  hint: 'For every chosen window cohort.csv gets columns with the outcomes after that many months.',
  months: (k: number) => `${k} months`,
};
export const windowStrings = { nl, en };
