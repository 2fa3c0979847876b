import { describe, expect, it } from 'vitest';
import { exportWindowsFrom, toggleWindow } from './windows.ts';

describe('exportWindowsFrom', () => {
  it.each([
    [null, [6, 12, 24]],
    ['12', [12]],
    ['24,6,6', [6, 24]],
    ['0,61,abc', [6, 12, 24]],
    ['9,36', [9, 36]],
  ])('reads windows=%s as %o', (raw, expected) => {
    const q = new URLSearchParams(raw === null ? '' : `windows=${raw}`);
    expect(exportWindowsFrom(q)).toEqual(expected);
  });
});

describe('toggleWindow', () => {
  it('adds and removes a window, keeping at least one', () => {
    expect(toggleWindow([6, 12], 36, true)).toBe('6,12,36');
    expect(toggleWindow([6, 12], 6, false)).toBe('12');
    expect(toggleWindow([12], 12, false)).toBe('12');
  });
});
