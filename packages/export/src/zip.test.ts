import { crc32, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DeflatingFile } from './deflating-file.ts';
import { utf8Bytes, zipBytes, type DeflatedEntry } from './zip.ts';

async function collect(gen: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of gen) chunks.push(c);
  return Buffer.concat(chunks);
}

/** The central directory's records: name, method, CRC-32, sizes (APPNOTE 4.3.12). */
function centralDirectory(zip: Buffer) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const records = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    records.push({
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return records;
}

describe('zipBytes with zlib', () => {
  async function* pieces() {
    yield 'a,b\n';
    for (let i = 0; i < 3000; i++) yield `${i},${i % 7 ? 'x' : 'é'}${i}\n`;
  }
  const expected = [
    'a,b\n',
    ...Array.from({ length: 3000 }, (_, i) => `${i},${i % 7 ? 'x' : 'é'}${i}\n`),
  ].join('');

  it('writes deflated entries whose CRC-32 and sizes match their content', async () => {
    const zip = await collect(
      zipBytes([
        { name: 'x.csv', content: pieces() },
        { name: 'leeg.csv', content: [] },
      ]),
    );
    const records = centralDirectory(zip);
    expect(records.map((r) => [r.name, r.method])).toEqual([
      ['x.csv', 8],
      ['leeg.csv', 8],
    ]);
    const x = Buffer.from(expected, 'utf8');
    expect(records[0]!.crc).toBe(crc32(x));
    expect(records[0]!.size).toBe(x.length);
    expect(records[0]!.compressed).toBeLessThan(x.length / 2);
    // The data right after the local header inflates to the content.
    const local = records[0]!.offset;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    expect(inflateRawSync(zip.subarray(start, start + records[0]!.compressed)).equals(x)).toBe(
      true,
    );
    expect(records[1]!.size).toBe(0);
    expect(records[1]!.crc).toBe(0);
    expect(new TextDecoder().decode(unzipSync(new Uint8Array(zip))['x.csv'])).toBe(expected);
  });

  it('writes a kept deflated file into a later zip byte for byte', async () => {
    const kept: DeflatedEntry[] = [];
    const first = await collect(
      zipBytes([{ name: 'x.csv', content: pieces() }], {
        mtime: new Date('2026-01-02T03:04:06Z'),
        keep: (e) => kept.push(e),
      }),
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]!.bytes).toBe(kept[0]!.chunks.reduce((n, c) => n + c.length, 0));
    const again = await collect(zipBytes(kept, { mtime: new Date('2026-01-02T03:04:06Z') }));
    expect(again.equals(first)).toBe(true);
  });

  it('adds a file deflated alongside another once that one is written', async () => {
    const side = new DeflatingFile('side.csv');
    async function* main() {
      for (let i = 0; i < 500; i++) {
        await side.write(`${i};Fryslân "${i}"\r\n`);
        yield `${i},x\n`;
      }
    }
    async function* entries() {
      yield { name: 'main.csv', content: main() };
      yield await side.end();
    }
    const files = unzipSync(new Uint8Array(await collect(zipBytes(entries()))));
    const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
    expect(decode(files['main.csv'])).toBe(
      Array.from({ length: 500 }, (_, i) => `${i},x\n`).join(''),
    );
    expect(decode(files['side.csv'])).toBe(
      Array.from({ length: 500 }, (_, i) => `${i};Fryslân "${i}"\r\n`).join(''),
    );
  });

  it('encodes ASCII as latin1 and anything else as UTF-8', () => {
    expect(utf8Bytes('abc;1,5\r\n')).toEqual(Buffer.from('abc;1,5\r\n', 'utf8'));
    expect(utf8Bytes('\uFEFFé')).toEqual(Buffer.from('\uFEFFé', 'utf8'));
  });
});
