/**
 * The researcher export (SPEC §7) as pure functions: CSV dialects and cells, the cohort,
 * participants and events rows, the Frictionless datapackage.json, and a streaming zip.
 * No database or HTTP: the API feeds it participants and streams what it returns.
 */
export {
  DIALECTS,
  csvCell,
  csvLine,
  formatNumber,
  formatValue,
  type CellValue,
  type Dialect,
  type DialectName,
  type NumberFormat,
} from './csv.ts';
export {
  BUDGET,
  COHORT,
  cohortTable,
  COHORT_WINDOWS,
  EVENTS,
  PARTICIPANTS,
  TABLES,
  type Field,
  type FieldType,
  type Table,
  type Unit,
} from './tables.ts';
export {
  budgetCells,
  cohortCells,
  eventCells,
  participantCells,
  shiftDate,
  type ExportParticipant,
} from './rows.ts';
export { TableWriter } from './writer.ts';
export { buildDataPackage, type Provenance } from './datapackage.ts';
export {
  toReadableStream,
  utf8Bytes,
  zipBytes,
  type DeflatedEntry,
  type ZipEntry,
  type ZipOptions,
} from './zip.ts';
export { DeflatingFile } from './deflating-file.ts';
export { variableCells, variableFields, withVariables } from './variables.ts';
export { withArms } from './arms.ts';
