import { AGE_BANDS, DEFAULT_PILOT_ARMS, EDUCATIONS, HOUSEHOLDS } from '@wegwijzer/domain/values';
import type { ExportFilter } from '../../api/queries.ts';

/** The cohort builder's state lives in the URL with the API's own parameter names. */

export const LIST_FILTERS = {
  motivation: ['1', '2', '3', '4', '5', 'null'],
  ladderStep: ['1', '2', '3', '4', '5', '6', 'null'],
  // The domain's lists, so a band or category added there reaches the filter too.
  household: [...HOUSEHOLDS, 'null'],
  education: [...EDUCATIONS, 'null'],
  ageBand: [...AGE_BANDS, 'null'],
  hasDebts: ['true', 'false', 'null'],
  disability: ['true', 'false', 'null'],
  refugeeStatus: ['true', 'false', 'null'],
} as const;
export type ListFilter = keyof typeof LIST_FILTERS;
export const LIST_KEYS = Object.keys(LIST_FILTERS) as ListFilter[];

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the filter from the URL: unknown values are dropped, lists come in a fixed order, "all
 * ticked" means no filter. An arm counts only if the pilot declares it (default: the two arms).
 */
export function exportFilterFrom(
  q: URLSearchParams,
  armCodes: readonly string[] = DEFAULT_PILOT_ARMS.map((a) => a.code),
): ExportFilter {
  const f: Record<string, string> = {};
  const arm = q.get('arm');
  if (arm && armCodes.includes(arm)) f.arm = arm;
  for (const k of ['intakeFrom', 'intakeTo'] as const) {
    const v = q.get(k);
    if (v && ISO.test(v)) f[k] = v;
  }
  for (const k of LIST_KEYS) {
    const asked = new Set((q.get(k) ?? '').split(',').map((s) => s.trim()));
    const list = LIST_FILTERS[k].filter((v) => asked.has(v));
    if (list.length > 0 && list.length < LIST_FILTERS[k].length) f[k] = list.join(',');
  }
  return f as ExportFilter;
}

/** The ticked values of a list filter (empty: everyone). */
export function selected(f: ExportFilter, k: ListFilter): string[] {
  const v = (f as Record<string, string | undefined>)[k];
  return v ? v.split(',') : [];
}

export type Dialect = 'csv' | 'excel-nl';

export function exportOptionsFrom(q: URLSearchParams): { format: Dialect; dateShift: boolean } {
  return {
    format: q.get('format') === 'excel-nl' ? 'excel-nl' : 'csv',
    dateShift: q.get('dateShift') === 'true',
  };
}

/** The file name from a Content-Disposition header, or a fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}
