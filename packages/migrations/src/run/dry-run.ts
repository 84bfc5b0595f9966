import type { MigrationFile } from '../files/migration-file';
import type { MigrationRunItem } from '../types';
import { cypherStatements } from './execute-migration';

/** What a migration would run: the statements of a `.cypher` file; for `.ts`, a note. */
export async function dryRunItem(file: MigrationFile, direction: 'up' | 'down'): Promise<MigrationRunItem> {
  const base = { version: file.version, name: file.name, kind: file.kind };
  if (file.kind === 'cypher') return { ...base, statements: await cypherStatements(file, direction) };
  return {
    ...base,
    statements: [],
    note: `TypeScript migration: its Cypher is only known when ${direction}(ctx) runs.`,
  };
}
