import type { Delimiter } from './types.ts';

/**
 * The delimiter of a file, judged from its header line: `;` when it has more
 * semicolons than commas outside quotes (Dutch Excel writes `;` because the
 * comma is its decimal mark), otherwise `,`.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' || ch === '\r') {
      if (!quoted) break;
    } else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
