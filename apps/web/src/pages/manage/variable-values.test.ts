import type { PilotVariable } from '@wegwijzer/domain/core';
import { describe, expect, it } from 'vitest';
import { checkValues, valuesDraft, valuesInput } from './variable-values.ts';

const declared = (v: Partial<PilotVariable> & Pick<PilotVariable, 'code' | 'type'>) => ({
  label: v.code,
  labelEn: null,
  levels: [],
  min: null,
  max: null,
  description: null,
  ...v,
});
const vars: PilotVariable[] = [
  declared({ code: 'supervisor_trained', type: 'boolean' }),
  declared({ code: 'sessions_attended', type: 'integer', min: 0, max: 40 }),
  declared({
    code: 'wijk',
    type: 'category',
    levels: [{ code: 'noord', label: 'Noord', labelEn: null }],
  }),
];

describe('a participant’s own variable values in the form', () => {
  it('reads stored values as the inputs hold them', () => {
    expect(valuesDraft({ supervisor_trained: true, sessions_attended: 12, wijk: 'noord' })).toEqual(
      { supervisor_trained: 'yes', sessions_attended: '12', wijk: 'noord' },
    );
  });

  it('refuses a number outside the declared bounds and a fraction by the shared rule', () => {
    expect(checkValues(vars, { sessions_attended: '41' })).toEqual({
      'variables.sessions_attended': { code: 'out_of_range', params: { min: 0, max: 40 } },
    });
    expect(Object.keys(checkValues(vars, { sessions_attended: '2,5' }))).toEqual([
      'variables.sessions_attended',
    ]);
    expect(checkValues(vars, { sessions_attended: '40', supervisor_trained: 'no' })).toEqual({});
  });

  it('sends typed values; an edit clears what is empty, a new participant leaves it out', () => {
    const draft = { supervisor_trained: 'yes', sessions_attended: '12', wijk: '' };
    expect(valuesInput(vars, draft, { clear: true })).toEqual({
      supervisor_trained: true,
      sessions_attended: 12,
      wijk: null,
    });
    expect(valuesInput(vars, draft, { clear: false })).toEqual({
      supervisor_trained: true,
      sessions_attended: 12,
    });
  });
});
