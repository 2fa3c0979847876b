import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type {
  BudgetLine,
  BudgetReply,
  CohortReply,
  ComparisonReply,
  Event,
  OutcomeSummary,
  Pilot,
  ReferenceLine,
  RouteplannerReply,
  StatusByMonthReply,
  SubgroupField,
  SubgroupReply,
  SurvivalReply,
  User,
  WorklistReply,
} from '@wegwijzer/domain';
import { api, unwrap } from './client.ts';

/** One queryOptions factory per endpoint: key and fetcher together. Reply types come from the server. */

export type DemoInfo = InferResponseType<typeof api.api.demo.$get, 200>;
export type ParticipantPage = InferResponseType<
  (typeof api.api.pilots)[':id']['participants']['$get'],
  200
>;
export type ParticipantDetail = InferResponseType<
  (typeof api.api.participants)[':id']['$get'],
  200
>;
export type UserList = InferResponseType<typeof api.api.users.$get, 200>;
export type TokenList = InferResponseType<typeof api.api.tokens.$get, 200>;
export type TokenCreated = InferResponseType<typeof api.api.tokens.$post, 201>;
export type AuditPage = InferResponseType<typeof api.api.audit.$get, 200>;
export type AuditFilter = Omit<
  NonNullable<Parameters<typeof api.api.audit.$get>[0]>['query'],
  'page' | 'pageSize'
>;
export type ExportFilter = NonNullable<
  Parameters<(typeof api.api.pilots)[':id']['export']['count']['$get']>[0]
>['query'];
export type BudgetLineList = InferResponseType<
  (typeof api.api.pilots)[':id']['budget-lines']['$get'],
  200
>;
export type ReferenceLineList = InferResponseType<
  (typeof api.api.pilots)[':id']['reference-lines']['$get'],
  200
>;
export type {
  BudgetLine,
  BudgetReply,
  CohortReply,
  ComparisonReply,
  Event,
  OutcomeSummary,
  Pilot,
  ReferenceLine,
  RouteplannerReply,
  StatusByMonthReply,
  SubgroupReply,
  SurvivalReply,
  User,
  WorklistReply,
};
export type RouteplannerResult = RouteplannerReply['results'][number];
export type RouteplannerParams = NonNullable<
  Parameters<typeof api.api.routeplanner.$get>[0]
>['query'];

export { SUBGROUP_FIELDS, WINDOWS as WINDOW_OPTIONS } from '@wegwijzer/domain/values';

/** A window in months, any whole number from 1 to 60 (the server validates it). */
type Win = number;
const w = (n: Win) => String(n);

export const demoQuery = () =>
  queryOptions({
    queryKey: ['demo'],
    queryFn: () => unwrap<DemoInfo>(api.api.demo.$get()),
    staleTime: Infinity,
  });

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
  queryOptions({
    queryKey: ['pilots'],
    queryFn: () => unwrap<{ items: Pilot[] }>(api.api.pilots.$get()),
  });

export const pilotQuery = (id: string) =>
  queryOptions({
    queryKey: ['pilot', id],
    queryFn: () => unwrap<Pilot>(api.api.pilots[':id'].$get({ param: { id } })),
  });

