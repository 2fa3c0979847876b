import { createHash } from 'node:crypto';
import { isIsoDate } from '@wegwijzer/domain';
import { describe, expect, it } from 'vitest';
import { generateDemoPilots } from './index.ts';

const pilots = generateDemoPilots();
const everyone = pilots.flatMap((p) => p.participants);

describe('generateDemoPilots', () => {
  it('returns deep-equal pilots for the same seed', () => {
    expect(generateDemoPilots(42)).toEqual(generateDemoPilots(42));
    expect(generateDemoPilots()).toEqual(pilots);
  });

  it('returns different participants for a different seed', () => {
    const other = generateDemoPilots(43);
    expect(other.map((p) => p.key)).toEqual(pilots.map((p) => p.key));
    expect(other).not.toEqual(generateDemoPilots(42));
    expect(other[0]?.participants.slice(0, 5)).not.toEqual(
      generateDemoPilots(42)[0]?.participants.slice(0, 5),
    );
  });

  it('models the article with nine pilots and one multi-arm experiment under unique keys', () => {
    expect(pilots.map((p) => p.key)).toEqual([
      'parttime-ondernemen-amsterdam',
      'parttime-ondernemen-utrecht',
      'parttime-ondernemen-eindhoven',
      'werkloont-rotterdam',
      'peer-groups-leeuwarden',
      'binthout-zwolle',
      'heilige-boontjes-rotterdam',
      'mentorwijs-groningen',
      'mobility-mentoring-den-haag',
      'bijstandsexperiment-wageningen',
    ]);
  });

  // Adding a pilot must not move a single figure of the others (each draws from its own stream):
  // these are the SHA-256 digests of each pilot's generated data before the experiment came.
  it.each([
    [
      'parttime-ondernemen-amsterdam',
      'cf55ae4104d25c4fbe85bab331310041e3df023cacc22910c7510f98517b4ef7',
    ],
    [
      'parttime-ondernemen-utrecht',
      '58b4939f2f2641a7959a34cb2707355399260cd4af0b3120d428cd2b8f1ef911',
    ],
    [
      'parttime-ondernemen-eindhoven',
      'acc37ec0b39e1cb5f1257ee133c86b058b08bc0b686695c2408c9a6b3d6dcb32',
    ],
    ['werkloont-rotterdam', '5405f71ceb1d49d1706d7a1b4af57ff07687a1c0896f075267b3b29bcd5a7b70'],
    ['peer-groups-leeuwarden', '4f47c64d55a9e40f801b2c156ae6b7f0897bb2f48a0834c737b8efab31028ad7'],
    ['binthout-zwolle', 'ed1eb768d464c419ae21b5cc857515bfdc4bbc38bf5957e2ad8b4576090a553a'],
    [
      'heilige-boontjes-rotterdam',
      'cf79458e09687bd7e153db2c472339cd2873ccbff56e7a0275a42d6fd647da30',
    ],
    ['mentorwijs-groningen', 'd84750d190a66d51a2988ed2cc5cd4eb96457bf0c0b1ab0cb98aa2ea0a3e14e9'],
    [
      'mobility-mentoring-den-haag',
      'a3f91e6927e422936486010ba7e36ac791317a19dff35339cb21dee3c6e3190b',
    ],
  ])('keeps %s byte-identical to its data before the multi-arm experiment', (key, digest) => {
    const found = pilots.find((p) => p.key === key);
    expect(createHash('sha256').update(JSON.stringify(found)).digest('hex')).toBe(digest);
  });

  it('marks every pilot synthetic and says so plainly in its description', () => {
    for (const { pilot } of pilots) {
      expect(pilot.synthetic).toBe(true);
      expect(pilot.description).toMatch(/^Synthetische demodata/);
      expect(pilot.targetGroup?.length).toBeGreaterThan(20);
    }
  });

  it('uses fixed dates: observation through 2025-12-31 and intakes between start and then', () => {
    for (const { pilot, participants } of pilots) {
      expect(pilot.dataCompleteThrough).toBe('2025-12-31');
      expect(isIsoDate(pilot.startDate)).toBe(true);
      for (const p of participants) {
        expect(p.baseline.intakeDate >= pilot.startDate).toBe(true);
        expect(p.baseline.intakeDate < pilot.dataCompleteThrough).toBe(true);
      }
    }
  });

  it('gives each pilot 200–400 participants (the randomised trials more) with refs like PTO-GM0363-0001, unique within the pilot', () => {
    const sizes: Record<string, [number, number]> = {
      'werkloont-rotterdam': [900, 960],
      'bijstandsexperiment-wageningen': [780, 820],
    };
    for (const { key, pilot, participants } of pilots) {
      expect(pilot.municipality).toMatch(/^GM\d{4}$/);
      const [low, high] = sizes[key] ?? [200, 400];
      expect(participants.length).toBeGreaterThanOrEqual(low);
      expect(participants.length).toBeLessThanOrEqual(high);
      const refs = participants.map((p) => p.participantRef);
      expect(new Set(refs).size).toBe(refs.length);
      for (const ref of refs)
        expect(ref).toMatch(new RegExp(`^[A-Z]{3}-${pilot.municipality}-\\d{4}$`));
    }
    expect(pilots[0]?.participants[0]?.participantRef).toBe('PTO-GM0363-0001');
  });

  it('keeps money in integer cents with a single-person benefit of € 1.100–1.450 and more for couples', () => {
    for (const { pilot, participants } of pilots) {
      expect(Number.isInteger(pilot.monthlyBenefitCents)).toBe(true);
      expect(Number.isInteger(pilot.guidanceCostCents)).toBe(true);
      for (const { baseline: b } of participants) {
        if (b.monthlyBenefitCents !== null)
          expect(Number.isInteger(b.monthlyBenefitCents)).toBe(true);
        if (b.guidanceCostCents !== null) expect(Number.isInteger(b.guidanceCostCents)).toBe(true);
        if (b.monthlyBenefitCents === null) continue;
        if (b.household === 'couple') expect(b.monthlyBenefitCents).toBeGreaterThan(145_000);
        else if (b.household !== null) {
          expect(b.monthlyBenefitCents).toBeGreaterThanOrEqual(110_000);
          expect(b.monthlyBenefitCents).toBeLessThanOrEqual(145_000);
        }
      }
    }
  });

  it("fills baseline fields within their domains, the arm one of its pilot's declared arms", () => {
    for (const { arms, participants } of pilots) {
      const declared = arms?.map((a) => a.code) ?? ['intervention', 'control'];
      for (const p of participants) expect(declared).toContain(p.baseline.arm);
    }
    for (const { baseline: b } of everyone) {
      if (b.motivation !== null) expect([1, 2, 3, 4, 5]).toContain(b.motivation);
      if (b.ladderStep !== null) expect([1, 2, 3, 4, 5, 6]).toContain(b.ladderStep);
      if (b.birthYear !== null) {
        const age = Number(b.intakeDate.slice(0, 4)) - b.birthYear;
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(66);
      }
      if (b.lostToFollowUpDate !== null) {
        expect(b.lostToFollowUpDate > b.intakeDate).toBe(true);
        expect(b.lostToFollowUpDate < '2025-12-31').toBe(true);
      }
    }
  });

  it('leaves a few baseline values missing here and there, never arm or intake date', () => {
    const fields = [
      'household',
      'birthYear',
      'motivation',
      'ladderStep',
      'hasDebts',
      'disability',
      'refugeeStatus',
      'education',
    ] as const;
    for (const field of fields) {
      const missing = everyone.filter((p) => p.baseline[field] === null).length / everyone.length;
      expect(missing, field).toBeGreaterThan(0.005);
      expect(missing, field).toBeLessThan(0.12);
    }
    expect(everyone.every((p) => p.baseline.arm && p.baseline.intakeDate)).toBe(true);
  });

  it('loses a small share of participants to follow-up', () => {
    const lost =
      everyone.filter((p) => p.baseline.lostToFollowUpDate !== null).length / everyone.length;
    expect(lost).toBeGreaterThan(0.01);
    expect(lost).toBeLessThan(0.06);
  });

  it('records guidance cost for intervention participants only', () => {
    for (const { baseline: b } of everyone)
      if (b.arm === 'control') expect(b.guidanceCostCents).toBeNull();
  });
});
