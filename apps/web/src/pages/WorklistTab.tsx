import { Button, ButtonLink } from '@utrecht/component-library-react';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useQuery } from '@tanstack/react-query';
import { worklistQuery, type WorklistParams } from '../api/queries.ts';
import { ArmTag } from '../components/Num.tsx';
import { Query } from '../components/States.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { useI18n, useStrings } from '../i18n.tsx';
import { href, Link, setQuery, useLocation } from '../router.tsx';
import { Choice } from './manage/Fields.tsx';
import { worklistStrings } from './worklist/strings.ts';

const PAGE_SIZE = 25;

const pick = <T extends string>(v: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === v);

/** The worklist's filters as they live in the URL (`?tab=worklist&basis=&kind=&late=&sort=&page=`). */
function paramsFrom(q: URLSearchParams): WorklistParams & { page: string } {
  const basis = pick(q.get('basis'), ['observationEnd', 'today'] as const);
  const kind = pick(q.get('kind'), ['followup', 'baseline'] as const);
  const overdue = pick(q.get('late'), ['true', 'false'] as const);
  const sort = pick(q.get('sort'), ['due', 'ref', 'intake'] as const);
  return {
    ...(basis ? { basis } : {}),
    ...(kind ? { kind } : {}),
    ...(overdue ? { overdue } : {}),
    ...(sort ? { sort } : {}),
    page: String(Math.max(1, Number(q.get('page') ?? 1) || 1)),
  };
}

/** Opvolging: follow-up measurements and baseline gaps with their due dates, overdue first. */
export function WorklistTab({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const s = useStrings(worklistStrings);
  const loc = useLocation();
  const params = paramsFrom(loc.query);
  const q = useQuery(worklistQuery(pilotId, { ...params, pageSize: String(PAGE_SIZE) }));
  const field = (f: string) => (t.fields as Record<string, string>)[f] ?? f;
  // The download carries the same filter as the screen, without the page.
  const csv = href(`/api/pilots/${pilotId}/worklist/export`, {
    basis: params.basis,
    kind: params.kind,
    overdue: params.overdue,
    sort: params.sort,
  });
  return (
    <section aria-labelledby="wl-h" className="worklist">
      <h2 id="wl-h">{s.title}</h2>
      <p className="muted">{s.intro(q.data?.toleranceMonths ?? 2)}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={s.title}>
        <Choice
          name="wl-basis"
          label={s.basis}
          value={params.basis ?? 'observationEnd'}
          onValue={(v) =>
            setQuery({ basis: v === 'observationEnd' ? undefined : v, page: undefined })
          }
          options={(['observationEnd', 'today'] as const).map((v) => ({
            value: v,
            label: s.bases[v],
          }))}
        />
        <Choice
          name="wl-kind"
          label={s.kind}
          value={params.kind ?? ''}
          onValue={(v) => setQuery({ kind: v, page: undefined })}
          placeholder={s.kinds.all}
          options={(['followup', 'baseline'] as const).map((v) => ({
            value: v,
            label: s.kinds[v],
          }))}
        />
        <Choice
          name="wl-late"
          label={s.overdue}
          value={params.overdue ?? ''}
          onValue={(v) => setQuery({ late: v, page: undefined })}
          placeholder={s.overdueOptions.all}
          options={(['true', 'false'] as const).map((v) => ({
            value: v,
            label: s.overdueOptions[v],
          }))}
        />
        <Choice
          name="wl-sort"
          label={s.sort}
          value={params.sort ?? 'due'}
          onValue={(v) => setQuery({ sort: v === 'due' ? undefined : v, page: undefined })}
          options={(['due', 'ref', 'intake'] as const).map((v) => ({
            value: v,
            label: s.sorts[v],
          }))}
        />
      </form>
      <Query q={q}>
        {(d) => {
          const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
          const n = (v: number) => formatNumber(v, 0, locale);
          return (
            <>
              <p aria-live="polite" data-testid="worklist-summary">
                <strong>{s.asOf(formatDate(d.asOf, locale))}</strong> ·{' '}
                {s.summary(n(d.total), n(d.overdueTotal))}{' '}
                <ButtonLink href={csv} appearance="secondary-action-button" download>
                  {s.download}
                </ButtonLink>
              </p>
              {d.items.length === 0 ? (
                <p>{s.empty}</p>
              ) : (
                <ScrollTable label={s.title}>
                  <table className="data-table worklist-table">
                    <thead>
                      <tr>
                        <th scope="col">{s.ref}</th>
                        <th scope="col">{s.arm}</th>
                        <th scope="col">{s.intake}</th>
                        <th scope="col">{s.measurements}</th>
                        <th scope="col">{s.missing}</th>
                        <th scope="col">{s.due}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.items.map((i) => (
                        <tr key={i.participantId} className={i.overdue ? 'overdue' : undefined}>
                          <th scope="row">
                            <Link to={`/participants/${i.participantId}`}>{i.participantRef}</Link>
                          </th>
                          <td>
                            <ArmTag arm={i.arm} />
                          </td>
                          <td>{formatDate(i.intakeDate, locale)}</td>
                          <td>
                            {i.followUps.length === 0 ? (
                              s.none
                            ) : (
                              <ul className="plain">
                                {i.followUps.map((f) => (
                                  <li key={f.mark}>
                                    {s.mark(f.mark)}, {s.dueOn(formatDate(f.dueDate, locale))}
                                    {f.overdue && <strong className="late"> — {s.late}</strong>}
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                          <td>{i.missingFields.map(field).join(', ') || s.none}</td>
                          <td>
                            {formatDate(i.nextDueDate, locale)}
                            {i.overdue && <span className="late"> ({s.late})</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollTable>
              )}
              {pages > 1 && (
                <nav className="pager" aria-label={s.page(d.page, pages)}>
                  <Button
                    appearance="secondary-action-button"
                    disabled={d.page <= 1}
                    onClick={() => setQuery({ page: d.page - 1 }, false)}
                  >
                    {s.prev}
                  </Button>
                  <span>{s.page(d.page, pages)}</span>
                  <Button
                    appearance="secondary-action-button"
                    disabled={d.page >= pages}
                    onClick={() => setQuery({ page: d.page + 1 }, false)}
                  >
                    {s.next}
                  </Button>
                </nav>
              )}
            </>
          );
        }}
      </Query>
    </section>
  );
}
