import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Bulk writes on PostgreSQL by `COPY … FROM STDIN` in text format (issue 21): PostgreSQL reads
 * tab-separated lines far faster than it unpacks one array parameter per column, and the
 * client writes plain text instead of escaping every element of those arrays.
 *
 * The COPY runs on the client of the caller's transaction (`Tx.pg`), so its rows land with the
 * transaction or not at all. It writes what the `unnest` statement of `BulkInsert` writes: the
 * same values through the same input functions of the column types, and, where ids are asked
 * back, the same ids (taken from the column's sequence in the order of the rows).
 *
 * A COPY is sent and left to run while the caller goes on computing the next rows; the next
 * statement of the transaction waits for it first (`settleCopies`, called by the `Tx`), so a
 * failed COPY is reported as itself, before anything else runs, and never left unnoticed.
 */

/** Characters COPY's text format reads as syntax, with the escapes that stand for them. */
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value as a field of COPY's text format: `\N` for null, a string with its backslashes, tabs
 * and line breaks escaped, a number as JavaScript writes it (as `pg` sends a parameter), bytes
 * as bytea hex.
 * @example copyField('a\tb') === 'a\\tb'; copyField(null) === '\\N'; copyField('') === ''
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'string':
      return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
  }
  // bytea's hex input `\x…`, its backslash escaped for the text format.
  if (value instanceof Uint8Array) return `\\\\x${Buffer.from(value).toString('hex')}`;
  throw new TypeError(`COPY cannot write a value of type ${Object.prototype.toString.call(value)}`);
}

/**
 * Rows of values as the lines of a COPY in text format. Fields and lines are joined from arrays:
 * several times faster than growing one string field by field.
 */
export function copyText(rows: readonly (readonly unknown[])[], width: number): string {
  const lines = new Array<string>(rows.length);
  const fields = new Array<string>(width);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    for (let i = 0; i < width; i++) fields[i] = copyField(row[i]);
    lines[k] = fields.join('\t');
  }
  return lines.join('\n') + '\n';
}

/** The COPY still running on each client, if any. */
const inFlight = new WeakMap<pg.PoolClient, Promise<void>>();

/**
 * Sends `rows` into `table` by one COPY on `client` and returns at once; the rows are encoded
 * before it returns (a value COPY cannot write throws here). Wait with `settleCopies`.
 */
export function startCopy(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): void {
  if (rows.length === 0) return;
  const body = copyText(rows, columns.length);
  const send = () => {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    stream.end(body);
    return finished(stream);
  };
  // One statement at a time on a client: this COPY is sent when the one before it is done (and
  // not at all when that one failed, which aborted the transaction).
  const before = inFlight.get(client);
  const done = before ? before.then(send) : send();
  // Observed here so a failure is never an unhandled rejection; reported by `settleCopies`.
  done.catch(() => {});
  inFlight.set(client, done);
}

/** Waits for the COPYs sent on `client`; throws the error of the first that failed. */
export async function settleCopies(client: pg.PoolClient): Promise<void> {
  const running = inFlight.get(client);
  if (!running) return;
  try {
    await running;
  } finally {
    if (inFlight.get(client) === running) inFlight.delete(client);
  }
}

/** The identity sequence of each table's `id`, looked up once per process: the schema is fixed. */
const sequences = new Map<string, string>();

/**
 * `n` new ids of `table`, ascending, taken from its identity sequence in one statement: what an
 * `INSERT … RETURNING id` of `n` rows would have been given.
 */
export async function reserveIds(
  client: pg.PoolClient,
  table: string,
  n: number,
): Promise<number[]> {
  await settleCopies(client);
  let sequence = sequences.get(table);
  if (!sequence) {
    const r = await client.query<{ s: string | null }>(
      "SELECT pg_get_serial_sequence($1, 'id') AS s",
      [table],
    );
    sequence = r.rows[0]?.s ?? undefined;
    if (!sequence) throw new Error(`${table}.id has no sequence to take ids from`);
    sequences.set(table, sequence);
  }
  const r = await client.query<{ id: number }>(
    'SELECT nextval($1::regclass) AS id FROM generate_series(1, $2)',
    [sequence, n],
  );
  // Each call returns a larger value than the one before, in whatever order the rows come back.
  return r.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/**
 * The columns of a `RETURNING a, b` tail that a COPY can answer itself: the table's `id`
 * (reserved up front) and text columns the insert writes (PostgreSQL stores a text as given, so
 * the value in hand is the value it would return). Null for any other tail.
 */
export function returnedColumns(
  tail: string,
  columns: readonly string[],
  types: ReadonlyMap<string, string>,
): string[] | null {
  const m = /^\s*RETURNING\s+([a-z_][a-z0-9_]*(?:\s*,\s*[a-z_][a-z0-9_]*)*)\s*$/i.exec(tail);
  if (!m) return null;
  const names = m[1]!.split(',').map((n) => n.trim());
  const answerable = (n: string) =>
    n === 'id' ? !columns.includes('id') : columns.includes(n) && types.get(n) === 'text';
  return names.every(answerable) ? names : null;
}

/**
 * Sends `rows` by COPY and answers a `RETURNING` of `returned` as the INSERT would: ids reserved
 * from the sequence first, then written with the rows. Like `startCopy`, the COPY itself runs on
 * while the caller goes on.
 */
export async function startCopyReturning<T>(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returned: readonly string[],
): Promise<T[]> {
  if (rows.length === 0) return [];
  const withId = returned.includes('id');
  const ids = withId ? await reserveIds(client, table, rows.length) : [];
  const written = withId ? rows.map((r, i) => [ids[i], ...r.slice(0, columns.length)]) : rows;
  startCopy(client, table, withId ? ['id', ...columns] : columns, written);
  const at = returned.map((name) => columns.indexOf(name));
  return rows.map((r, i) => {
    const out: Record<string, unknown> = {};
    returned.forEach((name, j) => {
      out[name] = name === 'id' ? ids[i] : (r[at[j]!] ?? null);
    });
    return out as T;
  });
}
