import { statusCounts } from '@wegwijzer/db';
import { protectStatusByMonth } from '@wegwijzer/disclosure';
import type { StatusByMonthReply } from '@wegwijzer/domain';
import { summarizeStatusByMonth } from '@wegwijzer/outcomes';
import type { UseCaseCtx } from '../http/env.ts';
import { disclosureRules, isViewer } from './disclosure.ts';
import { requirePersonalData, visiblePilot } from './pilots.ts';

/**
 * Status by month of a pilot (SPEC §3): per arm and month 1…36 (on to 60 where the data reach)
 * the evaluable count and the share off benefit with its Wilson interval. Viewers get it through
 * disclosure control (SPEC §6).
 */
export async function pilotStatusByMonth({
  ctx,
  pilotId,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
}): Promise<StatusByMonthReply> {
  const pilot = await visiblePilot(ctx, pilotId);
  requirePersonalData(pilot);
  const found = await statusCounts(ctx.store.db, pilotId);
  const status = found
    ? summarizeStatusByMonth(found.counts, found.arms)
    : { arms: { intervention: [] } };
  const reply = {
    pilotId,
    observationEnd: pilot.dataCompleteThrough,
    minEvaluable: ctx.config.suppressionThreshold,
    ...status,
  };
  return isViewer(ctx) ? protectStatusByMonth(reply, disclosureRules(ctx)) : reply;
}
