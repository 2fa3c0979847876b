import { PilotInput } from '@wegwijzer/domain';
import { describe, expect, it } from 'vitest';
import {
  checkParticipant,
  checkPilot,
  emptyParticipantDraft,
  emptyPilotDraft,
  participantInput,
  pilotInput,
  serverProblems,
  type ParticipantDraft,
  type PilotDraft,
} from './forms.ts';
import { manageStrings, problemText } from './strings.ts';

const pilot = (over: Partial<PilotDraft> = {}): PilotDraft => ({
  ...emptyPilotDraft(),
  name: ' Werkfit Zwolle ',
  municipality: 'gm0193',
  theme: 'reintegration',
  startDate: '2025-01-01',
  dataCompleteThrough: '2025-12-31',
  monthlyBenefit: '1.250,50',
  retainUntil: '2030-12-31',
  purpose: 'Evaluatie',
  ...over,
});

const person = (over: Partial<ParticipantDraft> = {}): ParticipantDraft => ({
  ...emptyParticipantDraft(),
  participantRef: 'ZW-001',
  intakeDate: '2025-02-03',
  ...over,
});

describe('checkPilot', () => {
  it('accepts a complete draft and sends what the API schema accepts', () => {
    expect(checkPilot(pilot())).toEqual({});
    const input = pilotInput(pilot());
    expect(input).toMatchObject({
      name: 'Werkfit Zwolle',
      municipality: 'GM0193',
      monthlyBenefit: 1250.5,
      guidanceCost: null,
      processing: { purpose: 'Evaluatie', legalBasis: null },
    });
    expect(PilotInput.safeParse(input).success).toBe(true);
  });

  it.each([
    [{ name: '' }, 'name', 'required'],
    [{ municipality: 'Zwolle' }, 'municipality', 'municipality_code'],
    [{ theme: '' as const }, 'theme', 'required'],
    [{ startDate: '2025-02-30' }, 'startDate', 'impossible_date'],
    [{ startDate: '0202-01-01' }, 'startDate', 'year_range'],
    [{ dataCompleteThrough: '2024-12-31' }, 'dataCompleteThrough', 'end_before_start'],
    [{ retainUntil: '2024-06-30' }, 'retainUntil', 'retain_before_start'],
    [{ retainUntil: '' }, 'retainUntil', 'required'],
    [{ guidanceCost: '-5' }, 'guidanceCost', 'negative'],
    [{ monthlyBenefit: '12,345' }, 'monthlyBenefit', 'too_many_decimals'],
  ] as const)('refuses %o in field %s with %s', (over, field, code) => {
    const e = checkPilot(pilot(over));
    expect(Object.keys(e)).toEqual([field]);
    expect(e[field]?.code).toBe(code);
  });

  it('words every refusal in Dutch and in English', () => {
    const e = checkPilot(pilot({ municipality: 'x', startDate: '2025-13-01' }));
    expect(problemText(e.municipality, manageStrings.nl, 'nl')).toMatch(/CBS-code/);
    expect(problemText(e.startDate, manageStrings.nl, 'nl')).toBe('Deze datum bestaat niet.');
    expect(problemText(e.startDate, manageStrings.en, 'en')).toBe('This date does not exist.');
  });
});

describe('checkParticipant', () => {
  it('accepts a reference and an intake date, the rest unknown', () => {
    expect(checkParticipant(person())).toEqual({});
    expect(participantInput(person({ motivation: '4', hasDebts: 'yes' }))).toMatchObject({
      participantRef: 'ZW-001',
      arm: 'intervention',
      motivation: 4,
      hasDebts: true,
      disability: null,
      household: null,
    });
  });

  it.each([
    [{ participantRef: ' ' }, 'participantRef', 'required'],
    [{ intakeDate: '31-02-2025' }, 'intakeDate', 'not_a_date'],
    [{ ladderStep: '7' }, 'ladderStep', 'out_of_range'],
    [{ motivation: '2,5' }, 'motivation', 'not_whole'],
    [{ birthYear: 'negentig' }, 'birthYear', 'not_a_number'],
    [{ lostToFollowUpDate: '2025-01-01' }, 'lostToFollowUpDate', 'before_intake'],
  ] as const)('refuses %o in field %s with %s', (over, field, code) => {
    const e = checkParticipant(person(over));
    expect(Object.keys(e)).toEqual([field]);
    expect(e[field]?.code).toBe(code);
  });
});

