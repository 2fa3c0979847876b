import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { outcomesQuery, pilotQuery, type Pilot, type User } from '../api/queries.ts';
import { ArmsProvider } from '../charts/arms.tsx';
import { ArmBars, HeadlineText, RouteBar } from '../components/Outcome.tsx';
import { RoundedNote } from '../components/Num.tsx';
import { ReferenceList } from '../components/References.tsx';
import { WindowPicker } from '../components/WindowPicker.tsx';
import { ErrorState, Loading, Query } from '../components/States.tsx';
import { hasDebtData } from '../charts/debts.ts';
import { referenceMarks } from '../charts/reference.ts';
import { formatDate, formatMoney } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { href, Link, useLocation } from '../router.tsx';
import { ImportTab } from './ImportTab.tsx';
import { parseWindow } from './monthly/window.ts';
import { ParticipantsTab } from './ParticipantsTab.tsx';
import { WorklistTab } from './WorklistTab.tsx';
import { ForecastSection } from './models/ForecastSection.tsx';
import { FindingsTable } from './findings/FindingsTable.tsx';
import { LadderMovesFigure } from './findings/LadderMovesFigure.tsx';
import { SavingsStory } from './savings/SavingsStory.tsx';
import { RetentionNotice } from './privacy/RetentionNotice.tsx';
import { Button, Heading1, Heading2 } from '@utrecht/component-library-react';

// The cohort line carries Recharts: its own chunk, loaded with the Resultaten tab.
const CohortFigure = lazy(() => import('./CohortFigure.tsx'));
const StatusByMonthFigure = lazy(() => import('./monthly/StatusByMonthFigure.tsx'));
// Debts (Recharts) and the budget: their own chunks, loaded only where they are shown.
const DebtSection = lazy(() => import('./debts/DebtSection.tsx'));
const BudgetSummary = lazy(() => import('./budget/BudgetSummary.tsx'));
const BudgetTab = lazy(() => import('./budget/BudgetTab.tsx'));
const SettingsTab = lazy(() => import('./manage/SettingsTab.tsx'));

type Tab = 'results' | 'participants' | 'import' | 'worklist' | 'budget' | 'settings';

