import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, DIALECTS, formatNumber, formatValue } from './csv.ts';

const csv = DIALECTS.csv;
const nl = DIALECTS['excel-nl'];

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['a;b', 'a;b'],
  ])('writes %j in the csv dialect as %j', (input, expected) => {
    expect(csvCell(input, csv)).toBe(expected);
  });

  it('quotes the excel-nl delimiter but not a comma', () => {
    expect(csvCell('a;b', nl)).toBe('"a;b"');
    expect(csvCell('1234,56', nl)).toBe('1234,56');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+31 6 1234', "'+31 6 1234"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
  ])('neutralises the formula-like cell %j', (input, expected) => {
    expect(csvCell(input, csv)).toBe(expected);
  });

  it.each([['-12'], ['-12.50'], ['-0.5']])('keeps the plain negative number %j', (n) => {
    expect(csvCell(n, csv)).toBe(n);
  });

  it('keeps a Dutch negative number, quoted only where its comma is the delimiter', () => {
    expect(csvCell('-1234,56', nl)).toBe('-1234,56');
    expect(csvCell('-1234,56', csv)).toBe('"-1234,56"');
  });

  it('neutralises a text that merely starts like a number', () => {
    expect(csvCell('-12 EUR', csv)).toBe("'-12 EUR");
  });
});

describe('formatNumber', () => {
  it.each([
    [1234.5, { fixed: 2 }, '1234.50', '1234,50'],
    [-2000, { fixed: 2 }, '-2000.00', '-2000,00'],
    [-0.001, { fixed: 2 }, '0.00', '0,00'],
    [4.008213552361396, {}, '4.008214', '4,008214'],
    [12, {}, '12', '12'],
    [1234567.891, { maxDecimals: 2 }, '1234567.89', '1234567,89'],
  ])('writes %d (%j) as %j and in excel-nl as %j', (n, format, plain, dutch) => {
    expect(formatNumber(n, format, csv)).toBe(plain);
    expect(formatNumber(n, format, nl)).toBe(dutch);
  });

  it('refuses NaN and infinities rather than writing them', () => {
    expect(() => formatNumber(Number.NaN, {}, csv)).toThrow(RangeError);
    expect(() => formatNumber(Infinity, {}, csv)).toThrow(RangeError);
  });
});

describe('formatValue and csvLine', () => {
  it('writes booleans as true/false and null as an empty cell', () => {
    expect([true, false, null, undefined].map((v) => formatValue(v, {}, csv))).toEqual([
      'true',
      'false',
      '',
      '',
    ]);
  });

  it('ends a record with the dialect’s line terminator', () => {
    expect(csvLine(['a', 'b,c', '1'], csv)).toBe('a,"b,c",1\n');
    expect(csvLine(['a', 'b,c', '1'], nl)).toBe('a;b,c;1\r\n');
  });
});
