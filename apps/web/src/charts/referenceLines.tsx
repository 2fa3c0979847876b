import { ReferenceDot, ReferenceLine } from 'recharts';
import { referenceLabel } from '../components/References.tsx';
import type { Locale } from '../format.ts';
import type { Dict } from '../i18n.tsx';
import type { ReferenceMark } from './reference.ts';

/** Dark grey dashed for the general outflow, accent dotted for the council target: told apart without colour. */
const STYLE = {
  general_outflow: { stroke: '#3d3d3d', dash: '8 4' },
  council_target: { stroke: '#154273', dash: '2 3' },
} as const;

/**
 * Reference figures as labelled horizontal Recharts lines at their rate. Returned as elements
 * (not a component) because Recharts finds its children by type. Only for lazily loaded charts.
 */
export function referenceLineElements(
  marks: readonly ReferenceMark[],
  t: Pick<Dict, 'referenceShort' | 'months'>,
  locale: Locale,
  /** On an axis of windows, say which window the figure was measured over. */
  withWindow = false,
) {
  return marks.flatMap((m, i) => [
    <ReferenceLine
      key={m.id}
      y={m.rate}
      stroke={STYLE[m.kind].stroke}
      strokeWidth={2}
      strokeDasharray={STYLE[m.kind].dash}
      ifOverflow="extendDomain"
      className={`ref-line ref-${m.kind}`}
      label={{
        value: `${referenceLabel(m, t, locale)}${withWindow ? ` (${t.months(m.windowMonths)})` : ''}`,
        position: i % 2 === 0 ? 'insideTopRight' : 'insideBottomRight',
        fill: '#1b1b1b',
        fontSize: 12,
        className: `ref-label ref-label-${m.kind}`,
      }}
    />,
    // On an axis of windows, a hollow mark where the figure was actually measured.
    ...(withWindow
      ? [
          <ReferenceDot
            key={`${m.id}-dot`}
            x={m.windowMonths}
            y={m.rate}
            r={5}
            fill="#fff"
            stroke={STYLE[m.kind].stroke}
            strokeWidth={2}
            ifOverflow="extendDomain"
          />,
        ]
      : []),
  ]);
}
