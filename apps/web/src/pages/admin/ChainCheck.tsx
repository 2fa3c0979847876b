import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState } from '../../components/States.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { adminStrings } from './strings.ts';
import { Button } from '@utrecht/component-library-react';

interface ChainReport {
  ok: boolean;
  entries: number;
  head: { id: number; hash: string } | null;
  broken: { id: number; kind: 'link' | 'content' | 'order'; problem: string } | null;
}

/** Checks the audit log's hash chain on the server and says whether it is whole (docs/security.md). */
export function ChainCheck() {
  const { locale } = useI18n();
  const s = useStrings(adminStrings);
  const check = useMutation({
    mutationFn: () => unwrap<ChainReport>(api.api.audit.verify.$get()),
  });
  const r = check.data;
  return (
    <div className="chain-check">
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={check.isPending}
        onClick={() => check.mutate()}
      >
        {s.chainCheck}
      </Button>
      {check.isError && <ErrorState error={check.error} />}
      {r && (
        <p
          className={r.ok ? 'notice ok' : 'notice'}
          role={r.ok ? 'status' : 'alert'}
          data-testid="chain-result"
        >
          {r.ok
            ? s.chainOk(formatNumber(r.entries, 0, locale), r.head?.hash.slice(0, 16) ?? '—')
            : s.chainBroken(String(r.broken?.id ?? '?'), s.chainProblem[r.broken?.kind ?? 'link'])}
        </p>
      )}
    </div>
  );
}
