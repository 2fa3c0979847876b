// The cohort export in-process, for a CPU profile of the export alone
// (`tsx --cpu-prof test/bench/export-profile.ts DB [pilots]` on a database seeded by
// export-focus.ts): the real app over the real file, without HTTP or a second process.
import { performance } from 'node:perf_hooks';
import { configFromEnv, createApp } from '@wegwijzer/api';
import { createToken, insertUser, openStore } from '@wegwijzer/db';

const [file, count = '4'] = process.argv.slice(2);
if (!file) throw new Error('usage: export-profile.ts DB [pilots]');
const store = await openStore(file);
const app = await createApp(store, {
  ...configFromEnv({ WEGWIJZER_LOG: 'off' }),
  demo: false,
  webDist: null,
});
const user = await insertUser(store.db, {
  email: `profile-${Date.now()}@wegwijzer.test`,
  name: 'profile',
  passwordHash: 'x',
  role: 'admin',
  pilots: [],
});
const { token } = await createToken(store.db, user.id, 'profile', null);
for (const round of ['first', 'repeated']) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  const each: number[] = [];
  for (let i = 0; i < Number(count); i++) {
    const one = performance.now();
    const res = await app.request(`/api/pilots/bench-${i}/export?format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`export: ${res.status} ${await res.text()}`);
    bytes += (await res.arrayBuffer()).byteLength;
    each.push(performance.now() - one);
  }
  const ms = (performance.now() - start).toFixed(0);
  const used = process.cpuUsage(cpu);
  // CPU time (all threads, zlib's too) says more than the clock on a machine others share.
  const cpuMs = ((used.user + used.system) / 1000).toFixed(0);
  console.log(
    `${round}: ${ms} ms, ${cpuMs} ms CPU, ${bytes} bytes; each ${each.map((t) => t.toFixed(0)).join(' ')} ms`,
  );
}
await store.close();
