/**
 * What disclosure control costs the viewer in precision (docs/adr/0005-disclosure-control.md):
 * for every demo pilot and arm, the exact 12-month exit rate (as an admin sees it) beside the
 * viewer's, and the widths of their intervals. Prints a Markdown table:
 *
 *   apps/api/node_modules/.bin/tsx test/bench/disclosure-precision.ts
 */
import { loadDemo } from '@wegwijzer/api';
import { listPilots } from '@wegwijzer/db';
import { testApp } from '../support/app.ts';

const t = await testApp();
try {
  await loadDemo(t.store);
  const pilots = await listPilots(t.store.db, null);
  const viewer = await t.user(
    'viewer',
    pilots.map((p) => p.id),
  );
  const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
  const width = (ci: [number, number] | null) =>
    ci === null ? '–' : `${((ci[1] - ci[0]) * 100).toFixed(1)}`;
  console.log(
    '| pilot | arm | evaluable (exact → viewer) | exit rate exact | viewer | gap (points) | CI width exact → viewer |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  let worst = 0;
  for (const p of pilots) {
    const exact = (await t.json(`/api/pilots/${p.id}/outcomes?window=12`)).body;
    const shown = (await t.json(`/api/pilots/${p.id}/outcomes?window=12`, { as: viewer })).body;
    for (const arm of Object.keys(exact.arms)) {
      const e = exact.arms[arm];
      const v = shown.arms[arm];
      const gap =
        e.offBenefit.rate === null || v.offBenefit.rate === null
          ? null
          : Math.abs(v.offBenefit.rate - e.offBenefit.rate) * 100;
      if (gap !== null && e.evaluable >= 200) worst = Math.max(worst, gap);
      console.log(
        `| ${p.name} | ${arm} | ${e.evaluable} → ${v.evaluable ?? '<10'} | ${pct(e.offBenefit.rate)} | ${pct(v.offBenefit.rate)} | ${gap === null ? '–' : gap.toFixed(2)} | ${width(e.offBenefit.ci95)} → ${width(v.offBenefit.ci95)} |`,
      );
    }
  }
  console.log(`\nLargest gap for an arm of 200 or more evaluable: ${worst.toFixed(2)} points.`);
} finally {
  await t.close();
}
