/**
 * Downloads a cohort export (SPEC §7) with a bearer token:
 *
 *   tsx apps/api/src/cli/export.ts --url http://localhost:3000 --token $TOKEN --pilot ID \
 *     [--format csv|excel-nl] [--date-shift] [--filter motivation=4,5 ...] --out cohort.zip
 *
 * The token may also come from WEGWIJZER_TOKEN. See docs/exports.md.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';

const USAGE =
  'Usage: tsx apps/api/src/cli/export.ts --url URL --token TOKEN --pilot ID [--format csv|excel-nl] [--date-shift] [--filter name=value ...] --out FILE.zip';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    token: { type: 'string' },
    pilot: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    'date-shift': { type: 'boolean', default: false },
    filter: { type: 'string', multiple: true, default: [] },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const token = values.token ?? process.env.WEGWIJZER_TOKEN;
if (!token || !values.pilot || !values.out) fail(USAGE);
if (values.format !== 'csv' && values.format !== 'excel-nl')
  fail('--format must be csv or excel-nl');

const query = new URLSearchParams({
  format: values.format,
  dateShift: String(values['date-shift']),
});
for (const f of values.filter) {
  const eq = f.indexOf('=');
  if (eq <= 0) fail(`--filter must be name=value, got ${JSON.stringify(f)}`);
  query.set(f.slice(0, eq), f.slice(eq + 1));
}
const url = `${values.url.replace(/\/$/, '')}/api/pilots/${encodeURIComponent(values.pilot)}/export?${query}`;

const started = performance.now();
let res: Response;
try {
  res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
} catch (err) {
  fail(`Cannot reach ${values.url}: ${(err as Error).message}`);
}
if (!res.ok || !res.body) {
  const body = await res.text();
  let message = body;
  try {
    message = (JSON.parse(body) as { error: { message: string } }).error.message;
  } catch {
    // not the error envelope: show the body as it is
  }
  fail(`Export failed (${res.status}): ${message}`);
}

// Written beside the target and renamed at the end, so a failed download leaves no partial zip.
const partial = `${values.out}.part`;
let bytes = 0;
const counter = new Transform({
  transform(chunk: Buffer, _enc, done) {
    bytes += chunk.length;
    done(null, chunk);
  },
});
try {
  await pipeline(
    Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>),
    counter,
    createWriteStream(partial),
  );
  await rename(partial, values.out);
} catch (err) {
  await rm(partial, { force: true });
  fail(`Download failed after ${bytes} bytes: ${(err as Error).message}`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`Wrote ${values.out}: ${bytes.toLocaleString('en')} bytes in ${seconds.toFixed(1)} s`);
