import { describe, expect, it } from 'vitest';
import {
  ARM_COLOR,
  ARM_PALETTE,
  armStyles,
  CHART_BACKGROUNDS,
  contrastRatio,
  CONTROL_COLOR,
} from './colors.ts';

describe('arm colours', () => {
  it.each([...ARM_PALETTE, CONTROL_COLOR])(
    '%s has at least 3:1 contrast against every chart background (WCAG 1.4.11)',
    (color) => {
      for (const bg of CHART_BACKGROUNDS)
        expect(contrastRatio(color, bg)).toBeGreaterThanOrEqual(3);
    },
  );

  it('computes the WCAG ratio: black on white is 21, a colour on itself 1, #767676 on white 4.54', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#0072B2', '#0072B2')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('gives every arm of a six-arm pilot its own colour, dash and marker, and control the grey', () => {
    const codes = ['a', 'b', 'c', 'd', 'e', 'f', 'control'];
    const styles = armStyles(codes);
    const of = (k: 'color' | 'dash' | 'marker') => new Set(codes.map((c) => styles[c]![k]));
    expect(of('color').size).toBe(7);
    expect(of('dash').size).toBe(7);
    expect(of('marker').size).toBe(7);
    expect(styles.control!.color).toBe(CONTROL_COLOR);
    expect(styles.a!.color).toBe(ARM_PALETTE[0]);
  });

  it('keeps the colours by declared order, whatever the codes, and the two-arm colours as before', () => {
    expect(armStyles(['intervention', 'control'])).toMatchObject({
      intervention: { color: ARM_COLOR.intervention },
      control: { color: ARM_COLOR.control },
    });
    expect(armStyles(['control', 'vrijstelling', 'extra']).extra!.color).toBe(ARM_PALETTE[1]);
  });
});
