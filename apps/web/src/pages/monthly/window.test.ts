import { describe, expect, it } from 'vitest';
import { isStandardChoice, parseWindow, typedWindow } from './window.ts';

describe('window values', () => {
  it.each([
    ['9', 9],
    ['1', 1],
    ['60', 60],
    ['36', 36],
    [null, 12],
    ['0', 12],
    ['61', 12],
    ['1.5', 12],
    ['abc', 12],
  ])('reads window=%s from the URL as %i', (raw, k) => {
    expect(parseWindow(raw)).toBe(k);
  });

  it.each([
    ['9', 9],
    [' 13 ', 13],
    ['0', null],
    ['61', null],
    ['2,5', null],
    ['', null],
  ])('takes a typed %j as %j', (raw, k) => {
    expect(typedWindow(raw)).toBe(k);
  });

  it('offers the standard windows in the select and the rest as "other"', () => {
    expect([6, 12, 18, 24, 36].every(isStandardChoice)).toBe(true);
    expect(isStandardChoice(9)).toBe(false);
  });
});
