import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import type { User } from '../../api/queries.ts';
import { TextField } from '../../components/Field.tsx';
import { useStrings } from '../../i18n.tsx';
import { accountStrings } from './strings.ts';
import { Alert, Button, Heading1, Heading2 } from '@utrecht/component-library-react';

type Field = 'current' | 'next' | 'repeat';

/** Mijn account: every user changes their own password here (the current one is needed). */
export default function AccountPage({ user }: { user: User }) {
  const s = useStrings(accountStrings);
  const [v, setV] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      unwrap<null>(
        api.api.auth.password.$post({
          json: { currentPassword: v.current, newPassword: v.next },
        }),
      ),
    onSuccess: () => {
      setV({ current: '', next: '', repeat: '' });
      setDone(true);
    },
    onError: (err) => {
      // The server names the field it refuses; the message shown is ours, in the user's language.
      const msg = err instanceof ApiError ? err.message : '';
      if (err instanceof ApiError && err.status === 429) show({ current: s.errThrottled });
      else if (msg.startsWith('currentPassword')) show({ current: s.errCurrent });
      else if (msg.startsWith('newPassword')) show({ next: s.errWeak });
      else show({ current: msg || String(err) });
    },
  });

  function show(e: Partial<Record<Field, string>>) {
    setErrors(e);
    const first = (['current', 'next', 'repeat'] as const).find((f) => e[f]);
    if (first) document.getElementById(`acc-${first}`)?.focus();
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const found: Partial<Record<Field, string>> = {};
    if (!v.current) found.current = s.errRequired;
    if (v.next.length < 12) found.next = v.next ? s.errShort : s.errRequired;
    else if (v.repeat !== v.next) found.repeat = s.errRepeat;
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    change.mutate();
  };

  const field = (f: Field, label: string, autoComplete: string, hint?: string) => (
    <TextField
      id={`acc-${f}`}
      type="password"
      label={label}
      hint={hint}
      autoComplete={autoComplete}
      value={v[f]}
      error={errors[f]}
      onChange={(e) => setV({ ...v, [f]: e.target.value })}
    />
  );

  return (
    <div className="container account-page">
      <Heading1>{s.title}</Heading1>
      <p className="muted">{s.intro(user.email)}</p>
      <section className="card" aria-labelledby="acc-h">
        <Heading2 id="acc-h">{s.changePassword}</Heading2>
        {done && (
          <Alert type="ok" role="status" data-testid="password-changed">
            {s.saved}
          </Alert>
        )}
        <form className="form" onSubmit={submit} noValidate>
          {field('current', s.current, 'current-password')}
          {field('next', s.next, 'new-password', s.nextHint)}
          {field('repeat', s.repeat, 'new-password')}
          <div className="actions">
            <Button type="submit" appearance="primary-action-button" disabled={change.isPending}>
              {s.save}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