export const outcomesQuery = (id: string, window: Win = 12) =>
  queryOptions({
    queryKey: ['outcomes', id, window],
    queryFn: () =>
      unwrap<OutcomeSummary>(
        api.api.pilots[':id'].outcomes.$get({ param: { id }, query: { window: w(window) } }),
      ),
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

/** Kaplan–Meier time to debt stabilisation per arm, among participants with a debt intake. */
export const debtSurvivalQuery = (id: string) =>
  queryOptions({
    queryKey: ['debtSurvival', id],
    queryFn: () =>
      unwrap<SurvivalReply>(api.api.pilots[':id'].debts.survival.$get({ param: { id } })),
  });

/** Cost per policy domain and funder, and what the budget bought back per euro in the window. */
export const budgetQuery = (id: string, window: Win = 12) =>
  queryOptions({
    queryKey: ['budget', id, window],
    queryFn: () =>
      unwrap<BudgetReply>(
        api.api.pilots[':id'].budget.$get({ param: { id }, query: { window: w(window) } }),
      ),
  });

export const budgetLinesQuery = (id: string) =>
  queryOptions({
    queryKey: ['budgetLines', id],
    queryFn: () =>
      unwrap<BudgetLineList>(api.api.pilots[':id']['budget-lines'].$get({ param: { id } })),
  });

export const referenceLinesQuery = (id: string) =>
  queryOptions({
    queryKey: ['referenceLines', id],
    queryFn: () =>
      unwrap<ReferenceLineList>(api.api.pilots[':id']['reference-lines'].$get({ param: { id } })),
  });

export const subgroupsQuery = (id: string, by: SubgroupField, window: Win = 12) =>
  queryOptions({
    queryKey: ['subgroups', id, by, window],
    queryFn: () =>
      unwrap<SubgroupReply>(
        api.api.pilots[':id'].subgroups.$get({ param: { id }, query: { by, window: w(window) } }),
      ),
  });

export const participantsQuery = (
  id: string,
  q: { ref?: string; arm?: string; page: number; pageSize: number },
) =>
  queryOptions({
    queryKey: ['participants', id, q],
    queryFn: () =>
      unwrap<ParticipantPage>(
        api.api.pilots[':id'].participants.$get({
          param: { id },
          query: {
            ...(q.ref ? { ref: q.ref } : {}),
            ...(q.arm ? { arm: q.arm } : {}),
            page: String(q.page),
            pageSize: String(q.pageSize),
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });

export const participantQuery = (id: string) =>
  queryOptions({
    queryKey: ['participant', id],
    queryFn: () => unwrap<ParticipantDetail>(api.api.participants[':id'].$get({ param: { id } })),
  });

export type WorklistParams = NonNullable<
  Parameters<(typeof api.api.pilots)[':id']['worklist']['$get']>[0]
>['query'];

/** The worklist (default: counted from the pilot's observation end, first page, overdue first). */
export const worklistQuery = (id: string, query: WorklistParams = {}) =>
  queryOptions({
    queryKey: ['worklist', id, query],
    queryFn: () =>
      unwrap<WorklistReply>(api.api.pilots[':id'].worklist.$get({ param: { id }, query })),
    placeholderData: (prev) => prev,
  });

export const cohortsQuery = (id: string, window: Win = 12) =>
  queryOptions({
    queryKey: ['cohorts', id, window],
    queryFn: () =>
      unwrap<CohortReply>(
        api.api.pilots[':id'].cohorts.$get({ param: { id }, query: { window: w(window) } }),
      ),
  });

export const usersQuery = () =>
  queryOptions({ queryKey: ['users'], queryFn: () => unwrap<UserList>(api.api.users.$get()) });

export const tokensQuery = () =>
  queryOptions({ queryKey: ['tokens'], queryFn: () => unwrap<TokenList>(api.api.tokens.$get()) });

export const auditQuery = (filter: AuditFilter, page: number, pageSize = 50) =>
  queryOptions({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () =>
      unwrap<AuditPage>(
        api.api.audit.$get({
          query: { ...filter, page: String(page), pageSize: String(pageSize) },
        }),
      ),
    placeholderData: (prev) => prev,
  });

export const exportCountQuery = (id: string, filter: ExportFilter) =>
  queryOptions({
    queryKey: ['exportCount', id, filter],
    queryFn: () =>
      unwrap<{ participants: number }>(
        api.api.pilots[':id'].export.count.$get({ param: { id }, query: filter }),
      ),
    placeholderData: (prev) => prev,
    staleTime: 10_000,
  });

/** The route planner for a profile (`plannerSearch` of the page: given fields and the window). */
export const routeplannerQuery = (query: RouteplannerParams) =>
  queryOptions({
    queryKey: ['routeplanner', query],
    // No placeholder: the results of the previous profile must not stand under the new heading.
    queryFn: () => unwrap<RouteplannerReply>(api.api.routeplanner.$get({ query })),
  });

/** Status by month: per arm and month the share off benefit among those evaluable. */
export const statusByMonthQuery = (id: string) =>
  queryOptions({
    queryKey: ['statusByMonth', id],
    queryFn: () =>
      unwrap<StatusByMonthReply>(api.api.pilots[':id']['status-by-month'].$get({ param: { id } })),
  });
