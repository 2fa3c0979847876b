import { armTotals, modelParticipants, pilotArms } from '@wegwijzer/db';
import { hasSmallGroup, protectCount, protectProportion, verdict } from '@wegwijzer/disclosure';
import { BadRequest, type ModelCovariate } from '@wegwijzer/domain';
import {
  armAgainstControl,
  analyseCox,
  analyseDifference,
  detectableP2,
  forecast,
  fromDay,
  sampleSize,
  toDay,
  interventionArms,
  primaryArm,
} from '@wegwijzer/outcomes';
import type { UseCaseCtx } from '../http/env.ts';
import { disclosureRules } from './disclosure.ts';

import { visiblePilot } from './pilots.ts';

const forViewer = (ctx: UseCaseCtx) => ctx.actor.role === 'viewer';

/**
 * The intervention arm a model compares with control: the one asked for, which must be one of
 * the pilot's declared intervention arms, or the pilot's primary one.
 */
async function modelArm(ctx: UseCaseCtx, pilotId: string, asked: string | undefined) {
  const declared = interventionArms((await pilotArms(ctx.store.db, pilotId)).map((a) => a.code));
  const arm = asked ?? primaryArm(declared);
  if (arm === undefined || !declared.includes(arm))
    throw new BadRequest(
      `arm must be one of the pilot's intervention arms: ${declared.join(', ')}`,
      [
        {
          path: 'arm',
          message: 'unknown arm',
          code: 'unknown_value',
          params: { allowed: declared },
        },
      ],
    );
  return arm;
}
const ALPHA = 0.05;

/** Hazard ratio of first exit, intervention against control, unadjusted and adjusted. */
export async function pilotCox({
  ctx,
  pilotId,
  covariates,
  arm,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  covariates: ModelCovariate[];
  arm?: string | undefined;
}) {
  const pilot = await visiblePilot(ctx, pilotId);
  const compared = await modelArm(ctx, pilotId, arm);
  // Time to first exit does not depend on the window; 12 is any valid one.
  const people = armAgainstControl(
    await modelParticipants(ctx.store.db, pilotId, pilot, 12),
    compared,
  );
  const a = analyseCox(people, covariates);
  if (forViewer(ctx)) {
    const few = hasSmallGroup(people, covariates, disclosureRules(ctx).threshold);
    return {
      pilotId,
      covariates,
      plain: true as const,
      rounded: true as const,
      unadjusted: few ? ('too_few' as const) : verdict(a.unadjusted, 1)!,
      adjusted: a.adjusted === null ? null : few ? ('too_few' as const) : verdict(a.adjusted, 1),
    };
  }
  return { pilotId, observationEnd: pilot.dataCompleteThrough, ...a };
}

/** Off benefit at k: the raw difference and the standardised (g-computation) difference. */
export async function pilotAdjustedDifference({
  ctx,
  pilotId,
  k,
  covariates,
  arm,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  k: number;
  covariates: ModelCovariate[];
  arm?: string | undefined;
}) {
  const pilot = await visiblePilot(ctx, pilotId);
  const compared = await modelArm(ctx, pilotId, arm);
  const people = armAgainstControl(
    await modelParticipants(ctx.store.db, pilotId, pilot, k),
    compared,
  );
  const a = analyseDifference(people, covariates);
  if (forViewer(ctx)) {
    const evaluable = people.filter((p) => p.evaluable);
    const few = hasSmallGroup(evaluable, covariates, disclosureRules(ctx).threshold);
    return {
      pilotId,
      windowMonths: k,
      covariates,
      plain: true as const,
      rounded: true as const,
      unadjusted: few ? ('too_few' as const) : verdict(a.unadjusted, 0)!,
      adjusted: a.adjusted === null ? null : few ? ('too_few' as const) : verdict(a.adjusted, 0),
    };
  }
  return { pilotId, observationEnd: pilot.dataCompleteThrough, windowMonths: k, ...a };
}

/** Participants per arm for a planned pilot (R's power.prop.test). */
export function plannedPower(input: { p1: number; p2: number; power: number }) {
  return { ...input, alpha: ALPHA, ...sampleSize({ ...input, alpha: ALPHA }) };
}

/**
 * The smallest difference a running pilot can detect at k with its current evaluable numbers:
 * the smaller arm's evaluable count per arm and the control arm's exit rate as p1. A viewer's
 * figure is computed from the rounded counts the viewer's outcome summary shows (SPEC §6), so
 * it tells nothing that summary does not.
 */
export async function pilotPower({
  ctx,
  pilotId,
  k,
  power,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  k: number;
  power: number;
}) {
  await visiblePilot(ctx, pilotId);
  const totals = await armTotals(ctx.store.db, pilotId, k);
  const viewer = forViewer(ctx);
  const rules = disclosureRules(ctx);
  const shown = (count: number, n: number) =>
    viewer ? protectProportion(count, n, rules) : { count, rate: n > 0 ? count / n : null };
  const armN = (evaluable: number) => (viewer ? protectCount(evaluable, rules) : evaluable);
  const control = totals.control;
  const p1 = control ? shown(control.off, control.evaluable).rate : null;
  // With several intervention arms, the primary one (as for the top-level difference).
  const primary = primaryArm(Object.keys(totals));
  const n1 = armN((primary === undefined ? undefined : totals[primary])?.evaluable ?? 0);
  const n0 = control ? armN(control.evaluable) : 0;
  const n = n1 === null || n0 === null ? null : Math.min(n1, n0);
  const p2 =
    n !== null && n > 0 && p1 !== null && p1 < 1
      ? detectableP2({ n, p1, power, alpha: ALPHA })
      : null;
  return {
    pilotId,
    windowMonths: k,
    power,
    alpha: ALPHA,
    p1,
    n,
    detectableP2: p2,
    detectableDifference: p2 === null || p1 === null ? null : p2 - p1,
    ...(viewer ? { rounded: true as const } : {}),
  };
}

/** The date each arm has `target` participants evaluable at k, projected where needed. */
export async function pilotForecast({
  ctx,
  pilotId,
  k,
  target,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  k: number;
  target: number;
}) {
  const pilot = await visiblePilot(ctx, pilotId);
  const people = await modelParticipants(ctx.store.db, pilotId, pilot, k);
  const arms = people.some((p) => p.baseline.arm === 'control')
    ? (['intervention', 'control'] as const)
    : (['intervention'] as const);
  const paceDays = 90;
  const out = forecast({
    participants: people.map((p) => ({
      arm: p.baseline.arm,
      t0: toDay(p.baseline.intakeDate),
      lost: p.baseline.lostToFollowUpDate === null ? null : toDay(p.baseline.lostToFollowUpDate),
    })),
    arms,
    dataCompleteThrough: toDay(pilot.dataCompleteThrough),
    months: k,
    target,
    paceDays,
  });
  const days = out.map((a) => a.day);
  const all = days.includes(null) ? null : Math.max(...(days as number[]));
  return {
    pilotId,
    windowMonths: k,
    target,
    observationEnd: pilot.dataCompleteThrough,
    paceDays,
    arms: out.map(({ day, ...a }) => ({ ...a, date: day === null ? null : fromDay(day) })),
    date: all === null ? null : fromDay(all),
  };
}
