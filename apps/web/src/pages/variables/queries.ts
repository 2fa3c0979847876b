import { queryOptions } from '@tanstack/react-query';
import type { PilotVariableJson } from '@wegwijzer/domain';
import { api, unwrap } from '../../api/client.ts';

/** The pilot's own variables (its data dictionary); the reply type from the server. */
export const variablesQuery = (id: string) =>
  queryOptions({
    queryKey: ['variables', id],
    queryFn: () =>
      unwrap<{ items: PilotVariableJson[] }>(
        api.api.pilots[':id'].variables.$get({ param: { id } }),
      ),
  });
