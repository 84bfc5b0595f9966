import type { CreateConstraint, CreateIndex, SchemaCommand } from '../ast/schema-commands';
import { InvalidQueryError } from '../errors';
import { assertSchemaName } from '../validation/names';
import { normalizePropertyType } from '../validation/property-types';
import { assertConstraint, assertIndex } from '../validation/schema-commands';
import { escapeIdentifier } from './identifier';

/** Renders a schema command. Schema commands never take parameters. */
export function renderSchemaCommand(command: SchemaCommand): string {
  switch (command.kind) {
    case 'CreateConstraint':
      return renderCreateConstraint(command);
    case 'DropConstraint':
      assertSchemaName(command.name);
      return `DROP CONSTRAINT ${escapeIdentifier(command.name)}${command.ifExists ? ' IF EXISTS' : ''}`;
    case 'CreateIndex':
      return renderCreateIndex(command);
    case 'DropIndex':
      assertSchemaName(command.name);
      return `DROP INDEX ${escapeIdentifier(command.name)}${command.ifExists ? ' IF EXISTS' : ''}`;
    case 'ShowConstraints':
      return 'SHOW CONSTRAINTS YIELD *';
    case 'ShowIndexes':
      return 'SHOW INDEXES YIELD *';
    default: {
      const kind: unknown = (command as { kind?: unknown }).kind;
      throw new InvalidQueryError(`Unknown schema command kind ${JSON.stringify(String(kind))}`);
    }
  }
}

/** `(n:Label)` or `()-[r:TYPE]-()`, plus the variable the rest of the command refers to. */
function target(
  entity: 'node' | 'relationship',
  labels: readonly string[],
): [pattern: string, variable: string] {
  const names = labels.map(escapeIdentifier).join('|');
  return entity === 'node' ? [`(n:${names})`, 'n'] : [`()-[r:${names}]-()`, 'r'];
}

function propertyList(variable: string, properties: readonly string[]): string {
  return properties.map((key) => `${variable}.${escapeIdentifier(key)}`).join(', ');
}

function renderCreateConstraint(command: CreateConstraint): string {
  assertConstraint(command);
  const [pattern, v] = target(command.entity, [command.label]);
  const head = `CREATE CONSTRAINT ${escapeIdentifier(command.name)}${command.ifNotExists ? ' IF NOT EXISTS' : ''}`;
  const props = propertyList(v, command.properties);
  let requirement: string;
  switch (command.constraint) {
    case 'unique':
      requirement = `(${props}) IS UNIQUE`;
      break;
    case 'nodeKey':
      requirement = `(${props}) IS NODE KEY`;
      break;
    case 'relationshipKey':
      requirement = `(${props}) IS RELATIONSHIP KEY`;
      break;
    case 'exists':
      requirement = `${props} IS NOT NULL`;
      break;
    case 'propertyType':
      requirement = `${props} IS :: ${normalizePropertyType(command.propertyType ?? '')}`;
      break;
  }
  return `${head} FOR ${pattern} REQUIRE ${requirement}`;
}

const INDEX_KEYWORD = {
  range: 'INDEX',
  text: 'TEXT INDEX',
  point: 'POINT INDEX',
  fulltext: 'FULLTEXT INDEX',
  vector: 'VECTOR INDEX',
} as const;

function renderCreateIndex(command: CreateIndex): string {
  assertIndex(command);
  const [pattern, v] = target(command.entity, command.labels);
  const props = propertyList(v, command.properties);
  let text =
    `CREATE ${INDEX_KEYWORD[command.type]} ${escapeIdentifier(command.name)}` +
    `${command.ifNotExists ? ' IF NOT EXISTS' : ''} FOR ${pattern} ` +
    (command.type === 'fulltext' ? `ON EACH [${props}]` : `ON (${props})`);
  const options = command.options;
  if (options !== undefined) {
    // Neo4j does not accept parameters in OPTIONS; both values were validated by assertIndex.
    const config: string[] = [];
    if (options.dimensions !== undefined)
      config.push(`${escapeIdentifier('vector.dimensions')}: ${options.dimensions}`);
    if (options.similarity !== undefined) {
      config.push(`${escapeIdentifier('vector.similarity_function')}: '${options.similarity}'`);
    }
    if (config.length > 0) text += ` OPTIONS {indexConfig: {${config.join(', ')}}}`;
  }
  return text;
}
