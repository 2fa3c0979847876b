import { describe, expect, it } from 'vitest';
import { DEFAULT_PILOT_ARMS } from '@wegwijzer/domain';
import { withArms } from './arms.ts';
import { DIALECTS } from './csv.ts';
import { buildDataPackage, type Provenance } from './datapackage.ts';
import { COHORT, PARTICIPANTS } from './tables.ts';

const FOUR_ARMS = [
  { code: 'vrijstelling', label: 'Vrijstelling van verplichtingen', labelEn: 'Exemption' },
  { code: 'extra_begeleiding', label: 'Extra begeleiding', labelEn: 'Extra guidance' },
  { code: 'bijverdienen', label: 'Behoud van bijverdienste', labelEn: null },
  { code: 'control', label: 'Controlegroep', labelEn: 'Control group' },
];

const provenance: Provenance = {
  pilot: { id: 'p-1', name: 'Experiment', municipality: 'GM0289', synthetic: true },
  filters: {},
  observationEnd: '2025-12-31',
  softwareVersion: '0.1.0',
  exportedAt: '2026-01-05T10:00:00.000Z',
  exportedBy: 'onderzoeker@example.nl',
  dateShift: false,
  participants: 4,
};

describe('withArms', () => {
  it.each([
    ['cohort.csv', COHORT],
    ['participants.csv', PARTICIPANTS],
  ])(
    'describes the arm column of %s with the four declared codes and their labels',
    (_name, table) => {
      const dp = buildDataPackage([withArms(table, FOUR_ARMS)], DIALECTS.csv, provenance);
      const arm = dp.resources[0]!.schema.fields.find((f) => f.name === 'arm')!;
      expect(arm.constraints).toEqual({
        required: true,
        enum: ['vrijstelling', 'extra_begeleiding', 'bijverdienen', 'control'],
      });
      expect(arm.categories).toEqual([
        { value: 'vrijstelling', label: 'Vrijstelling van verplichtingen / Exemption' },
        { value: 'extra_begeleiding', label: 'Extra begeleiding / Extra guidance' },
        { value: 'bijverdienen', label: 'Behoud van bijverdienste' },
        { value: 'control', label: 'Controlegroep / Control group' },
      ]);
    },
  );

  it('keeps every other column as it was and the default pilot’s codes as before', () => {
    const table = withArms(PARTICIPANTS, DEFAULT_PILOT_ARMS);
    expect(table.fields.map((f) => f.name)).toEqual(PARTICIPANTS.fields.map((f) => f.name));
    const others = (t: typeof table) => t.fields.filter((f) => f.name !== 'arm');
    expect(others(table)).toEqual(others(PARTICIPANTS));
    expect(table.fields.find((f) => f.name === 'arm')!.enum).toEqual(['intervention', 'control']);
  });
});
