import { loadDemo } from '@wegwijzer/api';
import { testApp, type TestApp } from './app.ts';

/** A test app holding the synthetic demo pilots, and their ids in name order. */
export async function demoApp(): Promise<{ t: TestApp; pilots: string[] }> {
  const t = await testApp();
  await loadDemo(t.store);
  const rows = await t.store.db.selectFrom('pilots').select('id').orderBy('name').execute();
  return { t, pilots: rows.map((p) => p.id) };
}
