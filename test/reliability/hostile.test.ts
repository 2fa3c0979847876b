import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '@wegwijzer/db';
import { participantsCsv } from './support/data.ts';
import {
  adminToken,
  api,
  createPilot,
  importCsv,
  startServer,
  tempDir,
  type ServerProcess,
} from './support/server.ts';

/**
 * Hostile input against a real server: arbitrary bytes to the import endpoint, arbitrary and
 * absurdly nested JSON to every JSON endpoint, and the files people really send (UTF-16 from
 * Excel, Latin-1, a 10 MB cell, 100,000 columns, a file cut off half-way). Always a 4xx with a
 * message, never a 5xx or a hang, and nothing written when a request is refused.
 */

const tmp = tempDir();
const file = join(tmp.dir, 'db.sqlite');
let server: ServerProcess;
let token: string;
let pilot: string;
/** Ids the JSON endpoints' path parameters are filled with; all in a scratch pilot. */
const ids: Record<string, string> = {};
const tried = { importBytes: 0, importCsvShaped: 0, truncated: 0, json: 0, query: 0, named: 0 };

beforeAll(async () => {
  server = await startServer(file);
  token = await adminToken(server.base);
  pilot = await createPilot(server.base, token, 'Gemeten');
  expect(
    (await importCsv(server.base, token, pilot, 'participants', participantsCsv(20))).status,
  ).toBe(200);
  ids.pilot = await createPilot(server.base, token, 'Kladblok');
  const p = await api(server.base, token, `/api/pilots/${ids.pilot}/participants`, {
    body: { participantRef: 'K1', intakeDate: '2024-01-01' },
  });
  expect(p.status, p.text).toBe(201);
  ids.participant = p.body.id;
  const u = await api(server.base, token, '/api/users', {
    body: {
      email: 'fuzz@reliability.test',
      name: 'Fuzz',
      password: 'fuzz-password-2025',
      role: 'manager',
      pilots: [ids.pilot],
    },
  });
  expect(u.status, u.text).toBe(201);
  ids.user = u.body.id;
}, 60_000);

afterAll(async () => {
  console.info(`hostile: cases tried ${JSON.stringify(tried)}`);
  await server?.stop('SIGKILL');
  tmp.cleanup();
});

/** Row counts of the file, read beside the running server (WAL readers do not block it). */
function counts() {
  const { ok, problems, tables } = checkDatabase(file);
  if (!ok) throw new Error(problems.join('; '));
  return {
    participants: tables.participants,
    events: tables.events,
    derived: tables.participant_derived,
    totals: tables.pilot_totals,
  };
}

