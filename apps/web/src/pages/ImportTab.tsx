import { useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { api, ApiError, type ApiErrorDetail } from '../api/client.ts';
import { uploadWithProgress, type UploadProgress } from '../api/upload.ts';
import type { ImportResult } from '@wegwijzer/domain';
import { ErrorState } from '../components/States.tsx';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { errorListCsv, importErrorMessage } from './import/errors.ts';
import { importStrings } from './import/strings.ts';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading2,
  Heading3,
  RadioButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

type Kind = 'participants' | 'events' | 'budget';

/** Drop zone → dry run (errors as a table regel/kolom/melding) → import with inserted/updated counts. */
export function ImportTab({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('participants');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<(UploadProgress & { sentAll: boolean }) | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<ApiErrorDetail[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);

  const reset = () => {
    setChecked(null);
    setDone(null);
    setErrors(null);
    setFailure(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    reset();
    try {
      const url = api.api.pilots[':id'].imports.$url({
        param: { id: pilotId },
        query: { kind, dryRun: String(dryRun) as 'true' | 'false' },
      });
      setProgress({ sent: 0, total: file.size, sentAll: false });
      const res = await uploadWithProgress<ImportResult>(url.pathname + url.search, file, {
        contentType: 'text/csv',
        onProgress: (p) => setProgress({ ...p, sentAll: false }),
        onSent: () => setProgress((p) => p && { ...p, sent: p.total, sentAll: true }),
      });
      if (dryRun) setChecked(res);
      else {
        setDone(res);
        setFile(null);
        await qc.invalidateQueries();
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setErrors(e.detailList);
      else setFailure(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) {
      setFile(f);
      reset();
    }
  };

  const downloadErrors = () => {
    if (!errors) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(
      new Blob([errorListCsv(errors, locale)], { type: 'text/csv;charset=utf-8' }),
    );
    a.download = importStrings[locale].fileName;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const n = (v: number) => formatNumber(v, 0, locale);
  return (
    <section aria-labelledby="imp-h">
      <Heading2 id="imp-h">{t.tabs.import}</Heading2>
      <form className="card form" onSubmit={(e) => e.preventDefault()}>
        <Fieldset className="field">
          <FieldsetLegend>{t.importKind}</FieldsetLegend>
          {(['participants', 'events', 'budget'] as const).map((k) => (
            <FormLabel key={k} className="radio">
              <RadioButton
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
              />{' '}
              {t.importKinds[k]}
            </FormLabel>
          ))}
        </Fieldset>
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <FormLabel htmlFor="csv">{t.dropHere}</FormLabel>
          <input
            id="csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
          {file && (
            <p className="file-name">
              {file.name} ({n(Math.ceil(file.size / 1024))} kB)
            </p>
          )}
        </div>
        <div className="actions">
          <Button
            type="button"
            appearance="secondary-action-button"
            disabled={!file || busy}
            onClick={() => void run(true)}
          >
            {t.dryRun}
          </Button>
          <Button
            type="button"
            appearance="primary-action-button"
            disabled={!file || busy || !checked}
            onClick={() => void run(false)}
          >
            {t.doImport}
          </Button>
        </div>
        {busy && progress && (
          <div className="upload-progress" data-testid="upload-progress">
            <progress
              id="upload-bar"
              max={progress.total || 1}
              value={progress.sentAll ? undefined : progress.sent}
            />
            <FormLabel htmlFor="upload-bar" className="small">
              {progress.sentAll
                ? t.processing
                : t.uploading(
                    n(Math.ceil(progress.sent / 1024)),
                    n(Math.ceil(progress.total / 1024)),
                  )}
            </FormLabel>
          </div>
        )}
      </form>
      <div aria-live="polite">
        {checked && !done && (
          <Alert type="ok" data-testid="import-checked">
            {t.importChecked(n(checked.rows), checked.delimiter)}
          </Alert>
        )}
        {done && (
          <Alert type="ok" data-testid="import-result">
            {t.importDone(n(done.inserted), n(done.updated))}
          </Alert>
        )}
      </div>
      {failure != null && <ErrorState error={failure} />}
      {errors && (
        <div className="import-errors" role="alert">
          <Heading3>
            {t.importErrors} ({n(errors.length)})
          </Heading3>
          <Button type="button" appearance="subtle-button" onClick={downloadErrors}>
            {t.downloadErrors}
          </Button>
          <Table className="data-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.line}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.column}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.message}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {errors.map((e, i) => (
                <TableRow key={i}>
                  <TableCell>{e.line ?? '–'}</TableCell>
                  <TableCell>{e.column ?? '–'}</TableCell>
                  <TableCell>{importErrorMessage(e, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
