import { describeSchemaItem, type SchemaItem } from './schema-item';

/**
 * Why `actual` does not implement `planned`, or `undefined` when it does. Names are not compared
 * (callers pair items by name first, then by definition). Fulltext indexes compare labels and
 * properties as sets, every other item in order, since composite keys are ordered.
 */
export function definitionDifference(planned: SchemaItem, actual: SchemaItem): string | undefined {
  const differences: string[] = [];
  if (planned.kind !== actual.kind || planned.type !== actual.type || planned.entity !== actual.entity) {
    differences.push(
      `it is a ${actual.type} ${actual.kind} where the models declare a ${planned.type} ${planned.kind}`,
    );
  }
  const asSet = planned.type === 'FULLTEXT';
  if (!sameList(planned.labels, actual.labels, asSet)) {
    differences.push(
      `it covers ${actual.labels.join('|') || '(none)'} instead of ${planned.labels.join('|')}`,
    );
  }
  if (!sameList(planned.properties, actual.properties, asSet)) {
    differences.push(
      `its properties are (${actual.properties.join(', ')}) instead of (${planned.properties.join(', ')})`,
    );
  }
  if ((planned.propertyType ?? '') !== (actual.propertyType ?? '')) {
    differences.push(
      `its type is ${actual.propertyType ?? '(none)'} instead of ${planned.propertyType ?? '(none)'}`,
    );
  }
  for (const [key, value] of Object.entries(planned.options)) {
    if (!sameOption(value, actual.options[key])) {
      differences.push(`its ${key} is ${String(actual.options[key])} instead of ${String(value)}`);
    }
  }
  return differences.length === 0 ? undefined : differences.join('; ');
}

/** The sentence a conflict carries: what exists, what is declared, how they differ. */
export function conflictReason(planned: SchemaItem, actual: SchemaItem, difference: string): string {
  const sameName = planned.name === actual.name;
  const head = sameName
    ? `The database has ${describeSchemaItem(actual)}, but the models declare ${describeSchemaItem(planned)}`
    : `The database already has ${describeSchemaItem(actual)} under another name; the models call it ${planned.name}`;
  return `${head}${difference ? `: ${difference}` : ''}. Sync with drop enabled to replace it.`;
}

function sameList(a: readonly string[], b: readonly string[], asSet: boolean): boolean {
  if (a.length !== b.length) return false;
  const left = asSet ? [...a].sort() : a;
  const right = asSet ? [...b].sort() : b;
  return left.every((value, i) => value === right[i]);
}

/** Neo4j reports `COSINE` for `cosine` and integers for dimensions; compare loosely by text. */
function sameOption(planned: unknown, actual: unknown): boolean {
  return String(planned).toLowerCase() === String(actual).toLowerCase();
}
