import type {
  Arm,
  BudgetLineFields,
  IsoDate,
  PilotVariable,
  ReferenceLineFields,
  Theme,
  VariableValue,
} from '@wegwijzer/domain';
import type { DebtDynamics } from '../debts.ts';
import type { Person, PopulationMix } from '../population.ts';
import type { Random } from '../random.ts';
import type { Dynamics } from '../simulate.ts';

/** Everything that makes one demo pilot: its record, who it reaches, and how they fare. */
export interface PilotProfile {
  key: string;
  /** participantRef prefix, e.g. `PTO` gives `PTO-GM0363-0001`. */
  refPrefix: string;
  name: string;
  municipality: string;
  theme: Theme;
  targetGroup: string;
  description: string;
  intakeFrom: IsoDate;
  intakeTo: IsoDate;
  size: readonly [number, number];
  /** Share randomised to the control arm; 0 means no control arm. */
  controlShare: number;
  monthlyBenefitCents: number;
  guidanceCostCents: number;
  population: PopulationMix;
  dynamics: Dynamics;
  /** Debt events for participants with debts; none when absent. */
  debts?: DebtDynamics;
  /** The pilot's costs and funding (finding 5: smart linkages across budgets). */
  budgetLines?: readonly BudgetLineFields[];
  /** Municipal reference figures to draw beside the exit rate. */
  referenceLines?: readonly ReferenceLineFields[];
  /**
   * A multi-arm trial's declared arms (SPEC §2), in order, each with its share of the
   * randomisation and its guidance cost; replaces `controlShare` and `guidanceCostCents` for
   * drawing arms. Absent: the pilot has the default `intervention` and `control`.
   */
  arms?: readonly DemoArm[];
  /**
   * The groups whose first-exit draws are stratified (default arm × motivation): a pilot whose
   * own variables drive exits stratifies on them, so each arm shows its modelled effect.
   */
  strata?: (p: Person) => string;
  /** The pilot's own baseline variables (SPEC §2), drawn per person from a stream of their own. */
  variables?: DemoVariables;
}

export interface DemoArm {
  code: Arm;
  label: string;
  labelEn: string;
  share: number;
  /** Mean guidance cost per participant (cents); 0 for the control arm. */
  guidanceCostCents: number;
}

export interface DemoVariables {
  declared: readonly PilotVariable[];
  /** A person's true values; the recorded ones leave a few empty. */
  draw(p: Person, rng: Random): Record<string, VariableValue>;
}

export const DATA_COMPLETE_THROUGH: IsoDate = '2025-12-31';

export const SOURCE =
  "gemodelleerd op 'Vakkundig aan het werk: 7 richtingaanwijzers voor de uitvoeringspraktijk' (Divosa/ZonMw, 2017). " +
  'Verzonnen deelnemers en cijfers; geen echte personen of gemeentegegevens.';

/** Exit hazard multiplier by motivation 1–5: motivation matters more than barriers (finding 2). */
const MOTIVATION = [0.55, 0.75, 1, 1.3, 1.5] as const;
export const byMotivation = (p: { motivation: number }): number =>
  MOTIVATION[p.motivation - 1] ?? 1;

export const ADULTS = [
  ['18-26', 0.12],
  ['27-44', 0.45],
  ['45-54', 0.25],
  ['55-66', 0.18],
] as const;
export const MOTIVATION_SPREAD = [
  [1, 0.12],
  [2, 0.18],
  [3, 0.3],
  [4, 0.24],
  [5, 0.16],
] as const;
