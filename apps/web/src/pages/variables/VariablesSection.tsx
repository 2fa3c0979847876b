import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PilotVariableJson } from '@wegwijzer/domain';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { DeclarationForm } from './DeclarationForm.tsx';
import { declareStrings } from './declare-strings.ts';
import { variablesQuery } from './queries.ts';

const named = (x: { label: string; labelEn: string | null }, locale: string) =>
  (locale === 'en' ? x.labelEn : null) ?? x.label;

/**
 * The pilot's data dictionary on its Instellingen tab (managers and admins): the declared
 * variables, a form to add one, and per variable a change and a delete, which the API refuses
 * where stored values would lose their meaning.
 */
export function VariablesSection({ pilotId }: { pilotId: string }) {
  const s = useStrings(declareStrings);
  const { locale } = useI18n();
  const qc = useQueryClient();
  const list = useQuery(variablesQuery(pilotId));
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const vars = list.data?.items ?? [];

  const remove = useMutation({
    mutationFn: (code: string) =>
      unwrap<null>(
        api.api.pilots[':id'].variables[':code'].$delete({ param: { id: pilotId, code } }),
      ),
    onMutate: () => {
      setNotice(null);
      setRefusal(null);
    },
    onSuccess: async (_, code) => {
      setNotice(s.removed(code));
      await qc.invalidateQueries({ queryKey: ['variables', pilotId] });
    },
    onError: (e, code) => {
      const values = e instanceof ApiError ? (e.details as { values?: unknown })?.values : null;
      setRefusal(typeof values === 'number' ? s.removeInUse(code, values) : String(e.message));
    },
  });

  const kind = (v: PilotVariableJson) => {
    if (v.type === 'boolean') return `${s.types.boolean} (${s.yesNo})`;
    if (v.type === 'integer')
      return `${s.types.integer}, ${s.range(formatNumber(v.min ?? 0, 0, locale), formatNumber(v.max ?? 0, 0, locale))}`;
    return `${s.types.category}: ${v.levels.map((l) => named(l, locale)).join(', ')}`;
  };
  const done = (code: string) => {
    setEditing(null);
    setAdding(false);
    setRefusal(null);
    setNotice(s.saved(code));
  };
  const taken = (except?: string) => vars.map((v) => v.code).filter((c) => c !== except);

  return (
    <section className="card variables-section" aria-labelledby="vars-h">
      <Heading2 id="vars-h">{s.title}</Heading2>
      <Paragraph className="muted">{s.intro}</Paragraph>
      <div aria-live="polite">
        {notice && <Paragraph className="notice ok">{notice}</Paragraph>}
      </div>
      {refusal && (
        <Alert type="error" role="alert">
          <Paragraph>{refusal}</Paragraph>
        </Alert>
      )}
      {vars.length === 0 ? (
        <Paragraph>{s.none}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-label={s.title} tabIndex={0}>
          <table className="data-table variables-table">
            <thead>
              <tr>
                <th scope="col">{s.code}</th>
                <th scope="col">{s.label}</th>
                <th scope="col">{s.type}</th>
                <th scope="col">{s.values}</th>
                <th scope="col">{s.actions}</th>
              </tr>
            </thead>
            <tbody>
              {vars.map((v) => (
                <tr key={v.code}>
                  <td>
                    <code>{v.code}</code>
                  </td>
                  <td>
                    {named(v, locale)}
                    {v.description && <div className="muted">{v.description}</div>}
                  </td>
                  <td>{kind(v)}</td>
                  <td className="num">{v.values === null ? '' : s.participants(v.values)}</td>
                  <td>
                    <div className="form-actions">
                      <Button
                        type="button"
                        appearance="secondary-action-button"
                        aria-expanded={editing === v.code}
                        onClick={() => {
                          setEditing(editing === v.code ? null : v.code);
                          setNotice(null);
                        }}
                      >
                        {s.edit(named(v, locale))}
                      </Button>
                      <Button
                        type="button"
                        appearance="subtle-button"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(v.code)}
                      >
                        {s.remove(named(v, locale))}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && vars.some((v) => v.code === editing) && (
        <section aria-label={s.editTitle(editing)} className="declaration-edit">
          <h3>{s.editTitle(editing)}</h3>
          <DeclarationForm
            key={editing}
            pilotId={pilotId}
            variable={vars.find((v) => v.code === editing)!}
            taken={taken(editing)}
            onDone={done}
          />
        </section>
      )}
      {adding ? (
        <section aria-label={s.add}>
          <h3>{s.add}</h3>
          <DeclarationForm pilotId={pilotId} taken={taken()} onDone={done} />
          <Button type="button" appearance="subtle-button" onClick={() => setAdding(false)}>
            {s.cancel}
          </Button>
        </section>
      ) : (
        <Button
          type="button"
          appearance="primary-action-button"
          onClick={() => {
            setAdding(true);
            setNotice(null);
          }}
        >
          {s.add}
        </Button>
      )}
    </section>
  );
}
