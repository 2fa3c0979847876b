import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type {
  ComparisonReply,
  Event,
  OutcomeSummary,
  Pilot,
  SubgroupField,
  SubgroupReply,
  SurvivalReply,
  User,
  WindowMonths,
  WorklistReply,
} from '@wegwijzer/domain';
import { api, unwrap } from './client.ts';

/** One queryOptions factory per endpoint: key and fetcher together. Reply types come from the server. */

export type DemoInfo = InferResponseType<typeof api.api.demo.$get, 200>;
export type ParticipantPage = InferResponseType<(typeof api.api.pilots)[':id']['participants']['$get'], 200>;
export type ParticipantDetail = InferResponseType<(typeof api.api.participants)[':id']['$get'], 200>;
export type { ComparisonReply, Event, OutcomeSummary, Pilot, SubgroupReply, SurvivalReply, User, WorklistReply };

export const WINDOW_OPTIONS = [6, 12, 18, 24, 36] as const satisfies readonly WindowMonths[];
export const SUBGROUP_FIELDS = [
  'motivation',
  'ladderStep',
  'household',
  'hasDebts',
  'disability',
  'refugeeStatus',
  'education',
  'ageBand',
] as const satisfies readonly SubgroupField[];

type Win = (typeof WINDOW_OPTIONS)[number];
const w = (n: Win) => String(n) as `${Win}`;

export const demoQuery = () =>
  queryOptions({ queryKey: ['demo'], queryFn: () => unwrap<DemoInfo>(api.api.demo.$get()), staleTime: Infinity });

export const meQuery = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: async (): Promise<User | null> => {
      const res = await api.api.auth.me.$get();
      if (res.status === 401) return null;
      return unwrap<User>(res);
    },
    staleTime: 60_000,
  });

export const pilotsQuery = () =>
  queryOptions({ queryKey: ['pilots'], queryFn: () => unwrap<{ items: Pilot[] }>(api.api.pilots.$get()) });

export const pilotQuery = (id: string) =>
  queryOptions({ queryKey: ['pilot', id], queryFn: () => unwrap<Pilot>(api.api.pilots[':id'].$get({ param: { id } })) });

export const outcomesQuery = (id: string, window: Win = 12) =>
  queryOptions({
    queryKey: ['outcomes', id, window],
    queryFn: () =>
      unwrap<OutcomeSummary>(api.api.pilots[':id'].outcomes.$get({ param: { id }, query: { window: w(window) } })),
  });

export const comparisonQuery = (window: Win = 12) =>
  queryOptions({
    queryKey: ['comparison', window],
    queryFn: () => unwrap<ComparisonReply>(api.api.outcomes.$get({ query: { window: w(window) } })),
  });

export const survivalQuery = (id: string) =>
  queryOptions({
    queryKey: ['survival', id],
    queryFn: () => unwrap<SurvivalReply>(api.api.pilots[':id'].survival.$get({ param: { id } })),
  });

export const subgroupsQuery = (id: string, by: SubgroupField, window: Win = 12) =>
  queryOptions({
    queryKey: ['subgroups', id, by, window],
    queryFn: () =>
      unwrap<SubgroupReply>(api.api.pilots[':id'].subgroups.$get({ param: { id }, query: { by, window: w(window) } })),
  });

export const participantsQuery = (id: string, q: { ref?: string; arm?: 'intervention' | 'control'; page: number; pageSize: number }) =>
  queryOptions({
    queryKey: ['participants', id, q],
    queryFn: () =>
      unwrap<ParticipantPage>(
        api.api.pilots[':id'].participants.$get({
          param: { id },
          query: { ...(q.ref ? { ref: q.ref } : {}), ...(q.arm ? { arm: q.arm } : {}), page: String(q.page), pageSize: String(q.pageSize) },
        }),
      ),
    placeholderData: (prev) => prev,
  });

export const participantQuery = (id: string) =>
  queryOptions({
    queryKey: ['participant', id],
    queryFn: () => unwrap<ParticipantDetail>(api.api.participants[':id'].$get({ param: { id } })),
  });

export const worklistQuery = (id: string) =>
  queryOptions({
    queryKey: ['worklist', id],
    queryFn: () => unwrap<WorklistReply>(api.api.pilots[':id'].worklist.$get({ param: { id }, query: {} })),
  });
