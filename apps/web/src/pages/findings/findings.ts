import type { OutcomeSummary } from '../../api/queries.ts';
import { cell, type Cell } from '../../suppression.ts';

/**
 * The SPEC §3 outcomes beyond the exit rate, per arm, as the findings table shows them:
 * sustained exit, mean benefit months, ladder progress and sustained placement. A pure mapper
 * from the outcomes reply; suppressed figures stay suppressed (never 0).
 */
export const FINDINGS = [
  'sustained',
  'benefitMonths',
  'ladderUp',
  'ladderChange',
  'placement',
] as const;
export type Finding = (typeof FINDINGS)[number];
/** An arm code as the pilot declares it (`vrijstelling`, `control`, …). */
export type ArmKey = string;

export interface ShareCell {
  kind: 'share';
  rate: Cell;
  count: Cell;
  n: Cell;
  ci95: readonly [number, number] | null;
}
export interface MeanCell {
  kind: 'mean';
  value: Cell;
  n: Cell;
}
export type FindingCell = ShareCell | MeanCell;

export interface FindingRow {
  finding: Finding;
  arms: { arm: ArmKey; cell: FindingCell }[];
}

export function findingRows(o: OutcomeSummary): FindingRow[] {
  // Every arm the reply has, in its order (intervention arms as declared, then control).
  const arms = Object.keys(o.arms).filter((a) => o.arms[a] !== undefined);
  const s = o.suppressed;
  const at = (arm: ArmKey, path: string) => `/arms/${arm}/${path}`;
  const share = (
    arm: ArmKey,
    key: 'sustained' | 'ladderProgress' | 'sustainedPlacement',
    n: number | null | undefined,
    nPath: string,
  ): ShareCell => {
    const p = o.arms[arm]!;
    const v = p[key];
    return {
      kind: 'share',
      rate: cell(v.rate, at(arm, `${key}/rate`), s),
      count: cell(v.count, at(arm, `${key}/count`), s),
      n: cell(n, at(arm, nPath), s),
      ci95: v.ci95,
    };
  };
  const build = (f: Finding, arm: ArmKey): FindingCell => {
    const a = o.arms[arm]!;
    switch (f) {
      case 'sustained':
        return share(arm, 'sustained', a.evaluable, 'evaluable');
      case 'benefitMonths':
        return {
          kind: 'mean',
          value: cell(a.meanBenefitMonths, at(arm, 'meanBenefitMonths'), s),
          n: cell(a.evaluable, at(arm, 'evaluable'), s),
        };
      case 'ladderUp':
        return share(arm, 'ladderProgress', a.ladderProgress.n, 'ladderProgress/n');
      case 'ladderChange':
        return {
          kind: 'mean',
          value: cell(a.ladderProgress.meanChange, at(arm, 'ladderProgress/meanChange'), s),
          n: cell(a.ladderProgress.n, at(arm, 'ladderProgress/n'), s),
        };
      case 'placement':
        return share(arm, 'sustainedPlacement', a.sustainedPlacement.n, 'sustainedPlacement/n');
    }
  };
  return FINDINGS.filter((f) => f !== 'sustained' || o.windowMonths >= 6).map((finding) => ({
    finding,
    arms: arms.map((arm) => ({ arm, cell: build(finding, arm) })),
  }));
}