describe('serverProblems', () => {
  it('puts a rule refusal on its field and the rest above the form', () => {
    const r = serverProblems(
      [
        {
          path: 'ladderStep',
          message: 'must be …',
          code: 'out_of_range',
          params: { min: 1, max: 6 },
        },
        { message: 'participantRef ZW-001 exists' },
      ],
      ['ladderStep', 'intakeDate'] as const,
    );
    expect(problemText(r.fields.ladderStep, manageStrings.nl, 'nl')).toBe(
      'Vul een getal van 1 tot en met 6 in.',
    );
    expect(r.rest).toEqual(['participantRef ZW-001 exists']);
  });
});

describe('the arms of the pilot form', () => {
  it('sends intervention and control by default, as pilots without declared arms have them', () => {
    expect(pilotInput(pilot()).arms).toEqual([
      { code: 'intervention', label: 'Interventie', labelEn: 'Intervention' },
      { code: 'control', label: 'Controlegroep', labelEn: 'Control group' },
    ]);
  });

  it('sends four declared arms that the API schema accepts, control last', () => {
    const draft = pilot({
      arms: [
        { code: 'vrijstelling', label: 'Vrijstelling', labelEn: 'Exemption' },
        { code: 'extra_begeleiding', label: 'Extra begeleiding', labelEn: '' },
        { code: 'zelf', label: 'Zelf bepalen', labelEn: '' },
      ],
      control: true,
      controlLabel: 'Controle',
      controlLabelEn: '',
    });
    expect(checkPilot(draft)).toEqual({});
    const input = pilotInput(draft);
    expect(input.arms?.map((a) => a.code)).toEqual([
      'vrijstelling',
      'extra_begeleiding',
      'zelf',
      'control',
    ]);
    expect(input.arms?.[1]?.labelEn).toBeNull();
    expect(PilotInput.safeParse(input).success).toBe(true);
    expect(pilotInput({ ...draft, control: false }).arms).toHaveLength(3);
  });

  it('refuses a bad code, a repeated code, the control code and a missing label at their fields', () => {
    const e = checkPilot(
      pilot({
        arms: [
          { code: 'Extra Hulp', label: 'Extra hulp', labelEn: '' },
          { code: 'coach', label: '', labelEn: '' },
          { code: 'coach', label: 'Coach twee', labelEn: '' },
          { code: 'control', label: 'Nog een', labelEn: '' },
        ],
        controlLabel: ' ',
      }),
    );
    expect(e).toEqual({
      'arms.0.code': { code: 'not_a_code' },
      'arms.1.label': { code: 'required' },
      'arms.2.code': { code: 'duplicate', params: { value: 'coach' } },
      'arms.3.code': { code: 'control_code' },
      controlLabel: { code: 'required' },
    });
    const s = manageStrings.nl;
    expect(problemText(e['arms.3.code'], s, 'nl')).toBe(
      'De code control is van de controlegroep; kies een andere.',
    );
    expect(problemText(e['arms.2.code'], s, 'nl')).toBe('De code coach komt al eerder voor.');
  });

  it('words the refusal to drop an arm with participants in Dutch and English', () => {
    const p = { code: 'arm_in_use' as const, params: { arm: 'vrijstelling', participants: 12 } };
    expect(problemText(p, manageStrings.nl, 'nl')).toMatch(
      /^Groep vrijstelling heeft 12 deelnemers/,
    );
    expect(problemText(p, manageStrings.en, 'en')).toMatch(
      /^Group vrijstelling has 12 participants/,
    );
  });
});
