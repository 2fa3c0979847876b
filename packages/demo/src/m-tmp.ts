import { generateDemoPilots } from './index.ts';
import { exitAt, inArm, ladderProgress } from './measures.test-helpers.ts';
const p = generateDemoPilots().find((x) => x.key === 'bijstandsexperiment-wageningen')!;
for (const arm of ['vrijstelling', 'extra_begeleiding', 'bijverdienen', 'control']) {
  const n = p.participants.filter(inArm(arm)).length;
  const e12 = exitAt(p, 12, inArm(arm));
  const e24 = exitAt(p, 24, inArm(arm));
  const work = p.participants
    .filter(inArm(arm))
    .filter((q) => q.events.some((e) => e.type === 'work_start')).length;
  console.log(
    arm,
    n,
    e12.evaluable,
    e12.rate?.toFixed(3),
    e24.evaluable,
    e24.rate?.toFixed(3),
    'work',
    (work / n).toFixed(3),
    ladderProgress(p, 12, inArm(arm)).rate?.toFixed(3),
  );
}
for (const arm of ['vrijstelling', 'extra_begeleiding', 'bijverdienen', 'control']) {
  const rows = p.participants.filter(inArm(arm));
  const first = rows.filter((q) => {
    const e = q.events.find((e) => e.type === 'benefit_end');
    if (!e) return false;
    const d = new Date(q.baseline.intakeDate);
    d.setUTCMonth(d.getUTCMonth() + 12);
    return e.date <= d.toISOString().slice(0, 10);
  }).length;
  console.log('first exit by 12', arm, (first / rows.length).toFixed(3));
}
