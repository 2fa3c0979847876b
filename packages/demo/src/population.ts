import type {
  Arm,
  Baseline,
  Education,
  Household,
  IsoDate,
  VariableValue,
} from '@wegwijzer/domain';
import { addDays, fromDayNumber, toDayNumber, yearOf } from './dates.ts';
import type { Random } from './random.ts';

type Weights<K extends string | number> = ReadonlyArray<readonly [K, number]>;

/** Who a pilot reaches: the distributions a participant's traits are drawn from. */
export interface PopulationMix {
  /** Age at intake, as weighted [from, to] bands (both included). */
  age: Weights<`${number}-${number}`>;
  motivation: Weights<number>;
  ladderStep: Weights<number>;
  household?: Weights<Household>;
  education?: Weights<Education>;
  hasDebts: number;
  disability: number;
  refugeeStatus: number;
}

/**
 * A participant's true traits. The simulation uses these; the baseline that
 * the municipality records is the same person with some fields left empty.
 */
export interface Person {
  arm: Arm;
  intakeDate: IsoDate;
  household: Household;
  birthYear: number;
  motivation: number;
  ladderStep: number;
  hasDebts: boolean;
  disability: boolean;
  refugeeStatus: boolean;
  education: Education;
  monthlyBenefitCents: number;
  guidanceCostCents: number | null;
  lostToFollowUpDate: IsoDate | null;
  /** The pilot's own variables, for pilots that declare some (set after drawing). */
  variables?: Record<string, VariableValue>;
}

export interface DrawOptions {
  arm: Arm;
  intakeFrom: IsoDate;
  intakeTo: IsoDate;
  observationEnd: IsoDate;
  guidanceCostCents: number;
  mix: PopulationMix;
}

const DEFAULT_HOUSEHOLD: Weights<Household> = [
  ['single', 0.6],
  ['single_parent', 0.25],
  ['couple', 0.15],
];
const DEFAULT_EDUCATION: Weights<Education> = [
  ['low', 0.5],
  ['mid', 0.36],
  ['high', 0.14],
];

/** Share of participants the municipality loses track of (moved away, died, data stopped). */
const LOST_TO_FOLLOW_UP = 0.03;
/** Share of each optional baseline field left empty, as in real registrations. */
const MISSING = 0.04;

export function drawPerson(rng: Random, o: DrawOptions): Person {
  const intakeDate = fromDayNumber(rng.int(toDayNumber(o.intakeFrom), toDayNumber(o.intakeTo)));
  const [from, to] = rng.weighted(o.mix.age).split('-').map(Number);
  const age = rng.int(from ?? 18, to ?? 66);
  const household = rng.weighted(o.mix.household ?? DEFAULT_HOUSEHOLD);
  // Participatiewet norms 2024–2025: about € 1.100–1.450 single, € 1.650–2.050 couple.
  const monthlyBenefitCents =
    household === 'couple' ? rng.int(165_000, 205_000) : rng.int(110_000, 145_000);
  let lostToFollowUpDate: IsoDate | null = null;
  if (rng.chance(LOST_TO_FOLLOW_UP)) {
    const d = addDays(intakeDate, rng.int(45, 600));
    if (d < o.observationEnd) lostToFollowUpDate = d;
  }
  return {
    arm: o.arm,
    intakeDate,
    household,
    birthYear: yearOf(intakeDate) - age,
    motivation: rng.weighted(o.mix.motivation),
    ladderStep: rng.weighted(o.mix.ladderStep),
    hasDebts: rng.chance(o.mix.hasDebts),
    disability: rng.chance(o.mix.disability),
    refugeeStatus: rng.chance(o.mix.refugeeStatus),
    education: rng.weighted(o.mix.education ?? DEFAULT_EDUCATION),
    monthlyBenefitCents,
    // Guidance cost is the intervention's; control participants get none.
    guidanceCostCents:
      o.arm === 'control' ? null : Math.round((o.guidanceCostCents * rng.int(90, 110)) / 100),
    lostToFollowUpDate,
  };
}

/** The baseline as registered: the person's traits with a few fields missing. */
export function recordBaseline(rng: Random, p: Person): Baseline {
  const keep = <T>(v: T, missing = MISSING): T | null => (rng.chance(missing) ? null : v);
  return {
    arm: p.arm,
    intakeDate: p.intakeDate,
    monthlyBenefitCents: keep(p.monthlyBenefitCents, 0.02),
    guidanceCostCents: keep(p.guidanceCostCents, 0.03),
    household: keep(p.household),
    birthYear: keep(p.birthYear),
    motivation: keep(p.motivation, 0.06),
    ladderStep: keep(p.ladderStep),
    hasDebts: keep(p.hasDebts, 0.05),
    disability: keep(p.disability),
    refugeeStatus: keep(p.refugeeStatus, 0.02),
    education: keep(p.education, 0.08),
    lostToFollowUpDate: p.lostToFollowUpDate,
  };
}
