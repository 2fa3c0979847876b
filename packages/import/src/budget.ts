import { BudgetDomain } from '@wegwijzer/domain';
import type { BudgetLineFields } from '@wegwijzer/domain';
import type { Cells } from './header.ts';
import type { RowReport } from './report.ts';
import type { BudgetRow, Delimiter } from './types.ts';
import { parseAmountCents, parseDate, parseEnum, parseText, type Parsed } from './values.ts';

/**
 * Validates budget.csv rows (issue 11): `amount,period_start,period_end,domain,funding_source,
 * description`. Every row is a new budget line; rows are independent of each other.
 */
export class BudgetValidator {
  constructor(private readonly delimiter: Delimiter) {}

  check(cells: Cells, report: RowReport): BudgetRow | null {
    const amount = this.required(cells, 'amount', report, 'amount is required, in euros', (raw) =>
      parseAmountCents(raw, this.delimiter, 'amount'),
    );
    const periodStart = this.required(
      cells,
      'period_start',
      report,
      'period_start is required, as YYYY-MM-DD or DD-MM-YYYY',
      (raw) => parseDate(raw, 'period_start'),
    );
    const periodEnd = this.required(
      cells,
      'period_end',
      report,
      'period_end is required, as YYYY-MM-DD or DD-MM-YYYY',
      (raw) => parseDate(raw, 'period_end'),
    );
    if (periodStart !== null && periodEnd !== null && periodEnd < periodStart) {
      report.add('period_end', `period_end ${periodEnd} is before period_start ${periodStart}`);
    }
    const domain = this.required(
      cells,
      'domain',
      report,
      `domain is required, one of ${BudgetDomain.options.join(', ')}`,
      (raw) => parseEnum(raw, BudgetDomain.options, 'domain'),
    );
    const fundingSource = this.required(
      cells,
      'funding_source',
      report,
      'funding_source is required: who pays, e.g. Participatiebudget',
      (raw) => parseText(raw, 'funding_source', 200),
    );
    const rawDescription = cells.get('description') ?? '';
    const description = parseText(rawDescription, 'description', 2000);
    if (!description.ok) report.add('description', description.error, description.rule);

    if (
      !report.ok ||
      amount === null ||
      periodStart === null ||
      periodEnd === null ||
      domain === null ||
      fundingSource === null
    )
      return null;
    const budget: BudgetLineFields = {
      amountCents: amount,
      periodStart,
      periodEnd,
      domain,
      fundingSource,
      description: rawDescription === '' ? null : rawDescription,
    };
    return { line: report.line, budget };
  }

  private required<T>(
    cells: Cells,
    column: string,
    report: RowReport,
    missing: string,
    parse: (raw: string) => Parsed<T>,
  ): T | null {
    const raw = cells.get(column) ?? '';
    if (raw === '') {
      report.add(column, missing);
      return null;
    }
    const parsed = parse(raw);
    if (parsed.ok) return parsed.value;
    report.add(column, parsed.error, parsed.rule);
    return null;
  }
}
