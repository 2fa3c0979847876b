// The cohort export in-process, for a CPU profile of the export alone
// (`tsx --cpu-prof test/bench/export-profile.ts DB [pilots]` on a database seeded by
// export-focus.ts): the real app over the real file, without HTTP or a second process.
import { performance } from 'node:perf_hooks';
import { configFromEnv, createApp } from '@wegwijzer/api';
import { createToken, insertUser, openStore } from '@wegwijzer/db';

const [file, count = '4'] = process.argv.slice(2);
if (!file) throw new Error('usage: export-profile.ts DB [pilots]');
const store = await openStore(file);
const app = await createApp(store, { ...configFromEnv({}), demo: false, webDist: null });
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
  let bytes = 0;
  for (let i = 0; i < Number(count); i++) {
    const res = await app.request(`/api/pilots/bench-${i}/export?format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`export: ${res.status} ${await res.text()}`);
    bytes += (await res.arrayBuffer()).byteLength;
  }
  console.log(`${round}: ${(performance.now() - start).toFixed(0)} ms, ${bytes} bytes`);
}
await store.close();
