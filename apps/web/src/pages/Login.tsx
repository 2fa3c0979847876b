import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, unwrap } from '../api/client.ts';
import { demoQuery } from '../api/queries.ts';
import { useI18n } from '../i18n.tsx';
import { navigate, useLocation } from '../router.tsx';

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
      <h1>{t.loginTitle}</h1>
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">{t.email}</label>
          <input
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
          <label htmlFor="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.login}
        </button>
      </form>
      {demo.data?.demo && demo.data.accounts.length > 0 && (
        <section className="card demo-accounts" aria-labelledby="demo-h">
          <h2 id="demo-h">{t.demoAccounts}</h2>
          <p className="muted">{t.demoAccountsHint}</p>
          <ul>
            {demo.data.accounts.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  className="btn btn-secondary account"
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(a.password);
                  }}
                >
                  <strong>{t.roles[a.role]}</strong> <span>{a.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
