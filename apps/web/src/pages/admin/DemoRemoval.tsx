import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { demoQuery } from '../../api/queries.ts';
import { ErrorState } from '../../components/States.tsx';
import { useStrings } from '../../i18n.tsx';
import { demoStrings } from './demo-strings.ts';
import { Button, Heading2 } from '@utrecht/component-library-react';

interface Removed {
  pilots: number;
  participants: number;
  accounts: number;
}

/** One audited step that removes the synthetic pilots and the demo accounts (SPEC §6). */
export function DemoRemoval({ email }: { email: string }) {
  const s = useStrings(demoStrings);
  const qc = useQueryClient();
  const demo = useQuery(demoQuery());
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => unwrap<Removed>(api.api.demo.$delete()),
    onSuccess: async () => {
      setConfirming(false);
      await qc.invalidateQueries();
    },
  });
  if (remove.data)
    return (
      <section className="card demo-removal" aria-labelledby="demo-h">
        <Heading2 id="demo-h">{s.title}</Heading2>
        <p role="status">
          {s.done(remove.data.pilots, remove.data.participants, remove.data.accounts)}
        </p>
      </section>
    );
  // The demo admin itself may not remove the demo the public uses.
  if (!demo.data?.demo || demo.data.accounts.some((a) => a.email === email)) return null;
  return (
    <section className="card demo-removal" aria-labelledby="demo-h">
      <Heading2 id="demo-h">{s.title}</Heading2>
      <p>{s.intro}</p>
      {remove.isError && <ErrorState error={remove.error} />}
      {confirming ? (
        <p className="inline-form">
          <span>{s.confirm}</span>{' '}
          <Button
            type="button"
            appearance="primary-action-button"
            hint="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {s.yes}
          </Button>
          <Button type="button" appearance="subtle-button" onClick={() => setConfirming(false)}>
            {s.cancel}
          </Button>
        </p>
      ) : (
        <Button
          type="button"
          appearance="primary-action-button"
          hint="danger"
          onClick={() => setConfirming(true)}
        >
          {s.remove}
        </Button>
      )}
    </section>
  );
}