export function PilotPage({ id, user }: { id: string; user: User }) {
  const { t, locale } = useI18n();
  const loc = useLocation();
  const pilot = useQuery(pilotQuery(id));
  const canWrite = user.role === 'manager' || user.role === 'admin';
  const tabs: Tab[] = canWrite
    ? ['results', 'participants', 'import', 'worklist', 'budget', 'settings']
    : ['results'];
  const asked = loc.query.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'results';
  const windowMonths = parseWindow(loc.query.get('window'));

  if (pilot.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (pilot.isError)
    return (
      <div className="container">
        <ErrorState page error={pilot.error} onRetry={() => void pilot.refetch()} />
      </div>
    );
  const p = pilot.data;
  return (
    <ArmsProvider arms={p.arms}>
      <div className="container pilot-page">
        <nav aria-label="Kruimelpad" className="breadcrumb no-print">
          <Link to="/">{t.navOverview}</Link> › <span aria-current="page">{p.name}</span>
        </nav>
        <header className="page-header">
          <div>
            <Heading1>{p.name}</Heading1>
            <p className="muted">
              {t.municipality} {municipalityName(p.municipality)} · {t.observationEnd}{' '}
              <strong>{formatDate(p.dataCompleteThrough, locale)}</strong>
              {p.synthetic && <span className="badge">{t.synthetic}</span>}
            </p>
          </div>
          {tab === 'results' && (
            <Button
              type="button"
              appearance="secondary-action-button"
              className="no-print"
              onClick={() => window.print()}
            >
              {t.print}
            </Button>
          )}
        </header>
        <RetentionNotice pilot={p} />
        {tabs.length > 1 && (
          <nav className="tabs no-print" aria-label={p.name}>
            {tabs.map((k) => (
              <Link
                key={k}
                to={href(`/pilots/${id}`, { tab: k === 'results' ? undefined : k })}
                aria-current={k === tab ? 'page' : undefined}
                className="tab"
              >
                {t.tabs[k]}
              </Link>
            ))}
          </nav>
        )}
        {tab === 'results' && <Results pilot={p} windowMonths={windowMonths} />}
        {tab === 'results' && user.role !== 'viewer' && (
          <div className="no-print">
            <ForecastSection pilotId={id} windowMonths={windowMonths} />
          </div>
        )}
        {tab === 'participants' && <ParticipantsTab pilotId={id} />}
        {tab === 'import' && <ImportTab pilotId={id} />}
        {tab === 'worklist' && <WorklistTab pilotId={id} />}
        {tab === 'settings' && (
          <Suspense fallback={<Loading />}>
            <SettingsTab pilot={p} />
          </Suspense>
        )}
        {tab === 'budget' && (
          <Suspense fallback={<Loading />}>
            <BudgetTab pilotId={id} windowMonths={windowMonths} />
          </Suspense>
        )}
      </div>
    </ArmsProvider>
  );
}

function Results({ pilot, windowMonths }: { pilot: Pilot; windowMonths: number }) {
  const { t, locale } = useI18n();
  const q = useQuery(outcomesQuery(pilot.id, windowMonths));
  return (
    <section aria-label={t.tabs.results}>
      <WindowPicker value={windowMonths} />
      <Query q={q}>
        {(o) => {
          const marks = referenceMarks(o.referenceLines, o.windowMonths);
          return (
            <>
              <HeadlineText o={o} large />
              <ReferenceList o={o} municipality={pilot.municipality} />
              {/* One savings story: headline, waterfall and return per euro from one ledger. */}
              <SavingsStory o={o} pilotId={pilot.id} />
              <RouteBar o={o} />
              {(o.arms.control || marks.length > 0) && <ArmBars o={o} marks={marks} />}
              <FindingsTable o={o} />
              <LadderMovesFigure o={o} />
              <RoundedNote rounded={o.rounded} />
              {/* Left out of the one-page A4 print of the summary. */}
              <div className="no-print">
                <Suspense fallback={<Loading />}>
                  <StatusByMonthFigure pilotId={pilot.id} />
                </Suspense>
                <Suspense fallback={<Loading />}>
                  <CohortFigure pilotId={pilot.id} windowMonths={windowMonths} marks={marks} />
                </Suspense>
                {hasDebtData(o) && (
                  <Suspense fallback={<Loading />}>
                    <DebtSection pilotId={pilot.id} o={o} />
                  </Suspense>
                )}
                <Suspense fallback={<Loading />}>
                  <BudgetSummary pilotId={pilot.id} windowMonths={windowMonths} hideWhenEmpty />
                </Suspense>
              </div>
              <section className="card meaning">
                <Heading2>{t.meaningTitle}</Heading2>
                <p>{t.meaning}</p>
                {pilot.targetGroup && <p className="muted">{pilot.targetGroup}</p>}
              </section>
              <details className="definitions">
                <summary>{t.howComputed}</summary>
                <ul>
                  {t.definitions.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                  {pilot.monthlyBenefit != null && (
                    <li>
                      {t.fields.monthlyBenefit}: {formatMoney(pilot.monthlyBenefit, false, locale)};{' '}
                      {t.fields.guidanceCost}:{' '}
                      {pilot.guidanceCost != null
                        ? formatMoney(pilot.guidanceCost, false, locale)
                        : '–'}
                    </li>
                  )}
                </ul>
              </details>
              <p className="print-only small">
                {pilot.name} — {municipalityName(pilot.municipality)} — {t.observationEnd}{' '}
                {formatDate(o.observationEnd, locale)}
              </p>
            </>
          );
        }}
      </Query>
    </section>
  );
}
