import { useQueries, useQuery } from '@tanstack/react-query';
import { debtSurvivalQuery, outcomesQuery, WINDOW_OPTIONS } from '../../api/queries.ts';
import { debtWindowRows, stabilisedCurve, trimTail } from '../../charts/debts.ts';
import { KM_TICKS as TICKS, KmChart } from '../../charts/KmChart.tsx';
import { kmBand, kmRows, kmValue } from '../../charts/mappers.ts';
import { Figure } from '../../components/Figure.tsx';
import { Empty, ErrorState, Loading, Query } from '../../components/States.tsx';
import { formatNumber, formatPercent, formatWithInterval } from '../../format.ts';
import { useArmLook } from '../../charts/arms.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { cellText } from '../../suppression.ts';
import { debtStrings } from './strings.ts';
import { ArmLineChart } from '../../charts/ArmLineChart.tsx';
import { ArmTable, RateWithN } from '../../components/ArmTable.tsx';

/** The share with debts under control at 6/12/18/24/36 months: a line per arm with intervals. */
export function DebtOverTime({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(debtStrings);
  const qs = useQueries({ queries: WINDOW_OPTIONS.map((w) => outcomesQuery(pilotId, w)) });
  const failed = qs.find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} />;
  if (qs.some((q) => q.isPending)) return <Loading />;
  const rows = debtWindowRows(qs.map((q) => q.data!));
  const arms = look.codes.filter((a) => rows.some((r) => r.cells[a]));
  const pct0 = (v: number) => formatPercent(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  return (
    <Figure
      title={s.overTimeTitle}
      alt={`${s.overTimeAlt} ${rows
        .map(
          (r) =>
            `${t.months(r.window)}: ${arms.map((a) => `${look.label(a)} ${cellText(r.cells[a]?.rate ?? { kind: 'missing' }, pct, t.notShown)}`).join(', ')}`,
        )
        .join('; ')}.`}
      chart={
        <div className="chart">
          <ArmLineChart
            data={rows}
            arms={arms}
            height={280}
            x={{ dataKey: 'window', type: 'number', domain: [0, 36], ticks: [...WINDOW_OPTIONS] }}
            xLabel={t.window}
            yMax={1}
            yTick={pct0}
            tip={pct}
            dot={4}
            connectNulls
            errorBar={{ width: 6 }}
          />
        </div>
      }
      table={
        <ArmTable
          corner={t.window}
          arms={arms}
          armNote=" (95%-BI; n)"
          rows={rows}
          rowKey={(r) => r.window}
          rowHeader={(r) => t.months(r.window)}
          cell={(r, a) => {
            const c = r.cells[a];
            return c ? <RateWithN rate={c.rate} ci={c.ci} n={c.n} count /> : '–';
          }}
        />
      }
    />
  );
}

/** Kaplan–Meier time to stabilisation, drawn as the share under control so far (up is good). */
export function DebtKaplanMeier({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(debtStrings);
  const q = useQuery(debtSurvivalQuery(pilotId));
  return (
    <Query q={q}>
      {(reply) => {
        const rows = stabilisedCurve(kmRows(trimTail(reply)));
        const arms = Object.keys(reply.arms).filter((a) => reply.arms[a]?.points.length);
        if (!arms.length) return <Empty />;
        const maxT = rows.at(-1)?.t ?? 0;
        const ticks = TICKS.filter((x) => x <= maxT);
        const pct = (v: number) => formatPercent(v, 0, locale);
        const median = (a: string) => {
          const m = reply.arms[a]?.median;
          return m == null
            ? t.notReached
            : `${formatNumber(m, 0, locale)} ${s.days.split(' ')[0]!.toLowerCase()}`;
        };
        const at = (tick: number) => [...rows].reverse().find((x) => x.t <= tick);
        return (
          <Figure
            title={s.kmTitle}
            alt={`${s.kmAlt} ${arms.map((a) => `${look.label(a)}: ${s.kmMedian.toLowerCase()} ${median(a)}`).join('; ')}.`}
            chart={
              <div className="chart">
                <KmChart
                  rows={rows}
                  arms={arms}
                  armLabel={(a) => look.label(a)}
                  ticks={ticks}
                  xLabel={s.days}
                  pct={pct}
                  height={300}
                />
                <p className="small">
                  {arms
                    .map((a) => `${look.label(a)}: ${s.kmMedian.toLowerCase()} ${median(a)}.`)
                    .join(' ')}
                </p>
              </div>
            }
            table={
              <ArmTable
                corner={s.days}
                arms={arms}
                rows={ticks}
                rowKey={(tick) => tick}
                rowHeader={(tick) => tick}
                cell={(tick, a) => {
                  const r = at(tick);
                  return formatWithInterval(kmValue(r, a), kmBand(r, a), pct, locale);
                }}
              />
            }
          />
        );
      }}
    </Query>
  );
}
