import type { ArmKey } from './mappers.ts';

/** One colour per arm everywhere (Okabe–Ito blue and orange); control is also dashed or hatched. */
export const ARM_COLOR: Record<ArmKey, string> = { intervention: '#0072B2', control: '#E69F00' };
