import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { tokensQuery, usersQuery, type TokenCreated, type User } from '../../api/queries.ts';
import { TextField } from '../../components/Field.tsx';
import { Empty, ErrorState, Query } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { tokenStatus, validateToken, type FieldErrors } from './forms.ts';
import { adminStrings } from './strings.ts';

/** Tokens: the list with revoke, and a form that shows a new token once, with a copy button. */
export function Tokens({ admin }: { admin: boolean }) {
  const { locale } = useI18n();
  const s = useStrings(adminStrings);
  const qc = useQueryClient();
  const tokens = useQuery(tokensQuery());
  const users = useQuery({ ...usersQuery(), enabled: admin });
  const email = new Map((users.data?.items ?? []).map((u: User) => [u.id, u.email]));
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.api.tokens[':id'].$delete({ param: { id } })),
    onSuccess: async () => {
      setConfirming(null);
      await qc.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const now = new Date();
  return (
    <>
      <NewToken />
      <section aria-labelledby="tok-h">
        <h2 id="tok-h">{s.tokens}</h2>
        <p className="muted">{s.tokensIntro}</p>
        {revoke.isError && <ErrorState error={revoke.error} />}
        <Query q={tokens}>
          {(d) =>
            d.items.length === 0 ? (
              <Empty>{s.noTokens}</Empty>
            ) : (
              <div className="table-scroll">
                <table className="data-table tokens-table">
                  <thead>
                    <tr>
                      <th scope="col">{s.tokenName}</th>
                      {admin && <th scope="col">{s.user}</th>}
                      <th scope="col">{s.createdAt}</th>
                      <th scope="col">{s.expiresAt}</th>
                      <th scope="col">{s.status}</th>
                      <th scope="col">{s.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((tok) => {
                      const status = tokenStatus(tok, now);
                      return (
                        <tr key={tok.id}>
                          <th scope="row">{tok.name}</th>
                          {admin && <td>{email.get(tok.userId) ?? tok.userId}</td>}
                          <td>{formatDateTime(tok.createdAt, locale)}</td>
                          <td>{tok.expiresAt ? formatDateTime(tok.expiresAt, locale) : s.never}</td>
                          <td>{s[status]}</td>
                          <td>
                            {status !== 'active' ? null : confirming === tok.id ? (
                              <span className="inline-form">
                                <span>{s.confirmRevoke}</span>
                                <button
                                  type="button"
                                  className="btn btn-danger"
                                  disabled={revoke.isPending}
                                  onClick={() => revoke.mutate(tok.id)}
                                >
                                  {s.yesRevoke}
                                </button>
                                <button
                                  type="button"
                                  className="btn btn-link"
                                  onClick={() => setConfirming(null)}
                                >
                                  {s.cancel}
                                </button>
                              </span>
                            ) : (
                              <button
                                type="button"
                                className="btn btn-link"
                                onClick={() => setConfirming(tok.id)}
                                aria-label={`${s.revoke}: ${tok.name}`}
                              >
                                {s.revoke}
                              </button>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )
          }
        </Query>
      </section>
    </>
  );
}

function NewToken() {
  const s = useStrings(adminStrings);
  const qc = useQueryClient();
  const [v, setV] = useState({ name: '', days: '' });
  const [errors, setErrors] = useState<FieldErrors<'name' | 'days'>>({});
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      unwrap<TokenCreated>(
        api.api.tokens.$post({
          json: {
            name: v.name.trim(),
            ...(v.days.trim() ? { expiresInDays: Number(v.days) } : {}),
          },
        }),
      ),
    onSuccess: async (tok) => {
      setCreated(tok);
      setCopied(false);
      setV({ name: '', days: '' });
      await qc.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validateToken(v, s);
    setErrors(errs);
    if (Object.keys(errs).length === 0) create.mutate();
    else document.getElementById(`tk-${Object.keys(errs)[0]}`)?.focus();
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
    } catch {
      // Without clipboard permission: select the text so Ctrl+C works.
      (document.getElementById('tk-secret') as HTMLInputElement | null)?.select();
    }
    setCopied(true);
  };
  return (
    <section className="card" aria-labelledby="nt-h">
      <h2 id="nt-h">{s.newToken}</h2>
      {created && (
        <div className="notice ok token-once" role="status">
          <p>
            <strong>{s.tokenOnce}</strong>
          </p>
          <div className="field">
            <label htmlFor="tk-secret">{s.tokenLabel(created.name)}</label>
            <div className="copy-row">
              <input
                id="tk-secret"
                readOnly
                value={created.token}
                className="mono"
                onFocus={(e) => e.target.select()}
              />
              <button type="button" className="btn btn-secondary" onClick={() => void copy()}>
                {s.copy}
              </button>
            </div>
            <span aria-live="polite" className="small">
              {copied ? s.copied : ''}
            </span>
          </div>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        {create.isError && <ErrorState error={create.error} />}
        <div className="grid-2">
          <TextField
            id="tk-name"
            label={s.tokenName}
            hint={s.tokenNameHint}
            value={v.name}
            error={errors.name}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
          <TextField
            id="tk-days"
            label={s.expiresInDays}
            hint={s.expiresHint}
            inputMode="numeric"
            value={v.days}
            error={errors.days}
            onChange={(e) => setV({ ...v, days: e.target.value })}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {s.createToken}
        </button>
      </form>
    </section>
  );
}
