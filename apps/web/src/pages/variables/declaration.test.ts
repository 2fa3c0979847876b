import { PilotVariableInput } from '@wegwijzer/domain';
import { describe, expect, it } from 'vitest';
import { checkDeclaration, declarationInput, emptyDeclaration } from './declaration.ts';

const draft = (over: Partial<ReturnType<typeof emptyDeclaration>>) => ({
  ...emptyDeclaration(),
  code: 'sessions_attended',
  label: 'Bijgewoonde sessies',
  ...over,
});

describe('the variable declaration form', () => {
  it('sends an integer with its bounds and a category with its levels as the API schema takes them', () => {
    const integer = draft({ type: 'integer', min: '0', max: '40' });
    expect(checkDeclaration(integer, [])).toEqual({});
    expect(declarationInput(integer)).toMatchObject({
      type: 'integer',
      min: 0,
      max: 40,
      levels: [],
    });
    const category = draft({
      code: 'wijk',
      type: 'category',
      levels: [{ code: 'noord', label: 'Noord', labelEn: 'North' }],
      min: '3',
    });
    const input = declarationInput(category);
    expect(input).toMatchObject({
      min: null,
      max: null,
      levels: [{ code: 'noord', labelEn: 'North' }],
    });
    expect(PilotVariableInput.safeParse(input).success).toBe(true);
  });

  it('refuses a code that is no snake_case, reserved or taken, and bounds the wrong way round', () => {
    expect(checkDeclaration(draft({ code: 'Sessies' }), []).code).toEqual({ code: 'not_a_code' });
    expect(checkDeclaration(draft({ code: 'motivation' }), []).code).toEqual({
      code: 'code_reserved',
    });
    expect(checkDeclaration(draft({ code: 'off_benefit_12m' }), []).code).toEqual({
      code: 'code_reserved',
    });
    expect(checkDeclaration(draft({}), ['sessions_attended']).code).toEqual({ code: 'code_taken' });
    expect(checkDeclaration(draft({ type: 'integer', min: '40', max: '0' }), [])).toEqual({
      max: { code: 'min_above_max' },
    });
    expect(checkDeclaration(draft({ type: 'integer', min: '', max: '1,5' }), [])).toEqual({
      min: { code: 'required' },
      max: { code: 'not_whole', params: { min: -1e9, max: 1e9 } },
    });
  });

  it('asks for at least one level and refuses a repeated level code', () => {
    expect(checkDeclaration(draft({ type: 'category' }), []).levels).toEqual({ code: 'no_levels' });
    const e = checkDeclaration(
      draft({
        type: 'category',
        levels: [
          { code: 'a', label: 'A', labelEn: '' },
          { code: 'a', label: '', labelEn: '' },
        ],
      }),
      [],
    );
    expect(e).toEqual({
      'levels.1.code': { code: 'duplicate', params: { value: 'a' } },
      'levels.1.label': { code: 'required' },
    });
  });
});
