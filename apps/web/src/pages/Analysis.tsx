import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import {
  outcomesQuery,
  survivalQuery,
  WINDOW_OPTIONS,
  type SurvivalReply,
} from '../api/queries.ts';
import { KM_TICKS as TICKS, KmChart } from '../charts/KmChart.tsx';
import {
  atRiskAt,
  kmBand,
  kmRows,
  kmValue,
  windowBand,
  windowRate,
  windowRows,
  type ArmKey,
} from '../charts/mappers.ts';
import { ArmsProvider, useArmLook } from '../charts/arms.tsx';
import { referenceMarks } from '../charts/reference.ts';
import { referenceLineElements } from '../charts/referenceLines.tsx';
import { referenceLabel } from '../components/References.tsx';
import { Figure } from '../components/Figure.tsx';
import { PilotPicker, usePilotParam } from '../components/PilotPicker.tsx';
import { HeadlineText } from '../components/Outcome.tsx';
import { ErrorState, Loading, Query } from '../components/States.tsx';
import { formatDate, formatNumber, formatPercent, formatWithInterval } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link, useLocation } from '../router.tsx';
import { WindowPicker } from '../components/WindowPicker.tsx';
import { modelStrings } from './models/strings.ts';
import StatusByMonthFigure from './monthly/StatusByMonthFigure.tsx';
import { parseWindow } from './monthly/window.ts';
import { FindingsTable } from './findings/FindingsTable.tsx';
import { LadderMovesFigure } from './findings/LadderMovesFigure.tsx';
import { FindingsByWindow } from './findings/FindingsByWindow.tsx';
import { Heading1 } from '@utrecht/component-library-react';
import { TickTable } from '../components/TickTable.tsx';
import { ArmLineChart } from '../charts/ArmLineChart.tsx';
import { ArmTable } from '../components/ArmTable.tsx';

// The balance table brings the NL Design System table components: its own chunk.
const BalanceSection = lazy(() => import('./balance/BalanceTable.tsx'));

export default function Analysis() {
  const loc = useLocation();
  const { pilots, pilot, error } = usePilotParam();
  const windowMonths = parseWindow(loc.query.get('window'));
  if (error)
    return (
      <div className="container">
        <ErrorState error={error} />
      </div>
    );
  if (!pilots || !pilot)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  return (
    <ArmsProvider arms={pilot.arms}>
      <AnalysisBody pilot={pilot} windowMonths={windowMonths} pilots={pilots} />
    </ArmsProvider>
  );
}

/** The Analyse page of one pilot, its charts drawing the pilot's declared arms. */
function AnalysisBody({
  pilot,
  pilots,
  windowMonths,
}: {
  pilot: NonNullable<ReturnType<typeof usePilotParam>['pilot']>;
  pilots: NonNullable<ReturnType<typeof usePilotParam>['pilots']>;
  windowMonths: number;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="container">
      <Heading1>{t.analysisTitle}</Heading1>
      <div className="filters">
        <PilotPicker pilots={pilots} value={pilot.id} />
        <WindowPicker value={windowMonths} />
      </div>
      <p className="muted">
        {t.observationEnd} {formatDate(pilot.dataCompleteThrough, locale)}
      </p>
      <Summary pilotId={pilot.id} windowMonths={windowMonths} />
      <p className="no-print">
        <Link to={`/analyse/modellen?pilot=${pilot.id}`}>{modelStrings[locale].link} →</Link>
      </p>
      <Survival pilotId={pilot.id} />
      <Suspense fallback={<Loading />}>
        <BalanceSection pilotId={pilot.id} />
      </Suspense>
      <StatusByMonthFigure pilotId={pilot.id} />
      <ByWindow pilotId={pilot.id} />
      <FindingsByWindow pilotId={pilot.id} />
    </div>
  );
}

function Summary({ pilotId, windowMonths }: { pilotId: string; windowMonths: number }) {
  const q = useQuery(outcomesQuery(pilotId, windowMonths));
  return (
    <Query q={q}>
      {(o) => (
        <>
          <HeadlineText o={o} />
          <FindingsTable o={o} />
          <LadderMovesFigure o={o} />
        </>
      )}
    </Query>
  );
}

function Survival({ pilotId }: { pilotId: string }) {
  const q = useQuery(survivalQuery(pilotId));
  return <Query q={q}>{(s) => <KmFigure s={s} />}</Query>;
}

