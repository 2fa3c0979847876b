import {
  csvCell,
  csvLine,
  formatNumber,
  type CellValue,
  type Dialect,
  type NumberFormat,
} from './csv.ts';
import type { Table } from './tables.ts';

const BOM = '\uFEFF';

// What csvCell changes: a text starting like a formula, or holding the delimiter, a quote or a
// line break. Anything else it returns as it is, so such a text skips it.
const FORMULA_START = /^[=+\-@\t\r]/;
const SPECIAL: Record<Dialect['delimiter'], RegExp> = { ',': /[,"\n\r]/, ';': /[;"\n\r]/ };

/**
 * Writes the records of one table in one dialect, formatting each cell by its field's number
 * format and the dialect's decimal mark.
 * @example const w = new TableWriter(COHORT, DIALECTS.csv); w.header() + w.row(cells)
 */
export class TableWriter {
  readonly #formats: readonly NumberFormat[];
  readonly #special: RegExp;

  constructor(
    readonly table: Table,
    readonly dialect: Dialect,
  ) {
    this.#formats = table.fields.map((f) => f.format ?? {});
    this.#special = SPECIAL[dialect.delimiter];
  }

  /** The header record, after the BOM when the dialect has one. */
  header(): string {
    const line = csvLine(
      this.table.fields.map((f) => f.name),
      this.dialect,
    );
    return this.dialect.bom ? BOM + line : line;
  }

  /**
   * One record: what `csvLine(cells.map(formatValue))` writes, built in one string without the
   * arrays in between (an export writes a few hundred thousand of these).
   */
  row(cells: readonly CellValue[]): string {
    const n = this.#formats.length;
    if (cells.length !== n) {
      throw new Error(`${this.table.path}: ${cells.length} cells for ${n} columns`);
    }
    const dialect = this.dialect;
    let line = '';
    for (let i = 0; i < n; i++) {
      if (i > 0) line += dialect.delimiter;
      const v = cells[i];
      if (v === null || v === undefined) continue;
      if (typeof v === 'boolean') {
        line += v ? 'true' : 'false';
        continue;
      }
      const text = typeof v === 'number' ? formatNumber(v, this.#formats[i]!, dialect) : v;
      line += FORMULA_START.test(text) || this.#special.test(text) ? csvCell(text, dialect) : text;
    }
    return line + dialect.lineTerminator;
  }
}
