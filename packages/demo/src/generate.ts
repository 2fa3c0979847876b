import type {
  Baseline,
  BudgetLineFields,
  PilotArm,
  PilotRecord,
  PilotVariable,
  ReferenceLineFields,
  TimelineEvent,
  VariableValue,
} from '@wegwijzer/domain';
import { addYears, RETENTION_DEFAULT_YEARS, type ProcessingRecord } from '@wegwijzer/domain';
import { simulateDebts } from './debts.ts';
import { drawPerson, recordBaseline, type Person } from './population.ts';
import { DATA_COMPLETE_THROUGH, PROFILES, type PilotProfile } from './profiles/index.ts';
import { Random, deriveSeed } from './random.ts';
import { simulateTimeline } from './simulate.ts';

export interface DemoParticipant {
  participantRef: string;
  baseline: Baseline;
  events: TimelineEvent[];
  /** The pilot's own variables as recorded (a pilot that declares none has no such field). */
  variables?: Record<string, VariableValue | null>;
}

export interface DemoPilot {
  /** Stable slug, e.g. `werkloont-rotterdam`, for seeding and lookups. */
  key: string;
  pilot: Omit<PilotRecord, 'id' | 'retentionReview' | 'retentionState' | 'retentionAppliedAt'>;
  participants: DemoParticipant[];
  budgetLines: BudgetLineFields[];
  referenceLines: ReferenceLineFields[];
  /** A multi-arm trial's declared arms in order; absent: the default two. */
  arms?: Pick<PilotArm, 'code' | 'label' | 'labelEn'>[];
  /** The pilot's own baseline variables; absent when it declares none. */
  variables?: PilotVariable[];
}

export const DEFAULT_SEED = 2017;

/**
 * Synthetic pilots modelled on the seven findings of *Vakkundig aan het werk*
 * (2017). Pure and deterministic: the same seed gives deep-equal output, and
 * each pilot draws from its own stream, so pilots do not shift one another.
 *
 * @example
 * const pilots = generateDemoPilots(); // nine pilots, observation through 2025-12-31
 */
export function generateDemoPilots(seed: number = DEFAULT_SEED): DemoPilot[] {
  return PROFILES.map((profile) => generatePilot(profile, seed));
}

const STRATUM = 8;

/** Share of a pilot variable's values left empty, as for the standard baseline fields. */
const VARIABLE_MISSING = 0.04;

/** The demo pilots' processing record: synthetic people, so no legal basis is needed. */
const DEMO_PROCESSING: ProcessingRecord = {
  purpose: 'Demonstratie van Wegwijzer met synthetische gegevens',
  legalBasis: 'Geen: de gegevens zijn synthetisch en betreffen geen echte personen',
  agreementRef: 'DEMO',
  department: 'Applicatiebeheer',
  contact: 'beheer@gemeente.example',
};

/**
 * One uniform draw per person (in `people`'s order), stratified within each
 * arm × motivation group (or the profile's own strata) taken in intake order: every run of eight consecutive
 * intakes gets one draw from each eighth of [0, 1), shuffled. Any intake
 * cut-off (who is evaluable at 12 or 24 months) then sees a balanced spread.
 */
function stratifiedDraws(
  rng: Random,
  people: readonly Person[],
  stratum: (p: Person) => string = (p) => `${p.arm}:${p.motivation}`,
): number[] {
  const draws: number[] = new Array<number>(people.length);
  const groups = new Map<string, number[]>();
  people.forEach((p, i) => {
    const key = stratum(p);
    const group = groups.get(key) ?? [];
    group.push(i);
    groups.set(key, group);
  });
  for (const indices of groups.values()) {
    for (let start = 0; start < indices.length; start += STRATUM) {
      const block = indices.slice(start, start + STRATUM);
      const slots = Array.from({ length: STRATUM }, (_, j) => j);
      for (let j = slots.length - 1; j > 0; j--) {
        const r = rng.int(0, j);
        [slots[j], slots[r]] = [slots[r] ?? 0, slots[j] ?? 0];
      }
      block.forEach((index, j) => {
        draws[index] = ((slots[j] ?? 0) + rng.next()) / STRATUM;
      });
    }
  }
  return draws;
}

