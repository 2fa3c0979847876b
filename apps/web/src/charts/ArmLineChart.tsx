import type { ReactNode } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type XAxisProps,
} from 'recharts';
import { useArmLook } from './arms.tsx';
import type { ArmKey } from './mappers.ts';

/**
 * A rate per arm over an x-axis of windows or months: one line per arm in its colour and dash,
 * each point with its 95% interval as an error bar read from `${arm}Err` of the row. The one
 * scaffold behind exit rate by window, debts under control by window and exit rate by cohort.
 */
export function ArmLineChart({
  data,
  arms,
  height,
  x,
  xLabel,
  yMax,
  yTick,
  tip,
  marks,
  dot,
  connectNulls,
  errorBar,
}: {
  data: readonly object[];
  arms: readonly ArmKey[];
  height: number;
  /** The x-axis: its data key and ticks; its label is `xLabel`. */
  x: Omit<XAxisProps, 'label' | 'ref'>;
  xLabel: string;
  /** The top of the y-axis: 1 for a share, 'auto' to make room for reference lines. */
  yMax: number | 'auto';
  yTick: (v: number) => string;
  tip: (v: number) => string;
  /** Reference lines (`referenceLineElements`), drawn under the arms' lines. */
  marks?: ReactNode;
  dot: number;
  connectNulls: boolean;
  errorBar: { width: number; opacity?: number };
}) {
  const look = useArmLook();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        accessibilityLayer={false}
        data={data as object[]}
        margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
      >
        <CartesianGrid stroke="#e3e3e3" />
        <XAxis {...x} label={{ value: xLabel, position: 'insideBottom', offset: -12 }} />
        <YAxis domain={[0, yMax]} tickFormatter={yTick} width={48} />
        <Tooltip formatter={(v) => tip(Number(v))} />
        <Legend verticalAlign="top" />
        {marks}
        {arms.map((a) => (
          <Line
            key={a}
            dataKey={a}
            name={look.label(a)}
            stroke={look.style(a).color}
            strokeWidth={2}
            strokeDasharray={look.style(a).dash}
            dot={{ r: dot }}
            isAnimationActive={false}
            connectNulls={connectNulls}
          >
            <ErrorBar
              dataKey={`${a}Err`}
              width={errorBar.width}
              stroke={look.style(a).color}
              {...(errorBar.opacity !== undefined && { strokeOpacity: errorBar.opacity })}
            />
          </Line>
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
