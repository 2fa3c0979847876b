import { describe, expect, it } from 'vitest';
import { cell, cellText, isSuppressed } from './suppression.ts';

describe('suppressed cells', () => {
  const list = ['/arms/control/routes/bbz', '/arms/intervention/sustained'];
  it('renders a suppressed null as "<10", never as 0', () => {
    const c = cell(null, '/arms/control/routes/bbz', list);
    expect(c).toEqual({ kind: 'suppressed' });
    expect(cellText(c, String)).toBe('<10');
  });
  it('shows a real zero as 0', () => {
    expect(cellText(cell(0, '/arms/control/routes/bbz', list), String)).toBe('0');
  });
  it('treats a null that is not listed as missing, not as suppressed', () => {
    expect(cellText(cell(null, '/arms/control/routes/other', list), String)).toBe('–');
  });
  it('matches children of a suppressed parent pointer', () => {
    expect(isSuppressed('/arms/intervention/sustained/rate', list)).toBe(true);
    expect(isSuppressed('/arms/intervention/sustainedPlacement', list)).toBe(false);
  });
});
