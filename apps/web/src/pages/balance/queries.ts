import { queryOptions } from '@tanstack/react-query';
import type { BalanceReply } from '@wegwijzer/domain';
import { api, unwrap } from '../../api/client.ts';

/** queryOptions of the balance table; the reply type from the server. */
const pilots = api.api.pilots[':id'];

export const balanceQuery = (id: string) =>
  queryOptions({
    queryKey: ['balance', id],
    queryFn: () => unwrap<BalanceReply>(pilots.balance.$get({ param: { id } })),
  });
