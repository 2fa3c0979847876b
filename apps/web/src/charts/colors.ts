import { CONTROL_ARM } from '@wegwijzer/domain/values';

/**
 * One colour per arm, the same in every chart. Intervention arms take the Okabe–Ito hues in the
 * order the pilot declares them (colour-blind safe: they differ in lightness as well as hue);
 * the lighter Okabe–Ito colours (orange, sky blue, reddish purple) are darkened so every colour
 * has at least 3:1 contrast against the page and the cards (WCAG 1.4.11, tested in
 * colors.test.ts). Yellow is left out: no shade of it reaches 3:1 and still reads as yellow.
 * The control arm is a neutral dark grey, so "the comparison" looks the same in every pilot.
 * Colour is never alone: each arm also has its own line dash and marker shape, and every chart
 * has a legend (or direct labels) with the arm labels.
 */
export const ARM_PALETTE = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#008A64', // bluish green, darkened
  '#AD5C8A', // reddish purple, darkened
  '#A66A00', // orange, darkened
  '#2A7FB8', // sky blue, darkened
] as const;
export const CONTROL_COLOR = '#333333';

/** The backgrounds charts are drawn on: the cards and the page (styles.css `--surface`, `--bg`). */
export const CHART_BACKGROUNDS = ['#ffffff', '#f5f5f4'] as const;

/** Line dashes: solid for the first intervention arm, then patterns; control long dashes. */
const DASHES = [undefined, '2 3', '8 3 2 3', '1 2', '10 4', '4 2 1 2'] as const;
const CONTROL_DASH = '6 3';

/** Marker shapes for points (forest plots, rate bars' ends): one per arm in the same order. */
export const MARKERS = [
  'circle',
  'square',
  'diamond',
  'triangle',
  'triangleDown',
  'cross',
] as const;
export type Marker = (typeof MARKERS)[number] | 'ring';

export interface ArmStyle {
  color: string;
  /** SVG stroke-dasharray, undefined for solid. */
  dash: string | undefined;
  marker: Marker;
}

/**
 * The style of each arm of a pilot, by code, from its declared arm codes in order: the i-th
 * intervention arm takes the i-th palette colour, dash and marker; control the grey.
 */
export function armStyles(codes: readonly string[]): Record<string, ArmStyle> {
  const out: Record<string, ArmStyle> = {};
  let i = 0;
  for (const code of codes) {
    if (code === CONTROL_ARM) {
      out[code] = { color: CONTROL_COLOR, dash: CONTROL_DASH, marker: 'ring' };
      continue;
    }
    const j = i++ % ARM_PALETTE.length;
    out[code] = { color: ARM_PALETTE[j]!, dash: DASHES[j], marker: MARKERS[j]! };
  }
  return out;
}

/** The style of one arm among `codes` (a code not among them gets the first palette colour). */
export const armStyle = (codes: readonly string[], code: string): ArmStyle =>
  armStyles(codes.includes(code) ? codes : [...codes, code])[code]!;

/**
 * The colour of the two arms every pilot had before pilots declared their own, for the charts
 * that know only those two: the first intervention colour and the control grey.
 */
export const ARM_COLOR: Record<'intervention' | 'control', string> = {
  intervention: ARM_PALETTE[0],
  control: CONTROL_COLOR,
};

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
