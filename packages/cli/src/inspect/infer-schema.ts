import { schemaName } from '@cartograph/core/internal';
import { BOOKKEEPING_LABEL_PREFIX } from '@cartograph/schema';
import { addRelationships } from './infer-relationships';
import type {
  InferredProperty,
  InferredRelationship,
  InferredRelationshipModel,
  InferredSchema,
} from './inferred-schema';
import { camelCase, isIdentifier, kebabCase, NameScope, pascalCase } from './naming';
import type { DatabaseSnapshot, SchemaRow } from './read-database';
import { CORE_IMPORT_NAMES, NODE_MEMBERS, REL_MEMBERS } from './reserved-names';
import { mapPropertyTypes, type PropertyMapping } from './type-mapping';

export type {
  InferredNode,
  InferredProperty,
  InferredRelationship,
  InferredRelationshipModel,
  InferredSchema,
} from './inferred-schema';

/**
 * Decides the classes, fields and relationships to generate from what the database holds. A node
 * with several labels contributes to each label's class; relationship ends are attributed to
 * the first label (alphabetically) of each end's label set.
 */
export function inferSchema(input: DatabaseSnapshot): InferredSchema {
  const snapshot = withoutIgnored(input, []); // never model the bookkeeping, whoever calls this
  const classNames = new NameScope(CORE_IMPORT_NAMES);
  // Labels with a constraint or index but no node yet are modelled too, so nothing is left out.
  const schemaLabels = snapshot.schema
    .filter((row) => row.entity === 'NODE' && row.labelsOrTypes.length === 1)
    .map((row) => row.labelsOrTypes[0]!);
  const labels = [...new Set([...snapshot.nodeTypes.flatMap((row) => row.labels), ...schemaLabels])].sort();
  const nodeNames = new Map(
    labels.map((label) => [label, classNames.claim(pascalCase(label), `${pascalCase(label)}Node`)]),
  );
  const relTypes = [...new Set(snapshot.relTypes.map((row) => row.type))].sort();
  const relModels: InferredRelationshipModel[] = [];
  const relModelNames = new Map<string, string>();
  for (const type of relTypes) {
    const rows = snapshot.relTypes.filter((row) => row.type === type && row.property !== null);
    if (rows.length === 0) continue;
    const className = classNames.claim(pascalCase(type), `${pascalCase(type)}Rel`);
    relModelNames.set(type, className);
    const fields = new NameScope(REL_MEMBERS);
    const properties = rows
      .sort((a, b) => a.property!.localeCompare(b.property!))
      .map((row) =>
        toProperty(
          row.property!,
          row.types,
          row.mandatory,
          fields,
          schemaFor(snapshot.schema, 'RELATIONSHIP', type),
        ),
      );
    relModels.push({ type, className, fileName: kebabCase(className), properties });
  }
  const fieldScopes = new Map(labels.map((label) => [label, new NameScope(NODE_MEMBERS)]));
  const nodes = labels.map((label) => ({
    label,
    className: nodeNames.get(label)!,
    fileName: kebabCase(nodeNames.get(label)!),
    properties: nodeProperties(snapshot, label, fieldScopes.get(label)!),
    relationships: [] as InferredRelationship[],
  }));
  addRelationships(snapshot, nodes, relModelNames, fieldScopes);
  return { nodes, relationshipModels: relModels };
}

