import type { TimelineEvent } from '@wegwijzer/domain';
import { deriveParticipant } from './derive.ts';
import { fromDay, toDay } from './dates.ts';
import { baseline, pilot } from './test-fixtures.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const p = pilot({ dataCompleteThrough: '2026-06-30' });
const base = toDay('2023-01-01');
const types = ['benefit_end', 'benefit_restart', 'ladder', 'offset_income', 'work_start'] as const;
const data: { b: ReturnType<typeof baseline>; e: TimelineEvent[] }[] = [];
for (let i = 0; i < N; i++) {
  const t0 = base + (i % 700);
  const e: TimelineEvent[] = [];
  for (let j = 0; j < 5; j++) {
    e.push({ type: types[(i + j) % 5]!, date: fromDay(t0 + ((i * 7 + j * 131) % 900)), reason: 'bbz', value: 3, amountCents: 1000 });
  }
  data.push({ b: baseline({ intakeDate: fromDay(t0), ladderStep: 2 }), e });
}
for (let rep = 0; rep < 2; rep++) {
  const t = performance.now();
  let rows: unknown[] = [];
  if (process.argv[3] === "drop") { for (const d of data) deriveParticipant(d.b, d.e, p); } else rows = data.map((d) => deriveParticipant(d.b, d.e, p));
  console.log('derive ms', Math.round(performance.now() - t), rows.length);
}
