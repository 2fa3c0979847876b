import { describe, expect, it } from 'vitest';
import { DEFAULT_PILOT_ARMS } from '@wegwijzer/domain/values';
import { armLabel, type DeclaredArm } from './arms.tsx';

const standard = { intervention: 'Interventie', control: 'Controlegroep' };
const fourArms: DeclaredArm[] = [
  { code: 'vrijstelling', label: 'Vrijstelling', labelEn: 'Exemption' },
  { code: 'extra_begeleiding', label: 'Extra begeleiding', labelEn: null },
  { code: 'bijverdienen', label: 'Bijverdienen', labelEn: 'Keeping earnings' },
  { code: 'control', label: 'Controlegroep', labelEn: 'Control group' },
];

describe('armLabel', () => {
  it('labels each arm of a four-arm pilot by its declared label in the language', () => {
    expect(fourArms.map((a) => armLabel(fourArms, a.code, 'nl', standard))).toEqual([
      'Vrijstelling',
      'Extra begeleiding',
      'Bijverdienen',
      'Controlegroep',
    ]);
    expect(armLabel(fourArms, 'vrijstelling', 'en', standard)).toBe('Exemption');
    // Without an English label the declared Dutch one stands.
    expect(armLabel(fourArms, 'extra_begeleiding', 'en', standard)).toBe('Extra begeleiding');
  });

  it('keeps the dictionary wording for the default two arms', () => {
    expect(
      armLabel(DEFAULT_PILOT_ARMS, 'intervention', 'en', { intervention: 'Intervention' }),
    ).toBe('Intervention');
    expect(armLabel([], 'control', 'nl', standard)).toBe('Controlegroep');
  });
});
