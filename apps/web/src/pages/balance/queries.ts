import { queryOptions } from '@tanstack/react-query';
import type { BalanceReply, PilotVariableJson } from '@wegwijzer/domain';
import { api, unwrap } from '../../api/client.ts';

/** queryOptions of the balance table and the pilot's variables; reply types from the server. */
const pilots = api.api.pilots[':id'];

export const balanceQuery = (id: string) =>
  queryOptions({
    queryKey: ['balance', id],
    queryFn: () => unwrap<BalanceReply>(pilots.balance.$get({ param: { id } })),
  });

export const variablesQuery = (id: string) =>
  queryOptions({
    queryKey: ['variables', id],
    queryFn: () => unwrap<{ items: PilotVariableJson[] }>(pilots.variables.$get({ param: { id } })),
  });