function expectClearRefusal(res: { status: number; body: any; text: string }) {
  expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  expect(typeof res.body?.error?.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(5);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

describe('hostile input to the import endpoint', () => {
  it('refuses arbitrary bytes with a 4xx and writes nothing', async () => {
    const before = counts();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('participants', 'events'),
        async (bytes, kind) => {
          tried.importBytes++;
          const res = await importCsv(server.base, token, pilot, kind as 'events', bytes, 20_000);
          expectClearRefusal(res);
        },
      ),
      { numRuns: RUNS },
    );
    expect(counts()).toEqual(before);
  }, 60_000);

  it('answers CSV-shaped junk with 200 or 422, and a 422 writes nothing', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'P00001',
        'ladder',
        'benefit_end',
        '2024-02-30',
        '31-02-2024',
        '7',
        '-5',
        '"',
        '""',
        '=1+1',
        'ja',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 15 }),
        async (sep, rows) => {
          tried.importCsvShaped++;
          const before = counts();
          const csv =
            ['participant_ref', 'type', 'date', 'reason', 'value'].join(sep) +
            '\n' +
            rows.map((r) => r.join(sep)).join('\n');
          const res = await importCsv(server.base, token, pilot, 'events', csv, 20_000);
          expect([200, 422], res.text.slice(0, 300)).toContain(res.status);
          if (res.status === 422) {
            expect(res.body.error.details.length).toBeGreaterThan(0);
            expect(counts()).toEqual(before);
          } else {
            expect(counts().events).toBe(before.events + res.body.inserted);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('validates a file cut off at any byte without a 5xx', async () => {
    const whole = Buffer.from(participantsCsv(200).replace(/^(P\d+)/gm, '"$1"'));
    const before = counts();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: whole.length - 1 }), async (cut) => {
        tried.truncated++;
        const res = await api(
          server.base,
          token,
          `/api/pilots/${pilot}/imports?kind=participants&dryRun=true`,
          {
            raw: whole.subarray(0, cut),
            contentType: 'text/csv',
            timeoutMs: 20_000,
          },
        );
        expect([200, 422], res.text.slice(0, 300)).toContain(res.status);
      }),
      { numRuns: RUNS },
    );
    // Cut inside a quoted reference: the reply says which quote is never closed.
    const res = await importCsv(
      server.base,
      token,
      pilot,
      'participants',
      whole.subarray(0, whole.indexOf('"P00150') + 4),
    );
    expectClearRefusal(res);
    expect(JSON.stringify(res.body.error.details)).toMatch(/never closed/);
    expect(counts()).toEqual(before);
  }, 60_000);

  const dutch =
    'participant_ref,intake_date\n"Zuidwijk, Hoogezand-Sappemeer",2024-01-02\ncafé,2024-01-03\nĲsselmonde,2024-01-04\n';
  const named: [string, () => Uint8Array | string][] = [
    [
      '100,000 columns',
      () =>
        'participant_ref,intake_date,' +
        Array.from({ length: 100_000 }, (_, i) => `kolom${i}`).join(',') +
        '\n',
    ],
    [
      'a 10 MB single field',
      () => `participant_ref,intake_date\n${'A'.repeat(10 * 1024 * 1024)},2024-01-01\n`,
    ],
    [
      'UTF-16 LE with BOM',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dutch, 'utf16le')]),
    ],
    ['UTF-16 BE without BOM', () => Buffer.from(dutch, 'utf16le').swap16()],
    ['Latin-1', () => Buffer.from(dutch.replace('Ĳ', 'IJ'), 'latin1')],
    ['a NUL byte', () => 'participant_ref,intake_date\nP\u0000,2024-01-01\n'],
    ['an empty file', () => ''],
    ['a byte-order mark alone', () => '\uFEFF'],
    ['a header only with an unknown column', () => 'participant_ref,intake_date,geheim\n'],
    ['a quote that is never closed', () => 'participant_ref,intake_date\n"P1,2024-01-01\n'],
    [
      'binary (a PNG header)',
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    ],
  ];
  it.each(named)(
    'refuses %s with a clear 4xx and writes nothing',
    async (_name, make) => {
      tried.named++;
      const before = counts();
      const started = performance.now();
      const res = await importCsv(
        server.base,
        token,
        pilot,
        'participants',
        make() as BodyInit,
        30_000,
      );
      expectClearRefusal(res);
      expect(performance.now() - started).toBeLessThan(30_000);
      expect(counts()).toEqual(before);
    },
    40_000,
  );

  it('imports Dutch place names in UTF-8 as they are', async () => {
    const res = await importCsv(server.base, token, ids.pilot!, 'participants', dutch);
    expect(res.status, res.text).toBe(200);
    for (const ref of ['Zuidwijk, Hoogezand-Sappemeer', 'café', 'Ĳsselmonde']) {
      const found = await api(
        server.base,
        token,
        `/api/pilots/${ids.pilot}/participants?ref=${encodeURIComponent(ref)}`,
      );
      expect(found.body.items.map((p: any) => p.participantRef)).toContain(ref);
    }
  });

  it('stores a formula in a participant_ref as text, unchanged', async () => {
    const formula = '=HYPERLINK("http://evil.example/?x=1","klik")';
    const csv = `participant_ref,intake_date\n"${formula.replace(/"/g, '""')}",2024-01-05\n`;
    const res = await importCsv(server.base, token, ids.pilot!, 'participants', csv);
    expect(res.status, res.text).toBe(200);
    const found = await api(
      server.base,
      token,
      `/api/pilots/${ids.pilot}/participants?ref=${encodeURIComponent(formula)}`,
    );
    expect(found.body.items.map((p: any) => p.participantRef)).toEqual([formula]);
  });
});

/** Every operation of the OpenAPI document that takes a JSON body, with its path filled in. */
async function jsonOperations(): Promise<{ method: string; path: string }[]> {
  const doc = await api(server.base, token, '/api/openapi.json');
  const ops: { method: string; path: string }[] = [];
  for (const [path, methods] of Object.entries(
    doc.body.paths as Record<string, Record<string, any>>,
  )) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op.requestBody?.content?.['application/json']) continue;
      const param = path.startsWith('/api/users/')
        ? ids.user
        : path.startsWith('/api/participants/')
          ? ids.participant
          : ids.pilot;
      ops.push({
        method: method.toUpperCase(),
        path: path.replace('{id}', encodeURIComponent(param!)),
      });
    }
  }
  return ops;
}

