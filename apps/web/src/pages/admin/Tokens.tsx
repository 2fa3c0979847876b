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
import {
  Alert,
  Button,
  FormLabel,
  Heading2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../../components/ScrollTable.tsx';

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
        <Heading2 id="tok-h">{s.tokens}</Heading2>
        <p className="muted">{s.tokensIntro}</p>
        {revoke.isError && <ErrorState error={revoke.error} />}
        <Query q={tokens}>
          {(d) =>
            d.items.length === 0 ? (
              <Empty>{s.noTokens}</Empty>
            ) : (
              <ScrollTable labelledBy="tok-h">
                <Table className="data-table tokens-table">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{s.tokenName}</TableHeaderCell>
                      {admin && <TableHeaderCell scope="col">{s.user}</TableHeaderCell>}
                      <TableHeaderCell scope="col">{s.createdAt}</TableHeaderCell>
                      <TableHeaderCell scope="col">{s.expiresAt}</TableHeaderCell>
                      <TableHeaderCell scope="col">{s.status}</TableHeaderCell>
                      <TableHeaderCell scope="col">{s.actions}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.items.map((tok) => {
                      const status = tokenStatus(tok, now);
                      return (
                        <TableRow key={tok.id}>
                          <TableHeaderCell scope="row">{tok.name}</TableHeaderCell>
                          {admin && <TableCell>{email.get(tok.userId) ?? tok.userId}</TableCell>}
                          <TableCell>{formatDateTime(tok.createdAt, locale)}</TableCell>
                          <TableCell>
                            {tok.expiresAt ? formatDateTime(tok.expiresAt, locale) : s.never}
                          </TableCell>
                          <TableCell>{s[status]}</TableCell>
                          <TableCell>
                            {status !== 'active' ? null : confirming === tok.id ? (
                              <span className="inline-form">
                                <span>{s.confirmRevoke}</span>
                                <Button
                                  type="button"
                                  appearance="primary-action-button"
                                  hint="danger"
                                  disabled={revoke.isPending}
                                  onClick={() => revoke.mutate(tok.id)}
                                >
                                  {s.yesRevoke}
                                </Button>
                                <Button
                                  type="button"
                                  appearance="subtle-button"
                                  onClick={() => setConfirming(null)}
                                >
                                  {s.cancel}
                                </Button>
                              </span>
                            ) : (
                              <Button
                                type="button"
                                appearance="subtle-button"
                                onClick={() => setConfirming(tok.id)}
                                aria-label={`${s.revoke}: ${tok.name}`}
                              >
                                {s.revoke}
                              </Button>
                            )}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </ScrollTable>
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
      <Heading2 id="nt-h">{s.newToken}</Heading2>
      {created && (
        <Alert type="ok" className="token-once" role="status">
          <p>
            <strong>{s.tokenOnce}</strong>
          </p>
          <div className="field">
            <FormLabel htmlFor="tk-secret">{s.tokenLabel(created.name)}</FormLabel>
            <div className="copy-row">
              <Textbox
                id="tk-secret"
                readOnly
                value={created.token}
                className="mono"
                onFocus={(e) => e.target.select()}
              />
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => void copy()}
              >
                {s.copy}
              </Button>
            </div>
            <span aria-live="polite" className="small">
              {copied ? s.copied : ''}
            </span>
          </div>
        </Alert>
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
        <Button type="submit" appearance="primary-action-button" disabled={create.isPending}>
          {s.createToken}
        </Button>
      </form>
    </section>
  );
}
