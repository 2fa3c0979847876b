import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { pilotsQuery, usersQuery, type Pilot, type User } from '../../api/queries.ts';
import { CheckGroup, TextField } from '../../components/Field.tsx';
import { ErrorState, Query } from '../../components/States.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { municipalityName } from '../../labels.ts';
import { serverFieldErrors, validateNewUser, type FieldErrors } from './forms.ts';
import { adminStrings } from './strings.ts';
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
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../../components/ScrollTable.tsx';

const ROLES = [
  'viewer',
  'manager',
  'researcher',
  'admin',
] as const satisfies readonly User['role'][];
type Role = (typeof ROLES)[number];

const pilotOptions = (pilots: readonly Pilot[]) =>
  pilots.map((p) => ({ key: p.id, label: `${p.name} (${municipalityName(p.municipality)})` }));

/** Users with their role and pilots; create, edit role/pilots, disable. */
export function Users() {
  const users = useQuery(usersQuery());
  const pilots = useQuery(pilotsQuery());
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div aria-live="polite">
        {notice && (
          <Alert type="ok" data-testid="admin-notice">
            {notice}
          </Alert>
        )}
      </div>
      <Query q={pilots}>
        {(p) => (
          <>
            {editing && (
              <EditUser
                key={editing.id}
                user={editing}
                pilots={p.items}
                onDone={(msg) => {
                  setEditing(null);
                  if (msg) setNotice(msg);
                }}
              />
            )}
            <Query q={users}>
              {(u) => (
                <UserTable
                  users={u.items}
                  pilots={p.items}
                  onEdit={setEditing}
                  onNotice={setNotice}
                />
              )}
            </Query>
            <NewUser pilots={p.items} onCreated={setNotice} />
          </>
        )}
      </Query>
    </>
  );
}

function UserTable({
  users,
  pilots,
  onEdit,
  onNotice,
}: {
  users: User[];
  pilots: Pilot[];
  onEdit(u: User): void;
  onNotice(m: string): void;
}) {
  const { t } = useI18n();
  const s = useStrings(adminStrings);
  const qc = useQueryClient();
  const names = new Map(pilots.map((p) => [p.id, p.name]));
  const [confirming, setConfirming] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (v: { user: User; disabled: boolean }) =>
      unwrap<User>(
        api.api.users[':id'].$patch({ param: { id: v.user.id }, json: { disabled: v.disabled } }),
      ),
    onSuccess: async (_r, v) => {
      setConfirming(null);
      onNotice(v.disabled ? s.disabledNotice(v.user.name) : s.enabledNotice(v.user.name));
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <section aria-labelledby="users-h">
      <Heading2 id="users-h">{s.users}</Heading2>
      {toggle.isError && <ErrorState error={toggle.error} />}
      <ScrollTable labelledBy="users-h">
        <Table className="data-table users-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{s.name}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.email}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.role}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.pilots}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.actions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id} data-email={u.email}>
                <TableHeaderCell scope="row">
                  {u.name}
                  {u.disabled === true && <span className="badge">{s.disabled}</span>}
                </TableHeaderCell>
                <TableCell>{u.email}</TableCell>
                <TableCell>{t.roles[u.role]}</TableCell>
                <TableCell>
                  {u.role === 'admin'
                    ? s.allPilots
                    : u.pilots.length === 0
                      ? s.noPilots
                      : u.pilots.map((id) => names.get(id) ?? id).join(', ')}
                </TableCell>
                <TableCell>
                  {confirming === u.id ? (
                    <span className="inline-form">
                      <span>{s.confirmDisable(u.name)}</span>
                      <Button
                        type="button"
                        appearance="primary-action-button"
                        hint="danger"
                        disabled={toggle.isPending}
                        onClick={() => toggle.mutate({ user: u, disabled: true })}
                      >
                        {s.yesDisable}
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
                    <span className="row-actions">
                      <Button
                        type="button"
                        appearance="subtle-button"
                        onClick={() => onEdit(u)}
                        aria-label={`${s.edit}: ${u.name}`}
                      >
                        {s.edit}
                      </Button>
                      {u.disabled === true ? (
                        <Button
                          type="button"
                          appearance="subtle-button"
                          onClick={() => toggle.mutate({ user: u, disabled: false })}
                          aria-label={`${s.enable}: ${u.name}`}
                        >
                          {s.enable}
                        </Button>
                      ) : (
                        <Button
                          type="button"
                          appearance="subtle-button"
                          onClick={() => setConfirming(u.id)}
                          aria-label={`${s.disable}: ${u.name}`}
                        >
                          {s.disable}
                        </Button>
                      )}
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
    </section>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange(r: Role): void }) {
  const { t } = useI18n();
  const s = useStrings(adminStrings);
  return (
    <div className="field">
      <FormLabel htmlFor={id}>{s.role}</FormLabel>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLES.map((r) => (
          <SelectOption key={r} value={r}>
            {t.roles[r]}
          </SelectOption>
        ))}
      </Select>
    </div>
  );
}

type NewField = 'email' | 'name' | 'password' | 'pilots';

function NewUser({ pilots, onCreated }: { pilots: Pilot[]; onCreated(msg: string): void }) {
  const s = useStrings(adminStrings);
  const qc = useQueryClient();
  const empty = {
    email: '',
    name: '',
    password: '',
    role: 'viewer' as Role,
    pilots: [] as string[],
  };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<NewField>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: () =>
      unwrap<User>(
        api.api.users.$post({ json: { ...v, email: v.email.trim(), name: v.name.trim() } }),
      ),
    onSuccess: async (u) => {
      setV(empty);
      onCreated(s.created(u.email));
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) setErrors({ email: s.errExists });
      else if (e instanceof ApiError && e.status === 400 && Array.isArray(e.details)) {
        const r = serverFieldErrors(e.details, ['email', 'name', 'password', 'pilots'] as const);
        setErrors(r.fields);
        if (r.rest.length) setFormError(new Error(r.rest.join('; ')));
      } else setFormError(e);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const errs = validateNewUser(v, s);
    setErrors(errs);
    if (Object.keys(errs).length === 0) create.mutate();
    else document.getElementById(`nu-${Object.keys(errs)[0]}`)?.focus();
  };
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  return (
    <section className="card" aria-labelledby="nu-h">
      <Heading2 id="nu-h">{s.newUser}</Heading2>
      <form className="form" onSubmit={submit} noValidate>
        {formError != null && <ErrorState error={formError} />}
        <div className="grid-2">
          <TextField
            id="nu-email"
            label={s.email}
            type="email"
            autoComplete="off"
            value={v.email}
            error={errors.email}
            onChange={(e) => set({ email: e.target.value })}
          />
          <TextField
            id="nu-name"
            label={s.name}
            autoComplete="off"
            value={v.name}
            error={errors.name}
            onChange={(e) => set({ name: e.target.value })}
          />
          <TextField
            id="nu-password"
            label={s.password}
            type="password"
            autoComplete="new-password"
            hint={s.passwordHint}
            value={v.password}
            error={errors.password}
            onChange={(e) => set({ password: e.target.value })}
          />
          <RoleSelect id="nu-role" value={v.role} onChange={(role) => set({ role })} />
        </div>
        <CheckGroup
          legend={s.pilots}
          hint={s.pilotsHint}
          name="nu-pilots"
          options={pilotOptions(pilots)}
          value={v.pilots}
          error={errors.pilots}
          onChange={(p) => set({ pilots: p })}
        />
        <Button type="submit" appearance="primary-action-button" disabled={create.isPending}>
          {s.create}
        </Button>
      </form>
    </section>
  );
}

