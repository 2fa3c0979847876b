import { describe, expect, it } from 'vitest';
import { dictionaries } from './i18n.tsx';
import { municipalityName, valueLabel } from './labels.ts';

const t = dictionaries.nl;

describe('municipalityName', () => {
  it.each([
    ['GM0363', 'Amsterdam'],
    ['GM0518', "'s-Gravenhage"],
    ['gm0772', 'Eindhoven'],
    ['GM9999', 'GM9999'],
  ])('shows %s as %s', (code, name) => expect(municipalityName(code)).toBe(name));
});

describe('valueLabel', () => {
  it.each([
    ['household', 'single', 'alleenstaand'],
    ['household', 'single_parent', 'alleenstaande ouder'],
    ['household', 'couple', 'samenwonend/gehuwd'],
    ['education', 'low', 'laag'],
    ['education', 'mid', 'middelbaar'],
    ['education', 'high', 'hoog'],
    ['hasDebts', true, 'ja'],
    ['disability', false, 'nee'],
    ['refugeeStatus', null, 'onbekend'],
    ['household', null, 'onbekend'],
    ['motivation', 4, '4'],
    ['ageBand', '27-44', '27-44'],
  ] as const)('labels %s = %s as "%s"', (field, v, label) =>
    expect(valueLabel(field, v, t)).toBe(label),
  );

  it('uses the English words when English is chosen', () => {
    expect(valueLabel('household', 'single_parent', dictionaries.en)).toBe('single parent');
  });
});
