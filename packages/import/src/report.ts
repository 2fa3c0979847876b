import type { RuleError } from '@wegwijzer/domain';
import type { ImportCode, ImportError } from './types.ts';

/** Collects a row's problems; the row is valid when none were reported. */
export class RowReport {
  readonly errors: ImportError[] = [];

  constructor(readonly line: number) {}

  /** A problem in `column`; `rule` is the shared rule's verdict, when one refused. */
  add(column: string | null, message: string, rule?: RuleError | { code: ImportCode }): void {
    this.errors.push({ line: this.line, column, message, ...rule });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