function KmFigure({ s }: { s: SurvivalReply }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const rows = kmRows(s);
  const arms = Object.keys(s.arms);
  const maxT = rows.at(-1)?.t ?? 0;
  const ticks = TICKS.filter((x) => x <= maxT);
  const pct = (v: number) => formatPercent(v, 0, locale);
  const median = (a: ArmKey) => {
    const m = s.arms[a]?.median;
    return m == null
      ? t.notReached
      : `${formatNumber(m, 0, locale)} ${t.days.split(' ')[0]!.toLowerCase()}`;
  };
  // The test statistic with its degrees of freedom (arms compared − 1), as a reader checks it.
  const df = Math.max(1, arms.length - 1);
  const p = s.logRank
    ? `χ²(${df}) = ${formatNumber(s.logRank.chi2, 2, locale)}; ${
        s.logRank.p < 0.001
          ? `p < ${formatNumber(0.001, 3, locale)}`
          : `p = ${formatNumber(s.logRank.p, 3, locale)}`
      }`
    : '';
  return (
    <>
      <Figure
        title={t.km}
        alt={`${t.kmAlt} ${arms.map((a) => `${look.label(a)}: ${t.median.toLowerCase()} ${median(a)}`).join('; ')}.`}
        chart={
          <div className="chart">
            <KmChart
              rows={rows}
              arms={arms}
              armLabel={look.label}
              ticks={ticks}
              xLabel={t.days}
              pct={pct}
              height={320}
            />
          </div>
        }
        table={
          <ArmTable
            corner={t.days}
            arms={arms}
            rows={ticks}
            rowKey={(tick) => tick}
            rowHeader={(tick) => tick}
            cell={(tick, a) => {
              const r = [...rows].reverse().find((x) => x.t <= tick);
              return formatWithInterval(kmValue(r, a), kmBand(r, a), pct, locale);
            }}
          />
        }
      />
      {ticks.length > 0 && arms.some((a) => atRiskAt(s, a, ticks).some((x) => x != null)) && (
        <TickTable
          caption={t.atRisk}
          tickHeader={t.days}
          ticks={ticks}
          arms={arms}
          cell={(a, _x, i) => {
            const v = atRiskAt(s, a, ticks)[i];
            return v == null ? '–' : formatNumber(v, 0, locale);
          }}
        />
      )}
      <p className="logrank">
        {s.logRank ? (s.logRank.p < 0.05 ? t.logRankSig(p) : t.logRankNs(p)) : t.noLogRank}{' '}
        {arms.map((a) => `${look.label(a)}: ${t.median.toLowerCase()} ${median(a)}.`).join(' ')}
      </p>
    </>
  );
}

function ByWindow({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const qs = useQueries({ queries: WINDOW_OPTIONS.map((w) => outcomesQuery(pilotId, w)) });
  const failed = qs.find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} />;
  if (qs.some((q) => q.isPending)) return <Loading />;
  const rows = windowRows(qs.map((q) => q.data!));
  const marks = referenceMarks(qs.flatMap((q) => q.data!.referenceLines));
  const look = useArmLook();
  const arms = [...new Set(qs.flatMap((q) => Object.keys(q.data!.arms)))].filter((a) =>
    rows.some((r) => windowRate(r, a) != null),
  );
  const data = rows.map((r) => {
    const row: Record<string, number | [number, number] | null | undefined> = { window: r.window };
    for (const a of arms) {
      const v = windowRate(r, a);
      const b = windowBand(r, a);
      row[a] = v;
      row[`${a}Err`] = b && v != null ? [v - b[0], b[1] - v] : undefined;
    }
    return row;
  });
  const pct = (v: number) => formatPercent(v, 0, locale);
  return (
    <Figure
      title={t.byWindow}
      alt={[
        ...rows.map(
          (r) =>
            `${t.months(r.window)}: ${arms.map((a) => `${look.label(a)} ${windowRate(r, a) != null ? formatPercent(windowRate(r, a)!, 1, locale) : '–'}`).join(', ')}`,
        ),
        ...marks.map((m) => `${referenceLabel(m, t, locale)} (${t.months(m.windowMonths)})`),
      ].join('; ')}
      chart={
        <div className="chart">
          <ArmLineChart
            data={data}
            arms={arms}
            height={280}
            x={{ dataKey: 'window', type: 'number', domain: [0, 36], ticks: [...WINDOW_OPTIONS] }}
            xLabel={t.window}
            yMax="auto"
            yTick={pct}
            tip={pct}
            marks={referenceLineElements(marks, t, locale, true)}
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
          rows={rows}
          rowKey={(r) => r.window}
          rowHeader={(r) => t.months(r.window)}
          cell={(r, a) =>
            formatWithInterval(
              windowRate(r, a),
              windowBand(r, a),
              (v) => formatPercent(v, 1, locale),
              locale,
            )
          }
        />
      }
    />
  );
}
