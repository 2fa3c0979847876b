import {
  addGrant,
  countUsers,
  demoRemoved,
  findUserByEmail,
  insertBudgetLineTx,
  insertPilot,
  insertReferenceLineTx,
  insertUser,
  insertVariableTx,
  listPilots,
  writeEvents,
  writeParticipants,
  type Store,
} from '@wegwijzer/db';
import type { Role } from '@wegwijzer/domain';
import { generateDemoPilots } from '@wegwijzer/demo';
import { hashPassword } from '../auth/password.ts';
import type { Config } from '../config.ts';

/** With an empty database, the admin account from WEGWIJZER_ADMIN_EMAIL / _PASSWORD. */
export async function bootstrapAdmin(store: Store, config: Config): Promise<boolean> {
  if (!config.adminEmail || !config.adminPassword) return false;
  if ((await countUsers(store.db)) > 0) return false;
  await insertUser(store.db, {
    email: config.adminEmail,
    name: 'Beheerder',
    passwordHash: await hashPassword(config.adminPassword),
    role: 'admin',
    pilots: [],
  });
  return true;
}

/** Demo accounts, one per role; listed on the login page only in demo mode. */
export const DEMO_ACCOUNTS: { email: string; password: string; role: Role; name: string }[] = [
  {
    email: 'beheer@demo.wegwijzer.nl',
    password: 'demo-beheer-2025',
    role: 'admin',
    name: 'Demo beheerder',
  },
  {
    email: 'manager@demo.wegwijzer.nl',
    password: 'demo-manager-2025',
    role: 'manager',
    name: 'Demo programmamanager',
  },
  {
    email: 'onderzoek@demo.wegwijzer.nl',
    password: 'demo-onderzoek-2025',
    role: 'researcher',
    name: 'Demo onderzoeker',
  },
  {
    email: 'wethouder@demo.wegwijzer.nl',
    password: 'demo-wethouder-2025',
    role: 'viewer',
    name: 'Demo wethouder',
  },
];

const DEMO_EMAILS = new Set(DEMO_ACCOUNTS.map((a) => a.email));

/** Whether an account is one of the demo accounts, whose passwords the login page shows. */
export function isDemoAccount(email: string): boolean {
  return DEMO_EMAILS.has(email.toLowerCase());
}

/**
 * Loads the synthetic demo pilots and accounts into an empty database. Returns false (and does
 * nothing) when the database already holds pilots, or once the demo has been removed.
 */
export async function loadDemo(store: Store): Promise<boolean> {
  if ((await listPilots(store.db, null)).length > 0 || (await demoRemoved(store.db))) return false;
  const demo = generateDemoPilots();
  const pilotIds: string[] = [];
  for (const d of demo) {
    const pilot = await insertPilot(store.db, d.pilot, d.arms);
    pilotIds.push(pilot.id);
    // The import's writers, so the demo rows take the same columns as an imported file's; they
    // derive each participant's rows as they write (budget and reference lines feed none).
    await store.transaction(async (tx) => {
      for (const v of d.variables ?? []) await insertVariableTx(tx, pilot.id, v);
      await writeParticipants(
        tx,
        pilot.id,
        pilot,
        d.participants.map((p) => ({
          participantRef: p.participantRef,
          bsnHash: null,
          fields: p.baseline,
          ...(p.variables ? { variables: p.variables } : {}),
        })),
      );
      await writeEvents(
        tx,
        pilot.id,
        pilot,
        d.participants.flatMap((p) =>
          // In date order, so event ids follow the timeline as when recorded one by one.
          [...p.events]
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
            .map((event) => ({ participantRef: p.participantRef, event })),
        ),
      );
      for (const line of d.budgetLines) await insertBudgetLineTx(tx, pilot.id, line);
      for (const line of d.referenceLines) await insertReferenceLineTx(tx, pilot.id, line);
    });
  }
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(store.db, account.email)) continue;
    const user = await insertUser(store.db, {
      email: account.email,
      name: account.name,
      passwordHash: await hashPassword(account.password),
      role: account.role,
      pilots: [],
    });
    if (account.role !== 'admin') for (const id of pilotIds) await addGrant(store.db, user.id, id);
  }
  return true;
}
