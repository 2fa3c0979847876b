/**
 * CSV writing for exports: the two dialects of SPEC §7, RFC 4180 quoting, and neutralised
 * spreadsheet formulas.
 */

export type DialectName = 'csv' | 'excel-nl';

export interface Dialect {
  name: DialectName;
  delimiter: ',' | ';';
  decimalChar: '.' | ',';
  lineTerminator: '\n' | '\r\n';
  /** A UTF-8 byte order mark before the header, so Excel reads the file as UTF-8. */
  bom: boolean;
}

export const DIALECTS: Record<DialectName, Dialect> = {
  csv: { name: 'csv', delimiter: ',', decimalChar: '.', lineTerminator: '\n', bom: false },
  'excel-nl': {
    name: 'excel-nl',
    delimiter: ';',
    decimalChar: ',',
    lineTerminator: '\r\n',
    bom: true,
  },
};

/** A value of one cell before formatting; null is an empty cell. */
export type CellValue = string | number | boolean | null | undefined;

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// ...except a plain negative number, which must stay a number.
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * One cell as it goes into the file: a formula-like text gets a leading `'`, and a cell with
 * the delimiter, a quote or a line break is quoted with inner quotes doubled.
 * @example csvCell('=1+1', DIALECTS.csv) // "'=1+1"
 * @example csvCell('a,"b"', DIALECTS.csv) // '"a,""b"""'
 */
export function csvCell(text: string, dialect: Dialect): string {
  let s = text;
  if (FORMULA_START.test(s) && !NEGATIVE_NUMBER.test(s)) s = `'${s}`;
  if (s.includes(dialect.delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) {
    return `"${s.replaceAll('"', '""')}"`;
  }
  return s;
}

/** How a number is written: fixed decimals (money), or up to `maxDecimals` without trailing zeros. */
export interface NumberFormat {
  fixed?: number;
  maxDecimals?: number;
}

/**
 * A number in the dialect's decimal mark, without thousands separators (which the import would
 * misread in `,` files).
 * @example formatNumber(1234.5, { fixed: 2 }, DIALECTS['excel-nl']) // '1234,50'
 */
export function formatNumber(n: number, format: NumberFormat, dialect: Dialect): string {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot write ${n} to a CSV number cell`);
  let s: string;
  if (format.fixed !== undefined) s = n.toFixed(format.fixed);
  else {
    const scale = 10 ** (format.maxDecimals ?? 6);
    s = String(Math.round(n * scale) / scale);
  }
  // -0.001 rounds to "-0.00": no sign on a zero.
  if (s.charCodeAt(0) === 45 && /^-0(?:\.0*)?$/.test(s)) s = s.slice(1);
  return dialect.decimalChar === '.' ? s : s.replace('.', ',');
}

/** A cell value as text, before quoting: booleans `true`/`false`, null empty. */
export function formatValue(v: CellValue, format: NumberFormat, dialect: Dialect): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v, format, dialect);
  return v;
}

/** One record with its line terminator. */
export function csvLine(texts: readonly string[], dialect: Dialect): string {
  let line = '';
  for (let i = 0; i < texts.length; i++) {
    if (i > 0) line += dialect.delimiter;
    line += csvCell(texts[i]!, dialect);
  }
  return line + dialect.lineTerminator;
}
