import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
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
});