function nodeProperties(snapshot: DatabaseSnapshot, label: string, fields: NameScope): InferredProperty[] {
  const combos = snapshot.nodeTypes.filter((row) => row.labels.includes(label));
  const comboKeys = [...new Set(combos.map((row) => row.labels.join('\0')))];
  const schema = schemaFor(snapshot.schema, 'NODE', label);
  // A constraint or index on a property no node has yet still belongs in the model: otherwise the
  // next `schema diff --drop` would offer to drop it. Its type cannot be seen; String is assumed.
  const schemaKeys = schema.filter((row) => row.properties.length === 1).map((row) => row.properties[0]!);
  const dataKeys = new Set(combos.flatMap((row) => (row.property === null ? [] : [row.property])));
  const keys = [...new Set([...dataKeys, ...schemaKeys])].sort();
  return keys.map((key) => {
    if (!dataKeys.has(key)) return toProperty(key, ['String'], false, fields, schema, true);
    const rows = combos.filter((row) => row.property === key);
    // Required only when every label combination carrying this label always has the property.
    const required = rows.length === comboKeys.length && rows.every((row) => row.mandatory);
    return toProperty(
      key,
      rows.flatMap((row) => row.types),
      required,
      fields,
      schema,
    );
  });
}

function toProperty(
  key: string,
  types: readonly string[],
  required: boolean,
  fields: NameScope,
  schema: readonly SchemaRow[],
  schemaOnly = false,
): InferredProperty {
  const preferred = isIdentifier(key) ? key : camelCase(key);
  const field = fields.claim(preferred, `${preferred}Property`);
  const single = schema.filter((row) => row.properties.length === 1 && row.properties[0] === key);
  const mapping = mapPropertyTypes(types);
  const index = single.find((row) => row.kind === 'index');
  const unique = single.find((row) => row.kind === 'unique');
  const indexKind = index === undefined ? false : indexOption(index.indexType, mapping);
  // An adopted constraint or index keeps its name: the model names it unless the plan would anyway.
  const keptName = (row: SchemaRow | undefined, suffix: string) =>
    row?.name !== undefined &&
    row.labelsOrTypes.length === 1 &&
    row.name !== schemaName(row.labelsOrTypes[0]!, key, suffix)
      ? row.name
      : undefined;
  const constraintName = keptName(unique, 'unique');
  const naturalIndex = mapping?.decorator === 'PointProperty' ? 'point' : 'range';
  const indexName =
    indexKind === false ? undefined : keptName(index, indexKind === true ? naturalIndex : indexKind);
  return {
    key,
    field,
    neo4jTypes: [...new Set(types)].sort(),
    mapping,
    required,
    unique: unique !== undefined,
    index: indexKind,
    ...(schemaOnly ? { schemaOnly: true } : {}),
    ...(constraintName === undefined ? {} : { constraintName }),
    ...(indexName === undefined ? {} : { indexName }),
  };
}

/** RANGE (and POINT on a point) is the natural index of a type; TEXT must be named; others need options we cannot infer. */
function indexOption(indexType: string, mapping: PropertyMapping | undefined): boolean | string {
  if (indexType === 'RANGE') return true;
  if (indexType === 'POINT') return mapping?.decorator === 'PointProperty' ? true : 'point';
  if (indexType === 'TEXT') return 'text';
  return false;
}

function schemaFor(schema: readonly SchemaRow[], entity: SchemaRow['entity'], name: string): SchemaRow[] {
  return schema.filter(
    (row) => row.entity === entity && row.labelsOrTypes.length === 1 && row.labelsOrTypes[0] === name,
  );
}

/**
 * The snapshot without Cartograph's own bookkeeping (labels starting with `__Cartograph`, such as
 * `__CartographMigration`) and without the labels and relationship types in `ignore`: neither
 * becomes a model, so `schema sync --drop` never sees their constraints as declared.
 */
export function withoutIgnored(snapshot: DatabaseSnapshot, ignore: readonly string[]): DatabaseSnapshot {
  const skip = (name: string) => name.startsWith(BOOKKEEPING_LABEL_PREFIX) || ignore.includes(name);
  return {
    nodeTypes: snapshot.nodeTypes.filter((row) => !row.labels.some(skip)),
    relTypes: snapshot.relTypes.filter((row) => !skip(row.type)),
    endpoints: snapshot.endpoints.filter(
      (row) => !skip(row.type) && !row.from.some(skip) && !row.to.some(skip),
    ),
    schema: snapshot.schema.filter((row) => !row.labelsOrTypes.some(skip)),
  };
}
