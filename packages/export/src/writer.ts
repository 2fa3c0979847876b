import { csvLine, formatValue, type CellValue, type Dialect } from './csv.ts';
import type { Table } from './tables.ts';

const BOM = '\uFEFF';

/**
 * Writes the records of one table in one dialect, formatting each cell by its field's number
 * format and the dialect's decimal mark.
 * @example const w = new TableWriter(COHORT, DIALECTS.csv); w.header() + w.row(cells)
 */
export class TableWriter {
  constructor(
    readonly table: Table,
    readonly dialect: Dialect,
  ) {}

  /** The header record, after the BOM when the dialect has one. */
  header(): string {
    const line = csvLine(
      this.table.fields.map((f) => f.name),
      this.dialect,
    );
    return this.dialect.bom ? BOM + line : line;
  }

  row(cells: readonly CellValue[]): string {
    const fields = this.table.fields;
    if (cells.length !== fields.length) {
      throw new Error(`${this.table.path}: ${cells.length} cells for ${fields.length} columns`);
    }
    return csvLine(
      cells.map((v, i) => formatValue(v, fields[i]!.format ?? {}, this.dialect)),
      this.dialect,
    );
  }
}
