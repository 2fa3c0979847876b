import { useQuery } from '@tanstack/react-query';
import { participantsQuery } from '../api/queries.ts';
import { ArmTag } from '../components/Num.tsx';
import { Empty, Query } from '../components/States.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link, setQuery, useLocation } from '../router.tsx';
import { AddParticipant } from './manage/AddParticipant.tsx';

const PAGE_SIZE = 25;

/** Searchable, filterable, paged participant table; search, arm and page live in the URL. */
export function ParticipantsTab({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const loc = useLocation();
  const ref = loc.query.get('ref') ?? '';
  const armQ = loc.query.get('arm');
  const arm = armQ === 'intervention' || armQ === 'control' ? armQ : undefined;
  const page = Math.max(1, Number(loc.query.get('page') ?? 1) || 1);
  const q = useQuery(
    participantsQuery(pilotId, { ref: ref || undefined, arm, page, pageSize: PAGE_SIZE }),
  );
  return (
    <section aria-labelledby="pt-h">
      <h2 id="pt-h">{t.tabs.participants}</h2>
      <AddParticipant pilotId={pilotId} />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="ref">{t.search}</label>
          <input
            id="ref"
            type="search"
            defaultValue={ref}
            onChange={(e) => setQuery({ ref: e.target.value, page: undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor="arm">{t.armFilter}</label>
          <select
            id="arm"
            value={arm ?? ''}
            onChange={(e) => setQuery({ arm: e.target.value, page: undefined })}
          >
            <option value="">{t.all}</option>
            <option value="intervention">{t.arms.intervention}</option>
            <option value="control">{t.arms.control}</option>
          </select>
        </div>
      </form>
      <Query q={q}>
        {(d) => {
          const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
          return d.items.length === 0 ? (
            <Empty />
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t.total(formatNumber(d.total, 0, locale))}
              </p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.ref}</th>
                    <th scope="col">{t.armFilter}</th>
                    <th scope="col">{t.intake}</th>
                    <th scope="col">{t.fields.household}</th>
                    <th scope="col">{t.fields.ladderStep}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/participants/${p.id}`}>{p.participantRef}</Link>
                      </th>
                      <td>
                        <ArmTag arm={p.arm} />
                      </td>
                      <td>{formatDate(p.intakeDate, locale)}</td>
                      <td>{p.household ?? '–'}</td>
                      <td>{p.ladderStep ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <nav className="pager" aria-label={t.page(d.page, pages)}>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={d.page <= 1}
                  onClick={() => setQuery({ page: d.page - 1 }, false)}
                >
                  {t.prev}
                </button>
                <span>{t.page(d.page, pages)}</span>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={d.page >= pages}
                  onClick={() => setQuery({ page: d.page + 1 }, false)}
                >
                  {t.next}
                </button>
              </nav>
            </>
          );
        }}
      </Query>
    </section>
  );
}
