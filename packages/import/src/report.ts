import type { ImportError } from './types.ts';

/** Collects a row's problems; the row is valid when none were reported. */
export class RowReport {
  readonly errors: ImportError[] = [];

  constructor(readonly line: number) {}

  add(column: string | null, message: string): void {
    this.errors.push({ line: this.line, column, message });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
