type Params = Record<string, string | number>;

/** Words of the import screen's error list, in Dutch and English. */
export const importStrings = {
  nl: {
    line: 'Regel',
    column: 'Kolom',
    message: 'Melding',
    fileName: 'importfouten.csv',
    badValue: (column: string) => `De waarde in kolom ${column} is niet geldig.`,
    badLine: 'Deze regel kan niet worden gelezen.',
    /** File-level refusals the import names by code. */
    codes: {
      missing_column: (p: Params) =>
        `De verplichte kolom ${p.column ?? ''} ontbreekt in de eerste regel.`,
      unknown_column: () => 'Deze kolom kent Wegwijzer niet; verwijder of hernoem hem.',
      duplicate_column: () => 'Deze kolom staat twee keer in de eerste regel.',
      duplicate_ref: () => 'Deze deelnemer staat al eerder in het bestand.',
      field_count: () =>
        'Deze regel heeft een ander aantal velden dan de kopregel; staat er een ";" in een waarde zonder aanhalingstekens?',
      empty_file: () => 'Het bestand is leeg.',
      not_text: () =>
        'Dit is geen tekstbestand (CSV); sla het in Excel op als "CSV (gescheiden door lijstscheidingsteken)".',
      bad_bsn: () =>
        'Het BSN moet 9 cijfers hebben (of 8, als een spreadsheet de voorloopnul liet vallen) en de elfproef doorstaan.',
    },
  },
  en: {
    line: 'Line',
    column: 'Column',
    message: 'Message',
    fileName: 'import-errors.csv',
    badValue: (column: string) => `The value in column ${column} is not valid.`,
    badLine: 'This line cannot be read.',
    codes: {
      missing_column: (p: Params) =>
        `The required column ${p.column ?? ''} is missing from the first line.`,
      unknown_column: () => 'Wegwijzer does not know this column; remove or rename it.',
      duplicate_column: () => 'This column appears twice in the first line.',
      duplicate_ref: () => 'This participant appears earlier in the file.',
      field_count: () =>
        'This line has a different number of fields than the header; is there a ";" in an unquoted value?',
      empty_file: () => 'The file is empty.',
      not_text: () => 'This is not a text (CSV) file; save it from Excel as "CSV (delimited)".',
      bad_bsn: () =>
        'The BSN must have 9 digits (or 8, when a spreadsheet dropped the leading zero) and pass the eleven test.',
    },
  },
};
