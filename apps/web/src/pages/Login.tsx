import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, unwrap } from '../api/client.ts';
import { demoQuery } from '../api/queries.ts';
import { useI18n } from '../i18n.tsx';
import { navigate, useLocation } from '../router.tsx';
import {
  Alert,
  Button,
  FormLabel,
  Heading1,
  Heading2,
  Textbox,
} from '@utrecht/component-library-react';

export function Login() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const loc = useLocation();
  const demo = useQuery(demoQuery());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.api.auth.login.$post({ json: { email, password } }));
      await qc.resetQueries();
      const next = loc.query.get('next');
      navigate(
        next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
          ? next
          : '/',
      );
    } catch (e) {
      // After 10 failures the API refuses for a while (429): say so, with its own message.
      if (e instanceof ApiError && e.status === 429)
        setError(
          <>
            {t.loginThrottled} <span lang="en">({e.message})</span>
          </>,
        );
      else setError(t.loginFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="container narrow">
      <Heading1>{t.loginTitle}</Heading1>
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <Alert type="error" role="alert">
            {error}
          </Alert>
        )}
        <div className="field">
          <FormLabel htmlFor="email">{t.email}</FormLabel>
          <Textbox
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <FormLabel htmlFor="password">{t.password}</FormLabel>
          <Textbox
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t.login}
        </Button>
      </form>
      {demo.data?.demo && demo.data.accounts.length > 0 && (
        <section className="card demo-accounts" aria-labelledby="demo-h">
          <Heading2 id="demo-h">{t.demoAccounts}</Heading2>
          <p className="muted">{t.demoAccountsHint}</p>
          <ul>
            {demo.data.accounts.map((a) => (
              <li key={a.email}>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  className="account"
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(a.password);
                  }}
                >
                  <strong>{t.roles[a.role]}</strong> <span>{a.email}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
