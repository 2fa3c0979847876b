import type { BalanceReply, PilotVariableJson } from '@wegwijzer/domain';

/**
 * The balance reply as table rows for the screen: one heading row per characteristic, then a
 * row per level (categories, yes/no, not recorded) or one mean (SD) row for a number. Pure, so
 * the screen only lays it out.
 */
export type Cell =
  | { kind: 'count'; count: number | null; share: number | null }
  | {
      kind: 'mean';
      mean: number | null;
      sd: number | null;
    };

export interface BalanceLine {
  /** Characteristic heading (level null) or a level of it. */
  field: string;
  source: 'baseline' | 'variable';
  level: string | number | boolean | null | 'mean';
  heading: boolean;
  cells: Record<string, Cell>;
  smd: Record<string, { d: number | null; flagged: boolean }>;
}

export function balanceLines(reply: BalanceReply): BalanceLine[] {
  const lines: BalanceLine[] = [];
  for (const f of reply.fields) {
    if (f.kind === 'numeric') {
      lines.push({
        field: f.field,
        source: f.source,
        level: 'mean',
        heading: true,
        cells: Object.fromEntries(
          reply.arms.map((a) => [a, { kind: 'mean', mean: f.arms[a]!.mean, sd: f.arms[a]!.sd }]),
        ),
        smd: f.smd,
      });
      const missing = reply.arms.some((a) => f.arms[a]!.missing !== 0);
      if (missing)
        lines.push({
          field: f.field,
          source: f.source,
          level: null,
          heading: false,
          cells: Object.fromEntries(
            reply.arms.map((a) => {
              const m = f.arms[a]!.missing;
              const size = reply.sizes[a] ?? null;
              return [a, { kind: 'count', count: m, share: m === null || !size ? null : m / size }];
            }),
          ),
          smd: {},
        });
      continue;
    }
    lines.push({
      field: f.field,
      source: f.source,
      level: null,
      heading: true,
      cells: {},
      smd: {},
    });
    for (const l of f.levels)
      lines.push({
        field: f.field,
        source: f.source,
        level: l.value,
        heading: false,
        cells: Object.fromEntries(
          reply.arms.map((a) => [a, { kind: 'count', ...l.arms[a]! }]),
        ) as Record<string, Cell>,
        smd: l.smd,
      });
  }
  return lines;
}

/** A pilot variable's level label in the chosen language. */
export function variableLevelLabel(
  v: PilotVariableJson | undefined,
  code: string,
  locale: 'nl' | 'en',
): string {
  const l = v?.levels.find((x) => x.code === code);
  if (!l) return code;
  return locale === 'en' ? (l.labelEn ?? l.label) : l.label;
}
