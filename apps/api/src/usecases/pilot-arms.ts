import { armParticipantCounts, loadPilotArms, pilotArms, savePilotArms } from '@wegwijzer/db';
import { BadRequest, type Pilot, type PilotArm, type PilotInput } from '@wegwijzer/domain';
import type { UseCaseCtx } from '../http/env.ts';

type ArmsInput = NonNullable<PilotInput['arms']>;

/** The declared arms of a request, as stored (the English label optional). */
export function armsOfInput(arms: ArmsInput): Pick<PilotArm, 'code' | 'label' | 'labelEn'>[] {
  return arms.map((a) => ({ code: a.code, label: a.label, labelEn: a.labelEn ?? null }));
}

/**
 * Replaces a pilot's arms when the change is safe for its data: an arm that holds participants
 * must stay (relabelling and reordering it is fine, and so is adding arms); removing or renaming
 * the code of such an arm is refused with the arms and counts that stand in the way.
 */
export async function changePilotArms(ctx: UseCaseCtx, pilotId: string, arms: ArmsInput) {
  const counts = await armParticipantCounts(ctx.store.db, pilotId);
  const kept = new Set(arms.map((a) => a.code));
  const lost = [...counts].filter(([code, n]) => n > 0 && !kept.has(code));
  if (lost.length > 0)
    throw new BadRequest(
      `These arms hold participants and cannot be removed or renamed: ${lost
        .map(([code, n]) => `${code} (${n} participants)`)
        .join(', ')}; move or erase those participants first, or keep the arm and change its label`,
      // The code and params let a form say the same in its reader's language.
      lost.map(([code, n]) => ({
        path: 'arms',
        message: `arm ${code} holds participants`,
        code: 'arm_in_use',
        params: { arm: code, participants: n },
      })),
    );
  await savePilotArms(ctx.store.db, pilotId, armsOfInput(arms));
  return pilotArms(ctx.store.db, pilotId);
}

/** Pilot replies with their declared arms (SPEC §2: code, label, role, order). */
export async function withArms(ctx: UseCaseCtx, pilots: Pilot[]): Promise<Pilot[]> {
  const arms = await loadPilotArms(
    ctx.store.db,
    pilots.map((p) => p.id),
  );
  return pilots.map((p) => ({ ...p, arms: arms.get(p.id) ?? [] }));
}
