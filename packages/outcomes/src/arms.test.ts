import { describe, expect, it } from 'vitest';
import { armsOfRows } from '@wegwijzer/domain/core';
import { outcomesFor, stabilisationByArm, survivalByArm, totalsByArm } from './arms.ts';
import { deriveParticipant } from './derive.ts';
import { summarizeSubgroups } from './subgroups.ts';
import { baseline, end, ev, pilot } from './test-fixtures.ts';

const p = pilot({ dataCompleteThrough: '2025-06-30' });
const row = (arm: string, exit: string | null) =>
  deriveParticipant(
    baseline({ arm, hasDebts: exit !== null }),
    exit ? [end(exit), ev('debt_intake', '2024-02-01', { amountCents: 100_000 })] : [],
    p,
  );

/** A pilot that declared two arms of its own beside control, and no `intervention` arm. */
const multiArm = () => [
  row('vrijstelling', '2024-03-01'),
  row('premie', null),
  row('control', '2024-05-01'),
  row('vrijstelling', null),
];

describe('the arms of rows whose declaration the caller does not have', () => {
  it('gives a multi-arm pilot without an intervention arm no phantom intervention arm', () => {
    const rows = multiArm();
    expect(armsOfRows(rows)).toEqual(['vrijstelling', 'premie', 'control']);
    expect(Object.keys(outcomesFor(rows, 12).arms)).toEqual(['vrijstelling', 'premie', 'control']);
    expect(Object.keys(totalsByArm(rows, 12))).toEqual(['vrijstelling', 'premie', 'control']);
    const survival = survivalByArm(rows);
    expect(Object.keys(survival.arms)).toEqual(['vrijstelling', 'premie', 'control']);
    expect(Object.keys(survival.comparisons)).toEqual(['vrijstelling', 'premie']);
    expect(Object.keys(stabilisationByArm(rows).arms)).toEqual([
      'vrijstelling',
      'premie',
      'control',
    ]);
    const groups = summarizeSubgroups(
      rows.map((derived, i) => ({ baseline: baseline({ hasDebts: i % 2 === 0 }), derived })),
      'hasDebts',
      12,
    ).groups;
    for (const g of groups)
      expect(Object.keys(g.arms)).toEqual(['vrijstelling', 'premie', 'control']);
  });

  it('compares the first declared arm with control when no arm is called intervention', () => {
    const o = outcomesFor(multiArm(), 12);
    expect(o.difference).toEqual(o.comparisons.vrijstelling?.difference);
    expect(survivalByArm(multiArm()).logRank).toEqual(
      survivalByArm(multiArm()).comparisons.vrijstelling?.logRank,
    );
  });

  it('keeps the intervention arm of a pilot that may declare no arms, as its replies do', () => {
    expect(armsOfRows([row('control', null)])).toEqual(['intervention', 'control']);
    expect(armsOfRows([row('intervention', null)])).toEqual(['intervention']);
    expect(armsOfRows([row('control', null), row('intervention', null)])).toEqual([
      'intervention',
      'control',
    ]);
    expect(armsOfRows([])).toEqual(['intervention']);
  });

  it('lists the intervention arm among declared arms in order of first appearance', () => {
    expect(
      armsOfRows([row('control', null), row('premie', null), row('intervention', null)]),
    ).toEqual(['premie', 'intervention', 'control']);
  });
});
