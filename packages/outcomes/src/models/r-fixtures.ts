/**
 * Test support only (not exported by the package): reads the datasets and expected values that
 * packages/outcomes/r/models.R wrote, so the model tests compare with R without running R.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CovariateValue } from './design.ts';

const R_DIR = fileURLToPath(new URL('../../r/', import.meta.url));

/** Rows of a CSV written by R's write.csv: quoted text, bare numbers, empty for NA. */
export function readRCsv(name: string): Record<string, CovariateValue>[] {
  const [header, ...lines] = readFileSync(`${R_DIR}data/${name}`, 'utf8').trim().split('\n');
  const names = header!.split(',').map((h) => h.replace(/"/g, ''));
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(
      names.map((n, i) => {
        const c = cells[i]!;
        if (c === '' || c === 'NA') return [n, null];
        if (c.startsWith('"')) return [n, c.slice(1, -1)];
        return [n, Number(c)];
      }),
    );
  });
}

/** Expected values R wrote to r/expected/<name>. */
export function readExpected<T>(name: string): T {
  return JSON.parse(readFileSync(`${R_DIR}expected/${name}`, 'utf8')) as T;
}
