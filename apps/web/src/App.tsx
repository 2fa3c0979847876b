import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { api } from './api/client.ts';
import { demoQuery, meQuery, type User } from './api/queries.ts';
import { Loading, NoAccessOrMissing } from './components/States.tsx';
import { useI18n, useStrings } from './i18n.tsx';
import { Link, match, navigate, useLocation } from './router.tsx';
import { Accessibility } from './pages/Accessibility.tsx';
import { accountStrings } from './pages/account/strings.ts';
import { Login } from './pages/Login.tsx';
import { Overview } from './pages/Overview.tsx';
import { PilotPage } from './pages/PilotPage.tsx';
import { ParticipantPage } from './pages/ParticipantPage.tsx';
import { Button } from '@utrecht/component-library-react';

// Researcher pages carry Recharts: loaded only when opened.
const Analysis = lazy(() => import('./pages/Analysis.tsx'));
const Subgroups = lazy(() => import('./pages/Subgroups.tsx'));
const Compare = lazy(() => import('./pages/Compare.tsx'));
const ExportPage = lazy(() => import('./pages/export/ExportPage.tsx'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));
const AccessRequestPage = lazy(() => import('./pages/privacy/AccessRequestPage.tsx'));
const RouteplannerPage = lazy(() => import('./pages/routeplanner/RouteplannerPage.tsx'));
const ModelsPage = lazy(() => import('./pages/models/ModelsPage.tsx'));
const NewPilotPage = lazy(() => import('./pages/manage/PilotForm.tsx'));

export function App() {
  const { t } = useI18n();
  const loc = useLocation();
  const me = useQuery(meQuery());
  const demo = useQuery(demoQuery());
  const mainRef = useRef<HTMLElement>(null);

  const isPublic = loc.path === '/login' || loc.path === '/toegankelijkheid';
  useEffect(() => {
    if (me.data === null && !isPublic)
      navigate(
        `/login?next=${encodeURIComponent(loc.path + (loc.query.size ? `?${loc.query}` : ''))}`,
        { replace: true },
      );
  }, [me.data, isPublic, loc.path, loc.query]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      {demo.data?.demo && (
        <div className="demo-banner" role="note">
          {t.demoBanner}
        </div>
      )}
      <Header user={me.data ?? null} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {me.isPending ? (
          <Loading />
        ) : (
          <Suspense fallback={<Loading />}>{route(loc.path, me.data ?? null)}</Suspense>
        )}
      </main>
      <footer className="site-footer">
        <div className="container">
          <span>{t.footer}</span> · <Link to="/toegankelijkheid">{t.navA11y}</Link> ·{' '}
          <a href="/api/docs">API</a>
        </div>
      </footer>
    </>
  );
}

function route(path: string, user: User | null): ReactNode {
  if (path === '/toegankelijkheid') return <Accessibility />;
  if (path === '/login' || !user) return <Login />;
  if (path === '/' || path === '') return <Overview user={user} />;
  const manages = user.role === 'admin' || user.role === 'manager';
  if (path === '/pilots/nieuw' && manages) return <NewPilotPage />;
  const pilot = match('/pilots/:id', path);
  if (pilot) return <PilotPage id={pilot.id!} user={user} />;
  const part = match('/participants/:id', path);
  if (part && user.role !== 'viewer') return <ParticipantPage id={part.id!} user={user} />;
  if (path === '/routeplanner') return <RouteplannerPage />;
  const researcher = user.role === 'researcher' || user.role === 'admin';
  if (path === '/analyse' && researcher) return <Analysis />;
  if (path === '/analyse/modellen' && (researcher || user.role === 'manager'))
    return <ModelsPage />;
  if (path === '/wat-werkt-voor-wie' && researcher) return <Subgroups />;
  if (path === '/vergelijken') return <Compare />;
  if (path === '/exporteren' && researcher) return <ExportPage />;
  if (path === '/beheer' && user.role === 'admin') return <AdminPage user={user} />;
  if (path === '/account') return <AccountPage user={user} />;
  if (path === '/inzageverzoek' && (user.role === 'admin' || user.role === 'manager'))
    return <AccessRequestPage />;
  return <NotFound />;
}

function NotFound() {
  return (
    <div className="container">
      <NoAccessOrMissing status={404} />
    </div>
  );
}

function Header({ user }: { user: User | null }) {
  const { t, locale, setLocale } = useI18n();
  const account = useStrings(accountStrings);
  const loc = useLocation();
  const qc = useQueryClient();
  const logout = async () => {
    await api.api.auth.logout.$post().catch(() => undefined);
    qc.clear();
    navigate('/login');
  };
  const researcher = user && (user.role === 'researcher' || user.role === 'admin');
  const items: [string, string][] = user
    ? [
        ['/', t.navOverview],
        ['/routeplanner', t.navRouteplanner],
        ...(researcher
          ? ([
              ['/analyse', t.navAnalysis],
              ['/wat-werkt-voor-wie', t.navSubgroups],
            ] as [string, string][])
          : []),
        ['/vergelijken', t.navCompare],
        ...(researcher ? ([['/exporteren', t.navExport]] as [string, string][]) : []),
        ...(user.role === 'admin' || user.role === 'manager'
          ? ([['/inzageverzoek', t.navAccessRequest]] as [string, string][])
          : []),
        ...(user.role === 'admin' ? ([['/beheer', t.navAdmin]] as [string, string][]) : []),
      ]
    : [];
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>
            <span className="brand-name">{t.appName}</span>
            <span className="brand-tagline">{t.tagline}</span>
          </span>
        </Link>
        <div className="header-tools">
          <Button
            type="button"
            appearance="subtle-button"
            className="lang-switch"
            lang={locale === 'nl' ? 'en' : 'nl'}
            aria-label={t.languageLabel}
            onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
          >
            {t.language}
          </Button>
          {user && (
            <>
              <span className="whoami">
                <span className="sr-only">{t.loggedInAs} </span>
                {user.name} <span className="role">({t.roles[user.role]})</span>
              </span>
              <Link
                to="/account"
                className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle account-link"
                aria-current={loc.path === '/account' ? 'page' : undefined}
              >
                {account.title}
              </Link>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => void logout()}
              >
                {t.logout}
              </Button>
            </>
          )}
        </div>
      </div>
      {items.length > 0 && (
        <nav aria-label={t.mainNav} className="main-nav">
          <ul className="container">
            {items.map(([to, label]) => {
              const current =
                to === '/'
                  ? loc.path === '/' || loc.path.startsWith('/pilots')
                  : loc.path.startsWith(to);
              return (
                <li key={to}>
                  <Link to={to} aria-current={current ? 'page' : undefined}>
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </header>
  );
}
