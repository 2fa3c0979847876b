export { generateDemoPilots, DEFAULT_SEED } from './generate.ts';
export type { DemoParticipant, DemoPilot } from './generate.ts';
