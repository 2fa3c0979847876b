import type { Migration } from 'kysely';
import * as m001 from './001_initial.ts';

/** Numbered migrations, applied in order at start-up. Never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
};
