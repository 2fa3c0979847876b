import type { DisclosureRules } from '@wegwijzer/disclosure';
import type { UseCaseCtx } from '../http/env.ts';

/**
 * Who gets the viewer's protected figures (SPEC §6), and under which rules. The rules
 * themselves live in @wegwijzer/disclosure; use cases call its `protect*` function for their
 * reply when `isViewer(ctx)`.
 */
export const isViewer = (ctx: UseCaseCtx): boolean => ctx.actor.role === 'viewer';

export function disclosureRules(ctx: UseCaseCtx): DisclosureRules {
  return { threshold: ctx.config.suppressionThreshold, base: ctx.config.roundingBase };
}
