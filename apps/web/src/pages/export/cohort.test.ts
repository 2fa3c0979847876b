import { describe, expect, it } from 'vitest';
import { exportFilterFrom, exportOptionsFrom, fileNameFrom, selected } from './cohort.ts';

const q = (s: string) => new URLSearchParams(s);

describe('exportFilterFrom', () => {
  it('keeps the API parameter names and values', () => {
    expect(
      exportFilterFrom(q('pilot=p&arm=control&intakeFrom=2024-01-01&motivation=5,4&hasDebts=true')),
    ).toEqual({
      arm: 'control',
      intakeFrom: '2024-01-01',
      motivation: '4,5',
      hasDebts: 'true',
    });
  });
  it('takes any arm the pilot declares and drops one it does not', () => {
    const codes = ['vrijstelling', 'extra_begeleiding', 'bijverdienen', 'control'];
    expect(exportFilterFrom(q('arm=bijverdienen'), codes)).toEqual({ arm: 'bijverdienen' });
    expect(exportFilterFrom(q('arm=intervention'), codes)).toEqual({});
    expect(exportFilterFrom(q('arm=bijverdienen'))).toEqual({});
  });

  it('drops unknown values, bad dates and an arm that does not exist', () => {
    expect(
      exportFilterFrom(q('arm=beide&intakeTo=31-12-2024&household=single,alien&ageBand=<27')),
    ).toEqual({
      household: 'single',
      ageBand: '<27',
    });
  });
  it('treats every value ticked, "onbekend" included, as no filter', () => {
    expect(exportFilterFrom(q('hasDebts=true,false,null'))).toEqual({});
    expect(exportFilterFrom(q('hasDebts=true,false'))).toEqual({ hasDebts: 'true,false' });
  });
  it('lists the ticked values of a filter', () => {
    expect(selected(exportFilterFrom(q('education=high,low')), 'education')).toEqual([
      'low',
      'high',
    ]);
    expect(selected({}, 'education')).toEqual([]);
  });
});

describe('exportOptionsFrom', () => {
  it('defaults to plain CSV without date shift', () =>
    expect(exportOptionsFrom(q(''))).toEqual({ format: 'csv', dateShift: false }));
  it('reads Excel-NL and date shift', () =>
    expect(exportOptionsFrom(q('format=excel-nl&dateShift=true'))).toEqual({
      format: 'excel-nl',
      dateShift: true,
    }));
});

describe('fileNameFrom', () => {
  it.each([
    ['attachment; filename="wegwijzer-export.zip"', 'wegwijzer-export.zip'],
    ["attachment; filename*=UTF-8''cohort%20a.zip", 'cohort a.zip'],
    [null, 'export.zip'],
  ])('reads %s', (h, name) => expect(fileNameFrom(h, 'export.zip')).toBe(name));
});
