import { balanceRows, pilotArms } from '@wegwijzer/db';
import type { BalanceReply } from '@wegwijzer/domain';
import { protectBalance } from '@wegwijzer/disclosure';
import {
  BALANCE_MARK,
  BASELINE_BALANCE_FIELDS,
  balanceTable,
  baselineBalanceValues,
  variableBalanceField,
} from '@wegwijzer/outcomes';
import type { UseCaseCtx } from '../http/env.ts';
import { disclosureRules, isViewer } from './disclosure.ts';
import { requirePersonalData, visiblePilot } from './pilots.ts';

/**
 * The pilot's balance table (issue 17): every baseline field and every variable of the pilot,
 * per arm, with the standardised differences against control. Exact for researchers and
 * managers; viewers get it through disclosure control.
 */
export async function pilotBalance({
  ctx,
  pilotId,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
}): Promise<BalanceReply> {
  // Built from per-person baselines, which a reduced pilot no longer has.
  requirePersonalData(await visiblePilot(ctx, pilotId));
  const { variables, rows } = await balanceRows(ctx.store.db, pilotId);
  const fields = [...BASELINE_BALANCE_FIELDS, ...variables.map(variableBalanceField)];
  const table = balanceTable(
    rows.map((r) => ({
      arm: r.arm,
      values: { ...baselineBalanceValues(r.baseline), ...r.variables },
    })),
    fields,
    (await pilotArms(ctx.store.db, pilotId)).map((a) => a.code),
  );
  const standard = BASELINE_BALANCE_FIELDS.length;
  const reply: BalanceReply = {
    pilotId,
    arms: table.arms,
    sizes: table.sizes,
    reference: table.reference,
    mark: BALANCE_MARK,
    fields: table.fields.map((f, i) => ({ ...f, source: i < standard ? 'baseline' : 'variable' })),
  };
  return isViewer(ctx) ? protectBalance(reply, disclosureRules(ctx)) : reply;
}