function generatePilot(profile: PilotProfile, seed: number): DemoPilot {
  const rng = new Random(deriveSeed(seed, profile.key));
  const size = rng.int(profile.size[0], profile.size[1]);
  const people = Array.from({ length: size }, () => {
    // A multi-arm trial randomises over its declared arms; the others as they always did.
    const arm = profile.arms
      ? profile.arms[weightedIndex(rng, profile.arms)]!
      : {
          code:
            profile.controlShare > 0 && rng.chance(profile.controlShare)
              ? 'control'
              : 'intervention',
          guidanceCostCents: profile.guidanceCostCents,
        };
    return drawPerson(rng, {
      arm: arm.code,
      intakeFrom: profile.intakeFrom,
      intakeTo: profile.intakeTo,
      observationEnd: DATA_COMPLETE_THROUGH,
      guidanceCostCents: arm.guidanceCostCents,
      mix: profile.population,
    });
  });
  // Numbered by intake, as a municipality's register would number them.
  people.sort((a, b) => (a.intakeDate < b.intakeDate ? -1 : a.intakeDate > b.intakeDate ? 1 : 0));
  // The pilot's own variables draw from a stream of their own, before the timelines that use them.
  const recorded: Record<string, VariableValue | null>[] = [];
  if (profile.variables) {
    const varRng = new Random(deriveSeed(seed, `${profile.key}:variables`));
    for (const person of people) {
      person.variables = profile.variables.draw(person, varRng);
      recorded.push(
        Object.fromEntries(
          Object.entries(person.variables).map(([code, v]) => [
            code,
            varRng.chance(VARIABLE_MISSING) ? null : v,
          ]),
        ),
      );
    }
  }
  const draws = stratifiedDraws(rng, people, profile.strata);
  const participants = people.map((person, i): DemoParticipant => ({
    participantRef: `${profile.refPrefix}-${profile.municipality}-${String(i + 1).padStart(4, '0')}`,
    baseline: recordBaseline(rng, person),
    events: simulateTimeline(
      profile.dynamics,
      person,
      rng,
      DATA_COMPLETE_THROUGH,
      draws[i] ?? rng.next(),
    ),
    ...(profile.variables ? { variables: recorded[i]! } : {}),
  }));
  // Debts draw from a stream of their own: the benefit timelines above stay as they were.
  if (profile.debts) {
    const debtRng = new Random(deriveSeed(seed, `${profile.key}:debts`));
    people.forEach((person, i) => {
      const extra = simulateDebts(profile.debts!, person, debtRng, DATA_COMPLETE_THROUGH);
      const p = participants[i]!;
      // Stable: on one day the benefit events keep their place before the debt events.
      p.events = [...p.events, ...extra].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      );
    });
  }
  return {
    key: profile.key,
    pilot: {
      name: profile.name,
      municipality: profile.municipality,
      theme: profile.theme,
      startDate: profile.intakeFrom,
      dataCompleteThrough: DATA_COMPLETE_THROUGH,
      monthlyBenefitCents: profile.monthlyBenefitCents,
      guidanceCostCents: profile.guidanceCostCents,
      targetGroup: profile.targetGroup,
      description: profile.description,
      synthetic: true,
      retainUntil: addYears(DATA_COMPLETE_THROUGH, RETENTION_DEFAULT_YEARS),
      retentionAction: 'erase',
      processing: DEMO_PROCESSING,
    },
    participants,
    budgetLines: [...(profile.budgetLines ?? [])],
    referenceLines: [...(profile.referenceLines ?? [])],
    ...(profile.arms
      ? { arms: profile.arms.map(({ code, label, labelEn }) => ({ code, label, labelEn })) }
      : {}),
    ...(profile.variables ? { variables: [...profile.variables.declared] } : {}),
  };
}

/** Index of a draw proportional to the items' shares. */
function weightedIndex(rng: Random, items: readonly { share: number }[]): number {
  return rng.weighted(items.map((item, i) => [i, item.share] as const));
}
