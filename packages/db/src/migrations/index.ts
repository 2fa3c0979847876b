import type { Migration } from 'kysely';
import * as m001 from './001_initial.ts';
import * as m002 from './002_login_attempts.ts';
import * as m003 from './003_debts_and_budgets.ts';
import * as m004 from './004_personal_data.ts';
import * as m005 from './005_audit_chain.ts';
import * as m007 from './007_derived_version.ts';
import * as m008 from './008_pilot_arms.ts';
import * as m009 from './009_pilot_variables.ts';
import * as m010 from './010_wide_derived_rows.ts';
import * as m011 from './011_arm_guidance_cost.ts';
import * as m012 from './012_pilot_version_notify.ts';

/** Numbered migrations, applied in order at start-up. Never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_login_attempts': m002,
  '003_debts_and_budgets': m003,
  '004_personal_data': m004,
  '005_audit_chain': m005,
  '007_derived_version': m007,
  '008_pilot_arms': m008,
  '009_pilot_variables': m009,
  '010_wide_derived_rows': m010,
  '011_arm_guidance_cost': m011,
  '012_pilot_version_notify': m012,
};
