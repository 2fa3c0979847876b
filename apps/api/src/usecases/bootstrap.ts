import {
  addGrant,
  BulkInsert,
  countUsers,
  demoRemoved,
  findUserByEmail,
  insertBudgetLineTx,
  insertPilot,
  insertReferenceLineTx,
  insertUser,
  listPilots,
  recomputePilot,
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
    const pilot = await insertPilot(store.db, d.pilot);
    pilotIds.push(pilot.id);
    const now = new Date().toISOString();
    await store.transaction(async (tx) => {
      const participants = new BulkInsert(
        tx,
        'participants',
        [
          'pilot_id',
          'participant_ref',
          'arm',
          'intake_date',
          'monthly_benefit_cents',
          'guidance_cost_cents',
          'household',
          'birth_year',
          'motivation',
          'ladder_step',
          'has_debts',
          'disability',
          'refugee_status',
          'education',
          'lost_to_follow_up_date',
          'created_at',
          'updated_at',
        ],
        undefined,
        ' RETURNING id, participant_ref',
      );
      const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
      const ids = new Map<string, number>();
      const keep = (rows: { id: number; participant_ref: string }[]) => {
        for (const r of rows) ids.set(r.participant_ref, Number(r.id));
      };
      for (const p of d.participants) {
        const b = p.baseline;
        keep(
          await participants.add([
            pilot.id,
            p.participantRef,
            b.arm,
            b.intakeDate,
            b.monthlyBenefitCents,
            b.guidanceCostCents,
            b.household,
            b.birthYear,
            b.motivation,
            b.ladderStep,
            bit(b.hasDebts),
            bit(b.disability),
            bit(b.refugeeStatus),
            b.education,
            b.lostToFollowUpDate,
            now,
            now,
          ]),
        );
      }
      keep(await participants.flush());
      const events = new BulkInsert(tx, 'events', [
        'participant_id',
        'pilot_id',
        'type',
        'date',
        'reason',
        'value',
        'amount_cents',
        'created_at',
      ]);
      for (const p of d.participants) {
        const id = ids.get(p.participantRef)!;
        const sorted = [...p.events].sort((a, b2) =>
          a.date < b2.date ? -1 : a.date > b2.date ? 1 : 0,
        );
        for (const e of sorted)
          await events.add([id, pilot.id, e.type, e.date, e.reason, e.value, e.amountCents, now]);
      }
      await events.flush();
      for (const line of d.budgetLines) await insertBudgetLineTx(tx, pilot.id, line);
      for (const line of d.referenceLines) await insertReferenceLineTx(tx, pilot.id, line);
      await recomputePilot(tx, pilot.id, pilot);
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
