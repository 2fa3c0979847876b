import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { STAGED_EVENT_LINES } from './spool-codecs.ts';
import type { StagedEvent } from './imports.ts';
import { Spool } from './spool.ts';

describe('Spool', () => {
  it('gives back every row in order, across read chunks and multi-byte characters', () => {
    const spool = new Spool<{ ref: string; n: number }>();
    const rows = Array.from({ length: 30_000 }, (_, n) => ({ ref: `Ĳsselmonde-café-${n}`, n }));
    for (let i = 0; i < rows.length; i += 7000) spool.append(rows.slice(i, i + 7000));
    expect([...spool.rows()]).toEqual(rows);
    expect(spool.count).toBe(rows.length);
    spool.dispose();
  });

  it('leaves no file with a name on disk, even before it is disposed', () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('wegwijzer-import-')).length;
    const spool = new Spool<{ ref: string }>();
    spool.append([{ ref: 'A1' }]);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('wegwijzer-import-')).length).toBe(
      before,
    );
    spool.dispose();
  });

  it('gives back staged events through the tab-separated lines exactly as through JSON', () => {
    const events: StagedEvent[] = [
      {
        participantRef: 'R1',
        event: { type: 'ladder', date: '2024-01-02', reason: null, value: 3, amountCents: null },
      },
      {
        participantRef: 'tab\there\\N',
        event: {
          type: 'benefit_end',
          date: '2024-02-03',
          reason: 'regular_work',
          value: null,
          amountCents: null,
        },
      },
      {
        participantRef: '\\N',
        event: {
          type: 'offset_income',
          date: '2024-03-04',
          reason: null,
          value: null,
          amountCents: 12_345,
        },
      },
      {
        participantRef: 'line\nbreak\r\\t',
        event: {
          type: 'money_stress',
          date: '2024-04-05',
          reason: null,
          value: 7.5,
          amountCents: null,
        },
      },
      {
        participantRef: 'Ĳssel',
        event: { type: 'work_start', date: '2024-05-06', reason: null, value: -0, amountCents: 0 },
      },
      {
        participantRef: 'R6',
        event: {
          type: 'money_stress',
          date: '2024-05-06',
          reason: null,
          value: 0.1 + 0.2,
          amountCents: -7,
        },
      },
    ];
    const tabbed = new Spool(STAGED_EVENT_LINES);
    const json = new Spool<StagedEvent>();
    tabbed.append(events);
    json.append(events);
    const back = [...tabbed.rows()];
    expect(back).toEqual([...json.rows()]);
    expect(back.filter((_, i) => i !== 4)).toEqual(events.filter((_, i) => i !== 4));
    tabbed.dispose();
    json.dispose();
  });
});
