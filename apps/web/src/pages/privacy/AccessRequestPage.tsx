import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AccessReport } from '@wegwijzer/domain';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { pilotsQuery } from '../../api/queries.ts';
import { useStrings } from '../../i18n.tsx';
import { AccessDocument, accessDocumentHtml } from './AccessDocument.tsx';
import { privacyStrings } from './strings.ts';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading1,
  RadioButton,
  Textbox,
} from '@utrecht/component-library-react';

/** Inzageverzoek: find a person by reference or BSN and print or download what is held. */
export default function AccessRequestPage() {
  const s = useStrings(privacyStrings).access;
  const [by, setBy] = useState<'ref' | 'bsn'>('ref');
  const [value, setValue] = useState('');
  const doc = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const search = useMutation({
    mutationFn: () =>
      unwrap<AccessReport>(
        api.api['access-requests'].$post({
          json: by === 'ref' ? { ref: value.trim() } : { bsn: value.trim() },
        }),
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) search.mutate();
  };
  const download = () => {
    const html = accessDocumentHtml(doc.current?.innerHTML ?? '');
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `inzageverzoek-${new Date().toISOString().slice(0, 10)}.html`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const report = search.data;
  const pilots = useQuery(pilotsQuery()).data?.items;
  const pilotArms = Object.fromEntries((pilots ?? []).map((p) => [p.id, p.arms ?? []]));
  return (
    <div className="container">
      <Heading1>{s.title}</Heading1>
      <p className="muted no-print">{s.intro}</p>
      <form className="card no-print" onSubmit={submit}>
        <Fieldset>
          <FieldsetLegend>{s.by}</FieldsetLegend>
          {(['ref', 'bsn'] as const).map((k) => (
            <FormLabel key={k} className="inline">
              <RadioButton
                name="by"
                checked={by === k}
                onChange={() => {
                  setBy(k);
                  setValue('');
                }}
              />{' '}
              {k === 'ref' ? s.byRef : s.byBsn}
            </FormLabel>
          ))}
        </Fieldset>
        <FormLabel htmlFor={inputId}>{by === 'ref' ? s.refValue : s.bsnValue}</FormLabel>
        <Textbox
          id={inputId}
          // A BSN is not remembered by the browser.
          autoComplete="off"
          inputMode={by === 'bsn' ? 'numeric' : undefined}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
        />
        <div className="actions">
          <Button type="submit" appearance="secondary-action-button" disabled={search.isPending}>
            {s.search}
          </Button>
        </div>
        {search.isError && (
          <Alert role="alert" type="error">
            {search.error instanceof ApiError ? search.error.message : String(search.error)}
          </Alert>
        )}
      </form>
      {report && report.records.length === 0 && <p role="status">{s.none}</p>}
      {report && report.records.length > 0 && (
        <>
          <div className="actions no-print">
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => window.print()}
            >
              {s.print}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={download}>
              {s.download}
            </Button>
          </div>
          <div ref={doc} className="card">
            <AccessDocument report={report} pilotArms={pilotArms} />
          </div>
        </>
      )}
    </div>
  );
}
