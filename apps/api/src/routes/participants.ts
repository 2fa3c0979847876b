import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  Arm,
  Event,
  EventInput,
  Participant,
  ParticipantInput,
  ParticipantPage,
  ParticipantUpdate,
  ParticipantWithTimeline,
} from '@wegwijzer/domain';
import { pilotArgs, useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam, recordArgs } from './params.ts';
import { defineRoute, errorResponses, jsonBody, jsonContent } from '../http/route.ts';
import { addEvent, deleteEvent } from '../usecases/events.ts';
import {
  createParticipant,
  getParticipant,
  listParticipants,
  updateParticipant,
} from '../usecases/participants.ts';

const IdParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'a numeric id') });
const ListQuery = z.object({
  ref: z.string().max(100).optional(),
  arm: Arm.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const participants = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager', 'researcher'], pilot: 'id' },
      {
        method: 'get',
        path: '/api/pilots/{id}/participants',
        tags: ['Participants'],
        summary: 'A page of the pilot’s participants (researchers see pseudonyms)',
        request: { params: PilotParam, query: ListQuery },
        responses: { 200: jsonContent(ParticipantPage, 'A page'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(await listParticipants({ ...pilotArgs(c), query: c.req.valid('query') }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'post',
        path: '/api/pilots/{id}/participants',
        tags: ['Participants'],
        summary: 'Add a participant',
        request: { params: PilotParam, ...jsonBody(ParticipantInput) },
        responses: {
          201: jsonContent(Participant, 'Created'),
          409: errorResponses[404],
          ...errorResponses,
        },
      },
    ),
    async (c) =>
      c.json(await createParticipant({ ...pilotArgs(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager', 'researcher'], pilot: 'participant' },
      {
        method: 'get',
        path: '/api/participants/{id}',
        tags: ['Participants'],
        summary: 'One participant with their timeline (the read is audit-logged)',
        request: { params: IdParam },
        responses: {
          200: jsonContent(ParticipantWithTimeline, 'The participant'),
          ...errorResponses,
        },
      },
    ),
    async (c) => c.json(await getParticipant(recordArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'participant' },
      {
        method: 'patch',
        path: '/api/participants/{id}',
        tags: ['Participants'],
        summary: 'Update a participant’s baseline',
        request: { params: IdParam, ...jsonBody(ParticipantUpdate) },
        responses: { 200: jsonContent(Participant, 'Updated'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(await updateParticipant({ ...recordArgs(c), input: c.req.valid('json') }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'participant' },
      {
        method: 'post',
        path: '/api/participants/{id}/events',
        tags: ['Events'],
        summary: 'Add an event to a participant’s timeline',
        request: { params: IdParam, ...jsonBody(EventInput) },
        responses: {
          201: jsonContent(Event, 'Created'),
          409: errorResponses[404],
          ...errorResponses,
        },
      },
    ),
    async (c) =>
      c.json(
        await addEvent({
          ctx: useCaseCtx(c),
          participantId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        201,
      ),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'event' },
      {
        method: 'delete',
        path: '/api/events/{id}',
        tags: ['Events'],
        summary: 'Delete an event; the reason is kept in the audit log',
        request: {
          params: IdParam,
          query: z.object({ reason: z.string().trim().min(1).max(500) }),
        },
        responses: { 204: { description: 'Deleted' }, ...errorResponses },
      },
    ),
    async (c) => {
      await deleteEvent({
        ctx: useCaseCtx(c),
        eventId: c.req.valid('param').id,
        reason: c.req.valid('query').reason,
      });
      return c.body(null, 204);
    },
  );
