import type { SchemaDiff, SchemaItem } from '@cartograph/schema';
import type { Output } from '../runtime/output';

/** A diff as JSON: items flattened to plain objects, with the verdict and the statements. */
export function diffToJson(diff: SchemaDiff, inSync: boolean, statements: readonly string[]) {
  const item = (entry: SchemaItem) => ({
    name: entry.name,
    kind: entry.kind,
    type: entry.type,
    entity: entry.entity,
    labels: entry.labels,
    properties: entry.properties,
    ...(entry.source ? { source: entry.source } : {}),
  });
  return {
    inSync,
    toCreate: diff.toCreate.map(item),
    toDrop: diff.toDrop.map(item),
    unchanged: diff.unchanged.map(item),
    conflicts: diff.conflicts.map((c) => ({
      name: c.name,
      reason: c.reason,
      planned: item(c.planned),
      actual: item(c.actual),
    })),
    adopted: diff.adopted.map((a) => ({ name: a.name, planned: item(a.planned), actual: item(a.actual) })),
    unsupported: diff.unsupported.map((u) => ({ ...item(u.item), reason: u.reason })),
    statements,
  };
}

/**
 * The diff as an aligned table, one row per constraint or index, with what will happen to it.
 * Drops only happen with `--drop`, so without it they are shown as "undeclared".
 */
export function printDiff(output: Output, diff: SchemaDiff, drop: boolean): void {
  const { green, red, yellow, dim, magenta } = output.colors;
  const on = (entry: SchemaItem) =>
    `${entry.entity === 'node' ? `(:${entry.labels.join('|')})` : `[:${entry.labels.join('|')}]`} ${entry.properties.join(', ')}`;
  const rows: string[][] = [
    ...diff.toCreate.map((e) => [green('+ create'), e.name, e.type, on(e), e.source ?? '']),
    ...diff.conflicts.map((c) => [
      yellow(drop ? '~ replace' : '! conflict'),
      c.name,
      c.planned.type,
      on(c.planned),
      c.planned.source ?? '',
    ]),
    ...diff.toDrop.map((e) => [drop ? red('- drop') : dim('  undeclared'), e.name, e.type, on(e), '']),
    ...diff.unsupported.map((u) => [
      magenta('? unsupported'),
      u.item.name,
      u.item.type,
      on(u.item),
      u.item.source ?? '',
    ]),
    ...diff.unchanged.map((e) => [dim('= unchanged'), e.name, e.type, on(e), e.source ?? '']),
    ...diff.adopted.map((a) => [
      dim('= adopted'),
      a.actual.name,
      a.actual.type,
      on(a.actual),
      a.planned.source ?? '',
    ]),
  ];
  if (rows.length === 0) {
    output.line(dim('No constraints or indexes planned or present.'));
    return;
  }
  output.table(['change', 'name', 'type', 'on', 'declared by'], rows);
  for (const conflict of diff.conflicts) output.line(yellow(`! ${conflict.name}: ${conflict.reason}`));
  if (diff.adopted.length > 0) {
    output.line(
      dim(
        `${diff.adopted.length} item(s) exist under another name than the models would give them; they are kept as they are.`,
      ),
    );
  }
  for (const unsupported of diff.unsupported) output.line(magenta(`? ${unsupported.reason}`));
  if (!drop && diff.toDrop.length > 0) {
    output.line(
      dim(`${diff.toDrop.length} item(s) in the database are declared by no model; --drop removes them.`),
    );
  }
}

/** Statements as a Cypher listing (what `--dry-run` prints). */
export function printStatements(output: Output, title: string, statements: readonly string[]): void {
  if (statements.length === 0) return;
  output.line();
  output.line(output.colors.bold(title));
  for (const statement of statements) output.line(`${statement};`);
}
