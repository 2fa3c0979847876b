import type { TimelineEvent } from '@wegwijzer/domain';
import type { StagedEvent } from './imports.ts';
import type { SpoolCodec } from './spool.ts';

/**
 * Tab-separated spool lines for the rows an import writes most of: an events file is most of a
 * national import, and JSON both ways cost more than the parser (issue 21). Text is escaped so
 * a tab, a line break or a backslash in a value survives; `\N` is null, as in PostgreSQL's COPY.
 */

const NULL = '\\N';

function text(s: string): string {
  return /[\t\n\r\\]/.test(s)
    ? s.replace(/[\t\n\r\\]/g, (c) =>
        c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\',
      )
    : s;
}

function untext(s: string): string {
  return s.includes('\\')
    ? s.replace(/\\(.)/g, (_, c: string) =>
        c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c,
      )
    : s;
}

const nullableText = (s: string | null): string => (s === null ? NULL : text(s));
const nullableUntext = (s: string): string | null => (s === NULL ? null : untext(s));
// String() and Number() give every double back, as JSON did (-0 comes back as 0 in both).
const number = (n: number | null): string => (n === null ? NULL : String(n));
const unnumber = (s: string): number | null => (s === NULL ? null : Number(s));

/** An events file's rows: reference, type, date, reason, value, amount in cents. */
export const STAGED_EVENT_LINES: SpoolCodec<StagedEvent> = {
  encode({ participantRef, event: e }) {
    return `${text(participantRef)}\t${e.type}\t${e.date}\t${nullableText(e.reason)}\t${number(e.value)}\t${number(e.amountCents)}`;
  },
  decode(line) {
    const f = line.split('\t');
    return {
      participantRef: untext(f[0]!),
      event: {
        type: f[1] as TimelineEvent['type'],
        date: f[2]!,
        reason: nullableUntext(f[3]!) as TimelineEvent['reason'],
        value: unnumber(f[4]!),
        amountCents: unnumber(f[5]!),
      },
    };
  },
};
