import type { SchemaDiff } from './diff-schema';
import { createStatementFor, dropStatementFor } from './schema-commands';

/** Whether a diff may drop what the models do not declare. */
export interface SchemaStatementOptions {
  /** Drop undeclared items and replace conflicting ones; without it both are left alone. */
  readonly drop: boolean;
}

/**
 * The Cypher that applies a diff, one schema command per entry, drops first (so a conflicting
 * item frees its name and definition before its replacement is created). Creates use
 * `IF NOT EXISTS` and drops `IF EXISTS`, so the list is safe to run twice. Unsupported items
 * produce nothing.
 */
export function schemaStatements(diff: SchemaDiff, options: SchemaStatementOptions): string[] {
  const statements: string[] = [];
  if (options.drop) {
    statements.push(...diff.toDrop.map(dropStatementFor));
    statements.push(...diff.conflicts.map((conflict) => dropStatementFor(conflict.actual)));
  }
  statements.push(...diff.toCreate.map(createStatementFor));
  if (options.drop)
    statements.push(...diff.conflicts.map((conflict) => createStatementFor(conflict.planned)));
  return statements;
}

/**
 * The Cypher that undoes {@link schemaStatements} for the same diff and options, in reverse
 * order: drops what it creates and recreates what it drops. A migration generator writes these
 * as the `down` half.
 */
export function schemaDownStatements(diff: SchemaDiff, options: SchemaStatementOptions): string[] {
  // The inverse of each forward statement, in forward order, then reversed as a whole.
  const inverses: string[] = [];
  if (options.drop) {
    inverses.push(...diff.toDrop.map(createStatementFor));
    inverses.push(...diff.conflicts.map((conflict) => createStatementFor(conflict.actual)));
  }
  inverses.push(...diff.toCreate.map(dropStatementFor));
  if (options.drop) inverses.push(...diff.conflicts.map((conflict) => dropStatementFor(conflict.planned)));
  return inverses.reverse();
}
