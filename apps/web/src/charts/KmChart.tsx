import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { RISK_TABLE_DAYS } from '@wegwijzer/outcomes';
import { useArmLook } from './arms.tsx';
import type { ArmKey, KmRow } from './mappers.ts';

/** Day ticks of a survival axis: the days the engine tables the numbers at risk for. */
export const KM_TICKS: readonly number[] = RISK_TABLE_DAYS;

/**
 * A Kaplan–Meier step curve per arm with its 95% band, over days: the one chart behind time to
 * first exit (Analyse) and time to debt stabilisation. Rows come from `kmRows`.
 */
export function KmChart({
  rows,
  arms,
  armLabel,
  ticks,
  xLabel,
  pct,
  height,
}: {
  rows: readonly KmRow[];
  arms: readonly ArmKey[];
  armLabel: (arm: ArmKey) => string;
  ticks: readonly number[];
  xLabel: string;
  pct: (v: number) => string;
  height: number;
}) {
  const maxT = rows.at(-1)?.t ?? 0;
  const look = useArmLook();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        accessibilityLayer={false}
        data={rows as KmRow[]}
        margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
      >
        <CartesianGrid stroke="#e3e3e3" />
        <XAxis
          dataKey="t"
          type="number"
          domain={[0, maxT]}
          ticks={ticks.filter((x) => x <= maxT)}
          label={{ value: xLabel, position: 'insideBottom', offset: -12 }}
        />
        <YAxis domain={[0, 1]} tickFormatter={pct} width={48} />
        <Tooltip
          formatter={(v) =>
            Array.isArray(v) ? v.map((x) => pct(Number(x))).join('–') : pct(Number(v))
          }
          labelFormatter={(l) => `${xLabel}: ${l}`}
        />
        <Legend verticalAlign="top" />
        {arms.map((a) => (
          <Area
            key={`${a}b`}
            type="stepAfter"
            dataKey={`${a}Band`}
            stroke="none"
            fill={look.style(a).color}
            fillOpacity={0.18}
            isAnimationActive={false}
            legendType="none"
            name={`${armLabel(a)} 95%-BI`}
          />
        ))}
        {arms.map((a) => (
          <Line
            key={a}
            type="stepAfter"
            dataKey={a}
            stroke={look.style(a).color}
            strokeWidth={2}
            strokeDasharray={look.style(a).dash}
            dot={false}
            isAnimationActive={false}
            name={armLabel(a)}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
