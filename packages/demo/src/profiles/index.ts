import { mobilityMentoring } from './debt.ts';
import { bijstandExperiment } from './experiment.ts';
import { binthout, peerGroups } from './methodical.ts';
import {
  heiligeBoontjes,
  mentorwijs,
  partTimeEntrepreneurship,
  werkLoont,
} from './reintegration.ts';
import type { PilotProfile } from './shared.ts';

export { DATA_COMPLETE_THROUGH, type PilotProfile } from './shared.ts';

/** The demo pilots, in the order of the article's findings, then the multi-arm experiment. */
export const PROFILES: readonly PilotProfile[] = [
  partTimeEntrepreneurship('Amsterdam', 'GM0363', 'amsterdam', [300, 380], 1),
  partTimeEntrepreneurship('Utrecht', 'GM0344', 'utrecht', [220, 280], 0.95),
  partTimeEntrepreneurship('Eindhoven', 'GM0772', 'eindhoven', [200, 260], 1.05),
  werkLoont,
  peerGroups,
  binthout,
  heiligeBoontjes,
  mentorwijs,
  mobilityMentoring,
  bijstandExperiment,
];
