import { useQuery } from '@tanstack/react-query';
import { comparisonQuery, pilotsQuery, type User } from '../api/queries.ts';
import { RoundedNote } from '../components/Num.tsx';
import { ArmBars, HeadlineText, NetSavings } from '../components/Outcome.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { Link } from '../router.tsx';
import { MyPilots } from './MyPilots.tsx';
import { NewPilotLink } from './manage/NewPilotLink.tsx';
import { Heading1, Heading2 } from '@utrecht/component-library-react';

/** One card per pilot, sorted by start date: headline at 12 months, intervention vs control, net savings. */
export function Overview({ user }: { user: User }) {
  const { t, locale } = useI18n();
  const pilots = useQuery(pilotsQuery());
  const outcomes = useQuery(comparisonQuery(12));
  if (pilots.isPending || outcomes.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (pilots.isError)
    return (
      <div className="container">
        <ErrorState error={pilots.error} onRetry={() => void pilots.refetch()} />
      </div>
    );
  if (outcomes.isError)
    return (
      <div className="container">
        <ErrorState error={outcomes.error} onRetry={() => void outcomes.refetch()} />
      </div>
    );
  const byId = new Map(outcomes.data.pilots.map((p) => [p.pilotId, p]));
  const list = [...pilots.data.items].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return (
    <div className="container">
      <Heading1>{t.overviewTitle}</Heading1>
      <p className="lead">{t.overviewIntro}</p>
      <p className="muted">
        {t.loggedInAs} {t.roles[user.role]}.
      </p>
      {(user.role === 'manager' || user.role === 'admin') && <NewPilotLink />}
      {user.role === 'manager' && <MyPilots />}
      {list.length === 0 ? (
        <Empty />
      ) : (
        <ul className="card-grid" aria-label={t.overviewTitle}>
          {list.map((p) => {
            const o = byId.get(p.id);
            return (
              <li key={p.id} className="card pilot-card">
                <Heading2>
                  <Link to={`/pilots/${p.id}`}>{p.name}</Link>
                </Heading2>
                <p className="muted">
                  {municipalityName(p.municipality)} · {p.participants ?? t.suppressed}{' '}
                  {t.participants.toLowerCase()} · {t.observationEnd}{' '}
                  {formatDate(p.dataCompleteThrough, locale)}
                  {p.synthetic && <span className="badge">{t.synthetic}</span>}
                </p>
                {o ? (
                  <>
                    <HeadlineText o={o} />
                    {o.arms.control ? (
                      <ArmBars o={o} compact />
                    ) : (
                      <p className="muted small">{t.noControl}</p>
                    )}
                    <NetSavings o={o} />
                  </>
                ) : (
                  <Empty />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <RoundedNote rounded={outcomes.data.rounded} />
    </div>
  );
}
