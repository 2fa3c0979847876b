import { listPilotRecords } from '@wegwijzer/db';
import { csvLine, DIALECTS } from '@wegwijzer/export';
import type { ProcessingRecord, Register } from '@wegwijzer/domain';
import type { UseCaseCtx } from '../http/env.ts';
import { toPilotJson } from './pilots.ts';

const FIELDS: (keyof ProcessingRecord)[] = [
  'purpose',
  'legalBasis',
  'agreementRef',
  'department',
  'contact',
];

/** The register of processing activities (AVG art. 30): one row per pilot. */
export async function processingRegister({ ctx }: { ctx: UseCaseCtx }): Promise<Register> {
  const pilots = await listPilotRecords(ctx.store.db, null);
  return {
    items: pilots.map((p) => {
      const json = toPilotJson({ ...p, participants: 0, hasControl: false });
      return {
        pilotId: p.id,
        name: p.name,
        municipality: p.municipality,
        startDate: p.startDate,
        retainUntil: p.retainUntil,
        retention: json.retention,
        processing: p.processing,
        missing: FIELDS.filter((f) => !p.processing[f]),
      };
    }),
  };
}

const COLUMNS: [string, (r: Register['items'][number]) => string][] = [
  ['pilot', (r) => r.name],
  ['gemeente', (r) => r.municipality],
  ['doel', (r) => r.processing.purpose ?? ''],
  ['grondslag', (r) => r.processing.legalBasis ?? ''],
  ['overeenkomst', (r) => r.processing.agreementRef ?? ''],
  ['afdeling', (r) => r.processing.department ?? ''],
  ['contact', (r) => r.processing.contact ?? ''],
  ['startdatum', (r) => r.startDate],
  ['bewaren_tot', (r) => r.retainUntil],
  ['bewaartermijn_herzien', (r) => (r.retention.review ? 'ja' : 'nee')],
  ['na_bewaartermijn', (r) => r.retention.action],
  ['status', (r) => r.retention.state ?? r.retention.status],
  ['pilot_id', (r) => r.pilotId],
];

/** The register as CSV (Excel-NL: `;`, UTF-8 with BOM), for the privacy officer. */
export function registerCsv(register: Register): string {
  const dialect = DIALECTS['excel-nl'];
  let out =
    '\uFEFF' +
    csvLine(
      COLUMNS.map(([h]) => h),
      dialect,
    );
  for (const r of register.items)
    out += csvLine(
      COLUMNS.map(([, f]) => f(r)),
      dialect,
    );
  return out;
}
