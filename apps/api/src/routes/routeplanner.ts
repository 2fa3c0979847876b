import { OpenAPIHono } from '@hono/zod-openapi';
import { RouteplannerQuery, RouteplannerReply } from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import { routeplanner as plan } from '../usecases/routeplanner.ts';

export const routeplanner = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    // Every role; the use case keeps to the pilots the caller may see.
    { roles: ALL_ROLES, viewer: 'protected' },
    {
      method: 'get',
      path: '/api/routeplanner',
      tags: ['Outcomes'],
      summary:
        'Which pilot works for someone like this? Results per visible pilot for a participant profile, best first',
      description:
        'One option per intervention arm of each visible pilot, compared with that pilot’s control arm. Matches the arm’s (and control) participants on the given baseline fields and pilot variables, widening by dropping the least important field until each arm used has at least the disclosure threshold of evaluable participants. See docs/routeplanner.md.',
      request: { query: RouteplannerQuery },
      responses: {
        200: jsonContent(RouteplannerReply, 'Results per pilot, best first'),
        ...errorResponses,
      },
    },
  ),
  async (c) => {
    const { window, heterogeneityBy, variable, ...profile } = c.req.valid('query');
    return c.json(
      await plan({ ctx: useCaseCtx(c), profile, variable, k: window, by: heterogeneityBy }),
      200,
    );
  },
);
