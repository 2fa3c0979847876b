import type { User } from '../../api/queries.ts';
import { useStrings } from '../../i18n.tsx';
import { href, Link, useLocation } from '../../router.tsx';
import { Register } from '../privacy/Register.tsx';
import { Retention } from '../privacy/Retention.tsx';
import { Audit } from './Audit.tsx';
import { DemoRemoval } from './DemoRemoval.tsx';
import { adminStrings } from './strings.ts';
import { Tokens } from './Tokens.tsx';
import { Users } from './Users.tsx';
import { Heading1 } from '@utrecht/component-library-react';

const TABS = ['users', 'tokens', 'audit', 'register', 'retention'] as const;
type Tab = (typeof TABS)[number];

/** Beheer: users and their roles and pilots; tokens; the audit log; the processing register; retention. */
export default function AdminPage({ user }: { user: User }) {
  const s = useStrings(adminStrings);
  const loc = useLocation();
  const asked = loc.query.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'users';
  return (
    <div className="container admin-page">
      <Heading1>{s.title}</Heading1>
      <nav className="tabs" aria-label={s.title}>
        {TABS.map((k) => (
          <Link
            key={k}
            to={href('/beheer', { tab: k === 'users' ? undefined : k })}
            aria-current={k === tab ? 'page' : undefined}
            className="tab"
          >
            {s.tabs[k]}
          </Link>
        ))}
      </nav>
      {user.role === 'admin' && <DemoRemoval email={user.email} />}
      {tab === 'users' && <Users />}
      {tab === 'tokens' && <Tokens admin={user.role === 'admin'} />}
      {tab === 'audit' && <Audit />}
      {tab === 'register' && <Register />}
      {tab === 'retention' && <Retention />}
    </div>
  );
}
