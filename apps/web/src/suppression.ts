/** Disclosure control in the UI (SPEC §6): a suppressed cell is shown as "<10", never as 0 or an empty bar. */

export type Cell = { kind: 'value'; value: number } | { kind: 'suppressed' } | { kind: 'missing' };

/** Decides how a possibly-null figure at JSON pointer `pointer` is shown. */
export function cell(
  value: number | null | undefined,
  pointer: string,
  suppressed: readonly string[] | undefined,
): Cell {
  if (value != null) return { kind: 'value', value };
  if (isSuppressed(pointer, suppressed)) return { kind: 'suppressed' };
  return { kind: 'missing' };
}

/** True when the pointer or one of its parents is listed as suppressed. */
export function isSuppressed(pointer: string, suppressed: readonly string[] | undefined): boolean {
  if (!suppressed?.length) return false;
  return suppressed.some((s) => s === pointer || pointer.startsWith(`${s}/`));
}

/** Text for a cell: the formatted value, "<10" when suppressed, "–" when there is nothing to show. */
export function cellText(c: Cell, fmt: (v: number) => string, suppressedLabel = '<10'): string {
  if (c.kind === 'value') return fmt(c.value);
  if (c.kind === 'suppressed') return suppressedLabel;
  return '–';
}
