import { readImport } from '/work/main/packages/import/src/index.ts';
import { CsvRecords } from '/work/main/packages/import/src/csv.ts';
const TYPES = ['work_start', 'work_end', 'ladder', 'offset_income', 'bbz_start', 'benefit_end'];
function* gen(n: number) {
  let chunk = 'participant_ref;type;date;reason;value\n';
  for (let i = 0; i < n; i++) {
    const type = TYPES[i % TYPES.length]!;
    const value = type === 'ladder' ? '4' : type === 'offset_income' ? '1.234,56' : type === 'work_start' ? '32' : '';
    chunk += `P${i};${type};${String((i % 28) + 1).padStart(2, '0')}-${String(Math.floor(i / 28) % 12 + 1).padStart(2, '0')}-2024;;${value}\n`;
    if (chunk.length >= 65536) { yield chunk; chunk = ''; }
  }
  yield chunk;
}
const n = 1_000_000;
let t = performance.now();
const chunks = [...gen(n)];
console.log('gen', performance.now() - t);
t = performance.now();
const csv = new CsvRecords(';'); let c = 0;
for (const ch of chunks) { await csv.write(ch); c += csv.take().length; }
await csv.end(); c += csv.take().length;
console.log('csv-parse only', performance.now() - t, c);
t = performance.now();
const r = readImport('events', (async function* () { yield* chunks; })(), { bsnKey: null, participant: () => ({ intakeDate: '2024-01-01' }), hasBenefitEnd: () => false });
let s = await r.next(); while (!s.done) s = await r.next();
console.log('full', performance.now() - t, s.value);