describe('hostile JSON', () => {
  it('answers arbitrary JSON to every JSON endpoint with a 2xx or a clear 4xx, never a 5xx', async () => {
    const ops = await jsonOperations();
    expect(ops.length).toBeGreaterThanOrEqual(8);
    const before = counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        fc.jsonValue({ maxDepth: 6 }),
        async (op, value) => {
          tried.json++;
          const res = await api(server.base, token, op.path, {
            method: op.method,
            raw: JSON.stringify(value),
            contentType: 'application/json',
            timeoutMs: 20_000,
          });
          expect(res.status, `${op.method} ${op.path} ${res.text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expectClearRefusal(res);
        },
      ),
      { numRuns: RUNS * 3 },
    );
    expect(counts()).toEqual(before);
  }, 90_000);

  it('answers objects with the real field names and arbitrary values with a 2xx or a clear 4xx', async () => {
    const ops = await jsonOperations();
    const keys = fc.constantFrom(
      ...[
        'name',
        'municipality',
        'theme',
        'startDate',
        'dataCompleteThrough',
        'retainUntil',
        'processing',
        'ref',
        'bsn',
        'confirm',
        'action',
        'monthlyBenefit',
        'guidanceCost',
        'participantRef',
        'intakeDate',
        'arm',
        'type',
        'date',
        'reason',
        'value',
        'email',
        'password',
        'role',
        'pilots',
        'expiresInDays',
        'household',
        'birthYear',
        'motivation',
        'ladderStep',
        'hasDebts',
        'lostToFollowUpDate',
        '__proto__',
        'constructor',
      ],
    );
    const values = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        '2024-02-30',
        '2024-01-01',
        'GM0014',
        'control',
        'benefit_end',
        'ladder',
        1e308,
        -1,
        0,
        7,
        '=HYPERLINK("x")',
        'x'.repeat(5000),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        fc.dictionary(keys, values, { maxKeys: 8 }),
        async (op, body) => {
          tried.json++;
          const res = await api(server.base, token, op.path, {
            method: op.method,
            raw: JSON.stringify(body),
            contentType: 'application/json',
            timeoutMs: 20_000,
          });
          expect(
            res.status,
            `${op.method} ${op.path} ${JSON.stringify(body).slice(0, 200)} ${res.text.slice(0, 200)}`,
          ).toBeLessThan(500);
          if (res.status >= 400) expectClearRefusal(res);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  }, 90_000);

  it('refuses 100,000 levels of nesting, unbalanced and non-object bodies with a clear 4xx', async () => {
    const ops = await jsonOperations();
    const refused = [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '['.repeat(100_000),
      '{"name": "x", "name": ' + '['.repeat(50_000),
      'null',
      '"x"',
      '1e999999',
      '',
    ];
    // Unknown keys are stripped by the schemas, so this one may be an empty (valid) update.
    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    for (const op of ops) {
      for (const body of [...refused, deepObject]) {
        tried.json++;
        const res = await api(server.base, token, op.path, {
          method: op.method,
          raw: body,
          contentType: 'application/json',
          timeoutMs: 20_000,
        });
        const what = `${op.method} ${op.path} ${body.slice(0, 40)}: ${res.text.slice(0, 200)}`;
        expect(res.status, what).toBeLessThan(500);
        if (body !== deepObject) expect(res.status, what).toBeGreaterThanOrEqual(400);
        if (res.status >= 400) expectClearRefusal(res);
      }
    }
  }, 90_000);

  it('answers arbitrary query values on the read endpoints with 200 or a clear 4xx', async () => {
    const paths = [
      `/api/pilots/${pilot}/outcomes?window=`,
      `/api/pilots/${pilot}/subgroups?window=12&by=`,
      `/api/pilots/${pilot}/participants?ref=`,
      `/api/pilots/${pilot}/participants?page=`,
      `/api/pilots/${pilot}/cohorts?window=`,
      `/api/outcomes?window=`,
      `/api/audit?action=`,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.string({ maxLength: 300, unit: 'binary' }),
        async (path, value) => {
          tried.query++;
          const res = await api(server.base, token, path + encodeURIComponent(value), {
            timeoutMs: 20_000,
          });
          expect(res.status, `${path} ${res.text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expectClearRefusal(res);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  }, 60_000);
});
