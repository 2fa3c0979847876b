import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { referenceLinesQuery, type ReferenceLine } from '../../api/queries.ts';
import { WindowPicker } from '../../components/WindowPicker.tsx';
import { referenceMarks } from '../../charts/reference.ts';
import { TextField } from '../../components/Field.tsx';
import { referenceRate } from '../../components/References.tsx';
import { Empty, Query } from '../../components/States.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { serverFieldErrors } from '../admin/forms.ts';
import {
  REFERENCE_FIELDS,
  REFERENCE_KINDS,
  referenceBody,
  validateReference,
  type FieldErrors,
  type ReferenceDraft,
  type ReferenceField,
} from './forms.ts';
import { budgetStrings } from './strings.ts';
import {
  Alert,
  Button,
  FormLabel,
  Heading2,
  Heading3,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ConfirmDeleteButtons, RowChangeFeedback } from '../../components/ConfirmDelete.tsx';

const EMPTY: ReferenceDraft = {
  kind: 'general_outflow',
  percent: '',
  windowMonths: '12',
  period: '',
  source: '',
};

/** Municipal reference lines (general outflow, council target) with add and delete. */
export function ReferenceLines({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const s = useStrings(budgetStrings);
  const qc = useQueryClient();
  const q = useQuery(referenceLinesQuery(pilotId));
  const [draft, setDraft] = useState<ReferenceDraft>(EMPTY);
  const [errs, setErrs] = useState<FieldErrors<ReferenceField>>({});
  const [formError, setFormError] = useState('');
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['referenceLines', pilotId] });
    // The outcome replies carry the lines too.
    await qc.invalidateQueries({ queryKey: ['outcomes', pilotId] });
  };
  const add = useMutation({
    mutationFn: () =>
      unwrap<ReferenceLine>(
        api.api.pilots[':id']['reference-lines'].$post({
          param: { id: pilotId },
          json: referenceBody(draft),
        }),
      ),
    onSuccess: async () => {
      setDraft(EMPTY);
      setErrs({});
      setNotice(s.saved);
      await refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        // The server names the rate `rate`; the form calls it percent.
        const details = e.detailList.map((d) =>
          d.path === 'rate' ? { ...d, path: 'percent' } : d,
        );
        const mapped = serverFieldErrors(details, REFERENCE_FIELDS);
        setErrs(mapped.fields);
        setFormError(mapped.rest.join(' ') || (Object.keys(mapped.fields).length ? '' : e.message));
      } else setFormError(String(e));
    },
  });
  const del = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.api['reference-lines'][':id'].$delete({ param: { id } })),
    onSuccess: async () => {
      setConfirming(null);
      setNotice(s.deleted);
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError('');
    setNotice('');
    const v = validateReference(draft, s);
    setErrs(v);
    if (!Object.keys(v).length) add.mutate();
  };
  const set = (k: ReferenceField) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const selectProps = (k: ReferenceField) => ({
    'aria-invalid': errs[k] ? true : undefined,
    'aria-describedby': errs[k] ? `rl-${k}-err` : undefined,
  });
  const fieldErr = (k: ReferenceField) =>
    errs[k] && (
      <span id={`rl-${k}-err`} className="field-error">
        {errs[k]}
      </span>
    );
  return (
    <section className="card" aria-labelledby="rl-h">
      <Heading2 id="rl-h">{s.refTitle}</Heading2>
      <p className="muted">{s.refIntro}</p>
      <Query q={q}>
        {(list) => {
          const marks = referenceMarks(list.items);
          return marks.length === 0 ? (
            <Empty>{s.refNone}</Empty>
          ) : (
            <Table className="data-table reference-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{s.refKind}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.refPercent}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.refWindow}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.refPeriod}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.refSource}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {marks.map((m) => (
                  <TableRow key={m.id}>
                    <TableHeaderCell scope="row">{s.refKinds[m.kind]}</TableHeaderCell>
                    <TableCell>{referenceRate(m, locale)}</TableCell>
                    <TableCell>{t.months(m.windowMonths)}</TableCell>
                    <TableCell>{m.period}</TableCell>
                    <TableCell>{m.source}</TableCell>
                    <TableCell>
                      {confirming === m.id ? (
                        <>
                          <ConfirmDeleteButtons
                            pending={del.isPending}
                            onDelete={() => del.mutate(m.id)}
                            onCancel={() => setConfirming(null)}
                          />
                        </>
                      ) : (
                        <Button
                          type="button"
                          appearance="subtle-button"
                          aria-label={`${t.delete}: ${s.refKinds[m.kind]} ${m.period}`}
                          onClick={() => setConfirming(m.id)}
                        >
                          {t.delete}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          );
        }}
      </Query>
      <RowChangeFeedback error={del.error} notice={notice} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="rl-form-h">
        <Heading3 id="rl-form-h">{s.refAdd}</Heading3>
        {formError && (
          <Alert type="error" role="alert">
            {formError}
          </Alert>
        )}
        <div className="form-grid">
          <div className="field">
            <FormLabel htmlFor="rl-kind">{s.refKind}</FormLabel>
            <Select id="rl-kind" value={draft.kind} onChange={set('kind')} {...selectProps('kind')}>
              {REFERENCE_KINDS.map((k) => (
                <SelectOption key={k} value={k}>
                  {s.refKinds[k]}
                </SelectOption>
              ))}
            </Select>
            {fieldErr('kind')}
          </div>
          <TextField
            id="rl-percent"
            label={s.refPercent}
            hint={s.refPercentHint}
            inputMode="decimal"
            value={draft.percent}
            onChange={set('percent')}
            error={errs.percent}
          />
          <WindowPicker
            id="rl-windowMonths"
            label={s.refWindow}
            value={Number(draft.windowMonths)}
            onChange={(k) => set('windowMonths')({ target: { value: String(k) } })}
          />
          {fieldErr('windowMonths')}
          <TextField
            id="rl-period"
            label={s.refPeriod}
            hint={s.refPeriodHint}
            value={draft.period}
            onChange={set('period')}
            error={errs.period}
          />
          <TextField
            id="rl-source"
            label={s.refSource}
            hint={s.refSourceHint}
            value={draft.source}
            onChange={set('source')}
            error={errs.source}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" appearance="primary-action-button" disabled={add.isPending}>
            {t.save}
          </Button>
        </div>
      </form>
    </section>
  );
}
