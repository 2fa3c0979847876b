import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { useId, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { privacyStrings } from './strings.ts';
import {
  Alert,
  Button,
  FormLabel,
  Heading2,
  Heading3,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';

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
      <Heading2 id="retention-h">{s.adminTitle}</Heading2>
      <p className="muted">{s.adminIntro}</p>
      {q.data.items.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <Table className="data-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{s.pilot}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.until}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.status}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.people}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.events}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="visually-hidden">{s.preview}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.items.map((r) => (
              <TableRow key={r.pilotId}>
                <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
                <TableCell>{formatDate(r.retainUntil, locale)}</TableCell>
                <TableCell>{s.statuses[r.status]}</TableCell>
                <TableCell>{formatNumber(r.participants, 0, locale)}</TableCell>
                <TableCell>{formatNumber(r.events, 0, locale)}</TableCell>
                <TableCell>
                  {r.status === 'due' && (
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      onClick={() => setOpen(r.pilotId)}
                    >
                      {s.preview}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
      <Heading3 id="preview-h">{s.previewTitle(line.name)}</Heading3>
      <Alert type="warning">
        {s.gone(formatNumber(p.participants, 0, locale), formatNumber(p.events, 0, locale))}
      </Alert>
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
      <FormLabel htmlFor={confirmId}>{s.confirmLabel(line.retainUntil)}</FormLabel>
      <Textbox
        id={confirmId}
        value={confirm}
        placeholder={line.retainUntil}
        onChange={(e) => setConfirm(e.target.value)}
        aria-describedby="preview-h"
      />
      <div className="actions">
        {(['erase', 'reduce'] as const).map((k) => (
          <Button
            key={k}
            type="button"
            appearance="primary-action-button"
            hint="danger"
            disabled={confirm !== line.retainUntil || apply.isPending}
            onClick={() => apply.mutate(k)}
          >
            {k === 'erase' ? s.eraseAll : s.reduce}
          </Button>
        ))}
      </div>
      {apply.isError && (
        <Alert role="alert" type="error">
          {apply.error instanceof ApiError ? apply.error.message : String(apply.error)}
        </Alert>
      )}
      {apply.isSuccess && (
        <Alert role="status" type="ok">
          {s.applied(apply.data.state)}
        </Alert>
      )}
    </section>
  );
}
