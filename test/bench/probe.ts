// Quick timing of the outcome endpoints at a given size: tsx test/bench/probe.ts PILOTS PER_PILOT
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { configFromEnv, createApp } from '@wegwijzer/api';
import { createToken, insertUser, openStore } from '@wegwijzer/db';
import { seed } from './dataset.ts';

const [pilots = 10, perPilot = 5000] = process.argv.slice(2).map(Number);
const file = join(mkdtempSync(join(tmpdir(), 'ww-probe-')), 'db.sqlite');
const store = await openStore(file);
let t = performance.now();
const ids = await seed(store, { pilots, perPilot });
console.log(`seeded ${pilots}×${perPilot} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const app = await createApp(store, { ...configFromEnv({}), demo: false, webDist: null });
const user = await insertUser(store.db, {
  email: 'b@b.nl',
  name: 'b',
  passwordHash: 'x',
  role: 'admin',
  pilots: [],
});
const { token } = await createToken(store.db, user.id, 'b', null);
const get = async (path: string) => {
  const s = performance.now();
  const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  await res.text();
  return performance.now() - s;
};
for (const [label, path] of [
  ['one pilot outcomes', `/api/pilots/${ids[0]}/outcomes?window=12`],
  ['one pilot survival', `/api/pilots/${ids[0]}/survival`],
  ['one pilot subgroups', `/api/pilots/${ids[0]}/subgroups?by=motivation&window=12`],
  ['all pilots compare', `/api/outcomes?window=12`],
] as const) {
  const cold = await get(path);
  const times = [];
  for (let i = 0; i < 5; i++) times.push(await get(path));
  times.sort((a, b) => a - b);
  console.log(
    `${label}: cold ${cold.toFixed(1)} ms, warm median ${times[2]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)})`,
  );
}
t = performance.now();
await store.close();
