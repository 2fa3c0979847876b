import type { Dialect } from './csv.ts';
import type { Field, Table } from './tables.ts';

/** Where an export came from, recorded under `wegwijzer` in datapackage.json. */
export interface Provenance {
  pilot: { id: string; name: string; municipality: string; synthetic: boolean };
  filters: Record<string, unknown>;
  observationEnd: string;
  softwareVersion: string;
  /** ISO timestamp of the export. */
  exportedAt: string;
  exportedBy: string;
  dateShift: boolean;
  participants: number;
  /** The pilot's processing record (SPEC §8): under which purpose and agreement the data go out. */
  processing?: {
    purpose: string | null;
    legalBasis: string | null;
    agreementRef: string | null;
    department: string | null;
    contact: string | null;
    retainUntil: string;
  };
}

function tableField(f: Field, dialect: Dialect) {
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints.required = true;
  if (f.enum) constraints.enum = f.enum;
  if (f.minimum !== undefined) constraints.minimum = f.minimum;
  if (f.maximum !== undefined) constraints.maximum = f.maximum;
  return {
    name: f.name,
    type: f.type,
    ...(f.type === 'date' ? { format: 'default' } : {}),
    description: f.unit ? `${f.description} Unit: ${f.unit}.` : f.description,
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(f.categories ? { categories: f.categories } : {}),
    ...(f.type === 'number' ? { decimalChar: dialect.decimalChar, groupChar: '' } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

function resource(t: Table, dialect: Dialect) {
  return {
    name: t.name,
    path: t.path,
    profile: 'tabular-data-resource',
    title: t.title,
    description: t.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: {
      delimiter: dialect.delimiter,
      lineTerminator: dialect.lineTerminator,
      quoteChar: '"',
      doubleQuote: true,
      header: true,
    },
    schema: {
      fields: t.fields.map((f) => tableField(f, dialect)),
      missingValues: [''],
      ...(t.primaryKey ? { primaryKey: [t.primaryKey] } : {}),
      ...(t.foreignKey
        ? {
            foreignKeys: [
              {
                fields: [t.foreignKey.field],
                reference: { resource: t.foreignKey.resource, fields: [t.foreignKey.reference] },
              },
            ],
          }
        : {}),
    },
  };
}

/** A package name: lower case letters, digits and `-._` (Data Package spec). */
const packageName = (s: string) => s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');

/**
 * The Frictionless Data Package (`tabular-data-package`) describing an export's CSV files.
 * @example JSON.stringify(buildDataPackage(TABLES, DIALECTS.csv, provenance), null, 2)
 */
export function buildDataPackage(
  tables: readonly Table[],
  dialect: Dialect,
  provenance: Provenance,
) {
  return {
    profile: 'tabular-data-package',
    name: packageName(`wegwijzer-${provenance.pilot.id}-cohort`),
    title: `Wegwijzer cohort export: ${provenance.pilot.name}`,
    description:
      'Pseudonymised cohort export of a Wegwijzer pilot. Derived columns follow SPEC §3 (computed on the original dates). ' +
      (dialect.bom
        ? 'Excel-NL dialect: ";" delimiter, "," decimal mark, UTF-8 with byte order mark, CRLF line ends.'
        : 'CSV dialect: "," delimiter, "." decimal mark, UTF-8 without byte order mark, LF line ends.') +
      (provenance.dateShift
        ? ' Dates are shifted by one offset of −182…+182 days per participant: intervals are exact, calendar dates are not.'
        : ''),
    created: provenance.exportedAt,
    ...(provenance.pilot.synthetic ? { keywords: ['synthetic'] } : {}),
    resources: tables.map((t) => resource(t, dialect)),
    wegwijzer: {
      pilot: provenance.pilot,
      filters: provenance.filters,
      observationEnd: provenance.observationEnd,
      softwareVersion: provenance.softwareVersion,
      exportedAt: provenance.exportedAt,
      exportedBy: provenance.exportedBy,
      dateShift: provenance.dateShift,
      dialect: {
        name: dialect.name,
        delimiter: dialect.delimiter,
        decimalChar: dialect.decimalChar,
        lineTerminator: dialect.lineTerminator,
        bom: dialect.bom,
      },
      participants: provenance.participants,
      ...(provenance.processing ? { processing: provenance.processing } : {}),
      windows: 'Derived columns at 6, 12 and 24 months after intake.',
    },
  };
}
