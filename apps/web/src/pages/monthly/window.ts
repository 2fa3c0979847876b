import { isWindow, WINDOWS } from '@wegwijzer/domain/values';

/** The window of a URL or form value: a whole number of months from 1 to 60, else 12. */
export function parseWindow(raw: string | null | undefined): number {
  if (!raw || !/^[0-9]{1,2}$/.test(raw.trim())) return 12;
  const k = Number(raw.trim());
  return isWindow(k) ? k : 12;
}

/** Whether the picker's select shows `k` itself (a standard window) or "other". */
export function isStandardChoice(k: number): boolean {
  return (WINDOWS as readonly number[]).includes(k);
}

/** A typed number of months, or null when it is not a whole number from 1 to 60. */
export function typedWindow(raw: string): number | null {
  const s = raw.trim();
  if (!/^[0-9]{1,2}$/.test(s)) return null;
  const k = Number(s);
  return isWindow(k) ? k : null;
}