function EditUser({
  user,
  pilots,
  onDone,
}: {
  user: User;
  pilots: Pilot[];
  onDone(msg?: string): void;
}) {
  const s = useStrings(adminStrings);
  const qc = useQueryClient();
  const [v, setV] = useState({ name: user.name, role: user.role, pilots: user.pilots });
  const [error, setError] = useState<string | undefined>();
  useEffect(() => document.getElementById('eu-name')?.focus(), []);
  const save = useMutation({
    mutationFn: () =>
      unwrap<User>(
        api.api.users[':id'].$patch({
          param: { id: user.id },
          json: { ...v, name: v.name.trim() },
        }),
      ),
    onSuccess: async (u) => {
      await qc.invalidateQueries({ queryKey: ['users'] });
      onDone(s.saved(u.name));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.name.trim()) {
      setError(s.errRequired);
      document.getElementById('eu-name')?.focus();
      return;
    }
    setError(undefined);
    save.mutate();
  };
  return (
    <section className="card edit-user" aria-labelledby="eu-h">
      <Heading2 id="eu-h">{s.editTitle(user.name)}</Heading2>
      <form className="form" onSubmit={submit} noValidate>
        {save.isError && <ErrorState error={save.error} />}
        <p className="muted">{user.email}</p>
        <div className="grid-2">
          <TextField
            id="eu-name"
            label={s.name}
            value={v.name}
            error={error}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
          <RoleSelect id="eu-role" value={v.role} onChange={(role) => setV({ ...v, role })} />
        </div>
        <CheckGroup
          legend={s.pilots}
          hint={s.pilotsHint}
          name="eu-pilots"
          options={pilotOptions(pilots)}
          value={v.pilots}
          onChange={(p) => setV({ ...v, pilots: p })}
        />
        <div className="actions">
          <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
            {s.save}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => onDone()}>
            {s.cancel}
          </Button>
        </div>
      </form>
      <ResetPassword user={user} onDone={onDone} />
    </section>
  );
}

/** An admin sets a new password for a user who lost theirs; the server ends their sessions. */
function ResetPassword({ user, onDone }: { user: User; onDone(msg?: string): void }) {
  const s = useStrings(adminStrings);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reset = useMutation({
    mutationFn: () =>
      unwrap<null>(
        api.api.users[':id'].password.$post({
          param: { id: user.id },
          json: { newPassword: password },
        }),
      ),
    onSuccess: () => onDone(s.resetDone(user.name)),
    onError: (err) => {
      setError(err instanceof ApiError && err.status === 400 ? s.errWeak : String(err));
      document.getElementById('eu-password')?.focus();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 12) {
      setError(s.errPassword);
      document.getElementById('eu-password')?.focus();
      return;
    }
    setError(undefined);
    reset.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="eu-pw-h">
      <Heading3 id="eu-pw-h">{s.resetTitle}</Heading3>
      <TextField
        id="eu-password"
        type="password"
        autoComplete="new-password"
        label={s.password}
        hint={s.resetHint}
        value={password}
        error={error}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="actions">
        <Button type="submit" appearance="secondary-action-button" disabled={reset.isPending}>
          {s.resetSave}
        </Button>
      </div>
    </form>
  );
}
