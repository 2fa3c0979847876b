import { useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { api, ApiError, type ApiErrorDetail } from '../api/client.ts';
import { uploadWithProgress, type UploadProgress } from '../api/upload.ts';
import type { ImportResult } from '@wegwijzer/domain';
import { ErrorState } from '../components/States.tsx';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';

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
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      `${t.line};${t.column};${t.message}`,
      ...errors.map((e) => `${e.line ?? ''};${q(e.column ?? '')};${q(e.message)}`),
    ].join('\r\n');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    a.download = 'importfouten.csv';
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const n = (v: number) => formatNumber(v, 0, locale);
  return (
    <section aria-labelledby="imp-h">
      <h2 id="imp-h">{t.tabs.import}</h2>
      <form className="card form" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="field">
          <legend>{t.importKind}</legend>
          {(['participants', 'events', 'budget'] as const).map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
              />{' '}
              {t.importKinds[k]}
            </label>
          ))}
        </fieldset>
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor="csv">{t.dropHere}</label>
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
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!file || busy}
            onClick={() => void run(true)}
          >
            {t.dryRun}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!file || busy || !checked}
            onClick={() => void run(false)}
          >
            {t.doImport}
          </button>
        </div>
        {busy && progress && (
          <div className="upload-progress" data-testid="upload-progress">
            <progress
              id="upload-bar"
              max={progress.total || 1}
              value={progress.sentAll ? undefined : progress.sent}
            />
            <label htmlFor="upload-bar" className="small">
              {progress.sentAll
                ? t.processing
                : t.uploading(
                    n(Math.ceil(progress.sent / 1024)),
                    n(Math.ceil(progress.total / 1024)),
                  )}
            </label>
          </div>
        )}
      </form>
      <div aria-live="polite">
        {checked && !done && (
          <p className="notice ok" data-testid="import-checked">
            {t.importChecked(n(checked.rows), checked.delimiter)}
          </p>
        )}
        {done && (
          <p className="notice ok" data-testid="import-result">
            {t.importDone(n(done.inserted), n(done.updated))}
          </p>
        )}
      </div>
      {failure != null && <ErrorState error={failure} />}
      {errors && (
        <div className="import-errors" role="alert">
          <h3>
            {t.importErrors} ({n(errors.length)})
          </h3>
          <button type="button" className="btn btn-link" onClick={downloadErrors}>
            {t.downloadErrors}
          </button>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.line}</th>
                <th scope="col">{t.column}</th>
                <th scope="col">{t.message}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.line ?? '–'}</td>
                  <td>{e.column ?? '–'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
