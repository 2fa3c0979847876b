import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { useId, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { privacyStrings } from './strings.ts';

type DueList = InferResponseType<typeof api.api.retention.$get, 200>;
type Due = DueList['items'][number];
const dueQuery = () =>
  queryOptions({
    queryKey: ['retention'],
    queryFn: () => unwrap<DueList>(api.api.retention.$get()),
  });

/** Pilots whose retention date is near or past; after the date, preview and confirm an action. */
export function Retention() {
  const s = useStrings(privacyStrings).retention;
  const { locale } = useI18n();
  const q = useQuery(dueQuery());
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <section aria-labelledby="retention-h">
      <h2 id="retention-h">{s.adminTitle}</h2>
      <p className="muted">{s.adminIntro}</p>
      {q.data.items.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{s.pilot}</th>
              <th scope="col">{s.until}</th>
              <th scope="col">{s.status}</th>
              <th scope="col">{s.people}</th>
              <th scope="col">{s.events}</th>
              <th scope="col">
                <span className="visually-hidden">{s.preview}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={r.pilotId}>
                <th scope="row">{r.name}</th>
                <td>{formatDate(r.retainUntil, locale)}</td>
                <td>{s.statuses[r.status]}</td>
                <td>{formatNumber(r.participants, 0, locale)}</td>
                <td>{formatNumber(r.events, 0, locale)}</td>
                <td>
                  {r.status === 'due' && (
                    <button
                      type="button"
                      className="btn btn-secondary"
                      onClick={() => setOpen(r.pilotId)}
                    >
                      {s.preview}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <Preview line={q.data.items.find((r) => r.pilotId === open)!} />}
    </section>
  );
}

function Preview({ line }: { line: Due }) {
  const s = useStrings(privacyStrings).retention;
  const { locale } = useI18n();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState('');
  const confirmId = useId();
  const preview = useQuery({
    queryKey: ['retention', line.pilotId],
    queryFn: () =>
      unwrap<{
        participants: number;
        events: number;
        remains: { erase: string[]; reduce: string[] };
      }>(api.api.pilots[':id'].retention.$get({ param: { id: line.pilotId } })),
  });
  const apply = useMutation({
    mutationFn: (action: 'erase' | 'reduce') =>
      unwrap<{ state: string }>(
        api.api.pilots[':id'].retention.$post({
          param: { id: line.pilotId },
          json: { action, confirm },
        }),
      ),
    onSuccess: () => qc.invalidateQueries(),
  });
  if (preview.isPending) return <Loading />;
  if (preview.isError) return <ErrorState error={preview.error} />;
  const p = preview.data;
  return (
    <section className="card" aria-labelledby="preview-h" aria-live="polite">
      <h3 id="preview-h">{s.previewTitle(line.name)}</h3>
      <p className="notice warn">
        {s.gone(formatNumber(p.participants, 0, locale), formatNumber(p.events, 0, locale))}
      </p>
      <div className="grid-2">
        {(['erase', 'reduce'] as const).map((k) => (
          <div key={k}>
            <p>{k === 'erase' ? s.remainsErase : s.remainsReduce}</p>
            <ul>
              {p.remains[k].map((r) => (
                <li key={r}>{s.remains[r] ?? r}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <label htmlFor={confirmId}>{s.confirmLabel(line.retainUntil)}</label>
      <input
        id={confirmId}
        value={confirm}
        placeholder={line.retainUntil}
        onChange={(e) => setConfirm(e.target.value)}
        aria-describedby="preview-h"
      />
      <div className="actions">
        {(['erase', 'reduce'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="btn btn-danger"
            disabled={confirm !== line.retainUntil || apply.isPending}
            onClick={() => apply.mutate(k)}
          >
            {k === 'erase' ? s.eraseAll : s.reduce}
          </button>
        ))}
      </div>
      {apply.isError && (
        <p role="alert" className="form-error">
          {apply.error instanceof ApiError ? apply.error.message : String(apply.error)}
        </p>
      )}
      {apply.isSuccess && (
        <p role="status" className="notice ok">
          {s.applied(apply.data.state)}
        </p>
      )}
    </section>
  );
}
