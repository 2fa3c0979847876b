import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { budgetLinesQuery, type BudgetLine } from '../../api/queries.ts';
import { DOMAIN_KEYS } from '../../charts/budget.ts';
import { TextField } from '../../components/Field.tsx';
import { Empty, Query } from '../../components/States.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { serverFieldErrors } from '../admin/forms.ts';
import {
  BUDGET_FIELDS,
  budgetLineBody,
  draftFromLine,
  emptyBudgetDraft,
  validateBudgetLine,
  type BudgetField,
  type BudgetLineDraft,
  type FieldErrors,
} from './forms.ts';
import { budgetStrings } from './strings.ts';

/** The pilot's budget lines with add, change and delete (managers of the pilot and admins). */
export function BudgetLines({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const s = useStrings(budgetStrings);
  const qc = useQueryClient();
  const q = useQuery(budgetLinesQuery(pilotId));
  const [editing, setEditing] = useState<BudgetLine | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['budgetLines', pilotId] });
    await qc.invalidateQueries({ queryKey: ['budget', pilotId] });
  };
  const del = useMutation({
    mutationFn: (id: string) => unwrap(api.api['budget-lines'][':id'].$delete({ param: { id } })),
    onSuccess: async () => {
      setConfirming(null);
      setNotice(s.deleted);
      await refresh();
    },
  });
  const money = (v: number) => formatMoney(v, true, locale);
  return (
    <section className="card" aria-labelledby="bl-lines-h">
      <h2 id="bl-lines-h">{s.linesTitle}</h2>
      <Query q={q}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty>{s.noLines}</Empty>
          ) : (
            <div className="table-scroll">
              <table className="data-table budget-lines-table">
                <thead>
                  <tr>
                    <th scope="col">{s.domain}</th>
                    <th scope="col">{s.funder}</th>
                    <th scope="col">{s.period}</th>
                    <th scope="col" className="num">
                      {s.amount}
                    </th>
                    <th scope="col">{s.description}</th>
                    <th scope="col">{s.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((l) => (
                    <tr key={l.id} data-line-id={l.id}>
                      <td>{s.domains[l.domain]}</td>
                      <th scope="row">{l.fundingSource}</th>
                      <td>
                        {formatDate(l.periodStart, locale)} – {formatDate(l.periodEnd, locale)}
                      </td>
                      <td className="num">{money(l.amount)}</td>
                      <td>{l.description ?? ''}</td>
                      <td className="row-actions">
                        {confirming === l.id ? (
                          <span role="group" aria-label={s.confirmDelete(l.fundingSource)}>
                            <span className="small">{s.confirmDelete(l.fundingSource)}</span>{' '}
                            <button
                              type="button"
                              className="btn btn-danger"
                              disabled={del.isPending}
                              onClick={() => del.mutate(l.id)}
                            >
                              {t.delete}
                            </button>
                            <button
                              type="button"
                              className="btn btn-link"
                              onClick={() => setConfirming(null)}
                            >
                              {t.cancel}
                            </button>
                          </span>
                        ) : (
                          <>
                            <button
                              type="button"
                              className="btn btn-link"
                              aria-label={`${s.edit}: ${l.fundingSource} ${money(l.amount)}`}
                              onClick={() => {
                                setEditing(l);
                                setNotice('');
                              }}
                            >
                              {s.edit}
                            </button>
                            <button
                              type="button"
                              className="btn btn-link"
                              aria-label={`${t.delete}: ${l.fundingSource} ${money(l.amount)}`}
                              onClick={() => {
                                setConfirming(l.id);
                                setNotice('');
                              }}
                            >
                              {t.delete}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      {s.total}
                    </th>
                    <td className="num">{money(list.total)}</td>
                    <td colSpan={2} />
                  </tr>
                </tfoot>
              </table>
            </div>
          )
        }
      </Query>
      {del.isError && (
        <p className="form-error" role="alert">
          {del.error.message}
        </p>
      )}
      <p aria-live="polite">{notice && <span className="notice ok">{notice}</span>}</p>
      <BudgetLineForm
        key={editing?.id ?? 'new'}
        pilotId={pilotId}
        line={editing}
        sources={[...new Set(q.data?.items.map((l) => l.fundingSource) ?? [])]}
        onDone={async (msg) => {
          setEditing(null);
          setNotice(msg);
          await refresh();
        }}
        onCancel={() => setEditing(null)}
      />
    </section>
  );
}

function BudgetLineForm({
  pilotId,
  line,
  sources,
  onDone,
  onCancel,
}: {
  pilotId: string;
  line: BudgetLine | null;
  sources: string[];
  onDone(msg: string): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const s = useStrings(budgetStrings);
  const [draft, setDraft] = useState<BudgetLineDraft>(() =>
    line ? draftFromLine(line) : emptyBudgetDraft(),
  );
  const [errs, setErrs] = useState<FieldErrors<BudgetField>>({});
  const [formError, setFormError] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const json = budgetLineBody(draft);
      return line
        ? unwrap<BudgetLine>(
            api.api['budget-lines'][':id'].$patch({ param: { id: line.id }, json }),
          )
        : unwrap<BudgetLine>(
            api.api.pilots[':id']['budget-lines'].$post({ param: { id: pilotId }, json }),
          );
    },
    onSuccess: async () => {
      setDraft(emptyBudgetDraft());
      setErrs({});
      await onDone(s.saved);
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const mapped = serverFieldErrors(e.details, BUDGET_FIELDS);
        setErrs(mapped.fields);
        setFormError(mapped.rest.join(' ') || (Object.keys(mapped.fields).length ? '' : e.message));
      } else setFormError(String(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError('');
    const v = validateBudgetLine(draft, s);
    setErrs(v);
    if (!Object.keys(v).length) save.mutate();
  };
  const set = (k: BudgetField) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const title = line ? s.editLine : s.addLine;
  return (
    <form className="form budget-form" onSubmit={submit} noValidate aria-labelledby="bl-form-h">
      <h3 id="bl-form-h">{title}</h3>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-grid">
        <TextField
          id="bl-amount"
          label={s.amountLabel}
          hint={s.amountHint}
          inputMode="decimal"
          value={draft.amount}
          onChange={set('amount')}
          error={errs.amount}
        />
        <div className="field">
          <label htmlFor="bl-domain">{s.domain}</label>
          <select
            id="bl-domain"
            value={draft.domain}
            onChange={set('domain')}
            aria-invalid={errs.domain ? true : undefined}
            aria-describedby={errs.domain ? 'bl-domain-err' : undefined}
          >
            <option value="">{s.chooseDomain}</option>
            {DOMAIN_KEYS.map((d) => (
              <option key={d} value={d}>
                {s.domains[d]}
              </option>
            ))}
          </select>
          {errs.domain && (
            <span id="bl-domain-err" className="field-error">
              {errs.domain}
            </span>
          )}
        </div>
        <TextField
          id="bl-start"
          label={s.periodStart}
          type="date"
          value={draft.periodStart}
          onChange={set('periodStart')}
          error={errs.periodStart}
        />
        <TextField
          id="bl-end"
          label={s.periodEnd}
          type="date"
          value={draft.periodEnd}
          onChange={set('periodEnd')}
          error={errs.periodEnd}
        />
        <TextField
          id="bl-source"
          label={s.fundingSource}
          hint={s.fundingHint}
          list="bl-sources"
          value={draft.fundingSource}
          onChange={set('fundingSource')}
          error={errs.fundingSource}
        />
        <datalist id="bl-sources">
          {sources.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
        <TextField
          id="bl-description"
          label={s.descriptionLabel}
          value={draft.description}
          onChange={set('description')}
          error={errs.description}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t.save}
        </button>
        {line && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
