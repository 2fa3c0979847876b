import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, PARTICIPANT_COLUMNS } from '@wegwijzer/import';
import { DIALECTS } from './csv.ts';
import { buildDataPackage, type Provenance } from './datapackage.ts';
import { COHORT, COHORT_WINDOWS, EVENTS, PARTICIPANTS, TABLES } from './tables.ts';

const provenance: Provenance = {
  pilot: { id: 'abc-123', name: 'Parttime ondernemen', municipality: 'GM0363', synthetic: true },
  filters: { arm: 'intervention', motivation: [4, 5] },
  observationEnd: '2025-12-31',
  softwareVersion: '0.1.0',
  exportedAt: '2026-01-05T10:00:00.000Z',
  exportedBy: 'onderzoeker@example.nl',
  dateShift: true,
  participants: 12,
};

describe('the export tables', () => {
  it('give participants.csv and events.csv the import’s columns, without bsn', () => {
    expect(PARTICIPANTS.fields.map((f) => f.name)).toEqual(
      PARTICIPANT_COLUMNS.filter((c) => c !== 'bsn'),
    );
    expect(EVENTS.fields.map((f) => f.name)).toEqual([...EVENT_COLUMNS]);
  });

  it('give cohort.csv the derived columns of every window, then time to first exit', () => {
    const names = COHORT.fields.map((f) => f.name);
    for (const k of COHORT_WINDOWS) {
      for (const c of [
        'evaluable',
        'off_benefit',
        'route',
        'sustained',
        'benefit_months',
        'savings_avoided_benefit',
        'savings_offset_income',
        'savings_guidance_cost',
        'savings_net',
      ]) {
        expect(names).toContain(`${c}_${k}m`);
      }
    }
    expect(names.slice(-2)).toEqual(['days_to_first_exit', 'first_exit_censored']);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('buildDataPackage', () => {
  const dp = buildDataPackage(TABLES, DIALECTS['excel-nl'], provenance);

  it('is a tabular data package with one CSV resource per table', () => {
    expect(dp.profile).toBe('tabular-data-package');
    expect(dp.name).toMatch(/^[a-z0-9._-]+$/);
    expect(dp.resources.map((r) => r.path)).toEqual([
      'cohort.csv',
      'participants.csv',
      'events.csv',
      'budget.csv',
    ]);
    for (const r of dp.resources) {
      expect(r).toMatchObject({
        format: 'csv',
        encoding: 'utf-8',
        dialect: { delimiter: ';', lineTerminator: '\r\n', header: true },
      });
    }
  });

  it('types and describes every field, with allowed values, units and boolean spellings', () => {
    const fields = dp.resources.flatMap((r) => r.schema.fields) as Record<string, any>[];
    for (const f of fields) {
      expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(f.type);
      expect(f.description).toMatch(/ \/ /);
      if (f.type === 'boolean')
        expect(f).toMatchObject({ trueValues: ['true'], falseValues: ['false'] });
      if (f.type === 'number') expect(f.decimalChar).toBe(',');
    }
    const cohort = dp.resources[0]!.schema.fields as Record<string, any>[];
    const field = (name: string) => cohort.find((f) => f.name === name)!;
    expect(field('route_12m').constraints.enum).toEqual([
      'regular_work',
      'bbz',
      'combination',
      'other',
    ]);
    expect(field('arm').constraints).toEqual({ required: true, enum: ['intervention', 'control'] });
    expect(field('savings_net_24m').unit).toBe('EUR');
    expect(field('benefit_months_6m')).toMatchObject({ unit: 'months' });
    expect(field('benefit_months_6m').description).toContain('30.4375');
    expect(field('days_to_first_exit')).toMatchObject({ type: 'integer', unit: 'days' });
    expect(field('motivation').constraints).toEqual({ minimum: 1, maximum: 5 });
  });

  it('links events to participants and records the provenance', () => {
    expect(dp.resources[2]!.schema).toMatchObject({
      foreignKeys: [
        {
          fields: ['participant_ref'],
          reference: { resource: 'participants', fields: ['participant_ref'] },
        },
      ],
    });
    expect(dp.wegwijzer).toMatchObject({
      pilot: provenance.pilot,
      filters: provenance.filters,
      observationEnd: '2025-12-31',
      softwareVersion: '0.1.0',
      exportedAt: provenance.exportedAt,
      exportedBy: 'onderzoeker@example.nl',
      dateShift: true,
      dialect: { name: 'excel-nl', delimiter: ';', decimalChar: ',', bom: true },
    });
    expect(dp.description).toContain('shifted');
  });

  it('writes "." decimals in the csv dialect', () => {
    const plain = buildDataPackage(TABLES, DIALECTS.csv, { ...provenance, dateShift: false });
    const numbers = plain.resources
      .flatMap((r) => r.schema.fields)
      .filter((f) => f.type === 'number');
    expect(numbers.every((f) => 'decimalChar' in f && f.decimalChar === '.')).toBe(true);
    expect(plain.description).not.toContain('shifted');
  });
});
