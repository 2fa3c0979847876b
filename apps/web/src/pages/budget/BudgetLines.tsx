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
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { ConfirmDeleteButtons, RowChangeFeedback } from '../../components/ConfirmDelete.tsx';

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
      <Heading2 id="bl-lines-h">{s.linesTitle}</Heading2>
      <Query q={q}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty>{s.noLines}</Empty>
          ) : (
            <ScrollTable labelledBy="bl-lines-h">
              <Table className="data-table budget-lines-table">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{s.domain}</TableHeaderCell>
                    <TableHeaderCell scope="col">{s.funder}</TableHeaderCell>
                    <TableHeaderCell scope="col">{s.period}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="num">
                      {s.amount}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">{s.description}</TableHeaderCell>
                    <TableHeaderCell scope="col">{s.actions}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.items.map((l) => (
                    <TableRow key={l.id} data-line-id={l.id}>
                      <TableCell>{s.domains[l.domain]}</TableCell>
                      <TableHeaderCell scope="row">{l.fundingSource}</TableHeaderCell>
                      <TableCell>
                        {formatDate(l.periodStart, locale)} – {formatDate(l.periodEnd, locale)}
                      </TableCell>
                      <TableCell className="num">{money(l.amount)}</TableCell>
                      <TableCell>{l.description ?? ''}</TableCell>
                      <TableCell className="row-actions">
                        {confirming === l.id ? (
                          <span role="group" aria-label={s.confirmDelete(l.fundingSource)}>
                            <span className="small">{s.confirmDelete(l.fundingSource)}</span>{' '}
                            <ConfirmDeleteButtons
                              pending={del.isPending}
                              onDelete={() => del.mutate(l.id)}
                              onCancel={() => setConfirming(null)}
                            />
                          </span>
                        ) : (
                          <>
                            <Button
                              type="button"
                              appearance="subtle-button"
                              aria-label={`${s.edit}: ${l.fundingSource} ${money(l.amount)}`}
                              onClick={() => {
                                setEditing(l);
                                setNotice('');
                              }}
                            >
                              {s.edit}
                            </Button>
                            <Button
                              type="button"
                              appearance="subtle-button"
                              aria-label={`${t.delete}: ${l.fundingSource} ${money(l.amount)}`}
                              onClick={() => {
                                setConfirming(l.id);
                                setNotice('');
                              }}
                            >
                              {t.delete}
                            </Button>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                <TableFooter>
                  <TableRow>
                    <TableHeaderCell scope="row" colSpan={3}>
                      {s.total}
                    </TableHeaderCell>
                    <TableCell className="num">{money(list.total)}</TableCell>
                    <TableCell colSpan={2} />
                  </TableRow>
                </TableFooter>
              </Table>
            </ScrollTable>
          )
        }
      </Query>
      <RowChangeFeedback error={del.error} notice={notice} />
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
      <Heading3 id="bl-form-h">{title}</Heading3>
      {formError && (
        <Alert type="error" role="alert">
          {formError}
        </Alert>
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
          <FormLabel htmlFor="bl-domain">{s.domain}</FormLabel>
          <Select
            id="bl-domain"
            value={draft.domain}
            onChange={set('domain')}
            aria-invalid={errs.domain ? true : undefined}
            aria-describedby={errs.domain ? 'bl-domain-err' : undefined}
          >
            <SelectOption value="">{s.chooseDomain}</SelectOption>
            {DOMAIN_KEYS.map((d) => (
              <SelectOption key={d} value={d}>
                {s.domains[d]}
              </SelectOption>
            ))}
          </Select>
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
            <SelectOption key={x} value={x} />
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
        <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
          {t.save}
        </Button>
        {line && (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
