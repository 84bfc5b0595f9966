import type {
  NodePattern,
  PathLength,
  Pattern,
  PatternProperties,
  RelationshipPattern,
} from '../ast/patterns';
import { InvalidQueryError } from '../errors';
import { assertPathLength } from '../validation/clauses';
import type { RenderContext } from './context';
import { renderLabels, renderMap } from './expressions';
import { escapeIdentifier } from './identifier';

/** Renders `[p = ](a)-[r]->(b)...` */
export function renderPattern(pattern: Pattern, ctx: RenderContext): string {
  let text = pattern.pathVariable === undefined ? '' : `${escapeIdentifier(pattern.pathVariable)} = `;
  text += renderNode(pattern.start, ctx);
  for (const [relationship, target] of pattern.steps) {
    text += renderRelationship(relationship, ctx) + renderNode(target, ctx);
  }
  return text;
}

/** Renders comma-separated patterns, as MATCH and CREATE take them. */
export function renderPatterns(patterns: readonly Pattern[], ctx: RenderContext, clause: string): string {
  if (patterns.length === 0) throw new InvalidQueryError(`${clause} needs at least one pattern`);
  let text = '';
  for (let i = 0; i < patterns.length; i++) {
    text += (i === 0 ? '' : ', ') + renderPattern(patterns[i] as Pattern, ctx);
  }
  return text;
}

function renderNode(node: NodePattern, ctx: RenderContext): string {
  const head =
    (node.variable === undefined ? '' : escapeIdentifier(node.variable)) + renderLabels(node.labels);
  if (node.properties === undefined) return `(${head})`;
  return `(${head}${head === '' ? '' : ' '}${renderProperties(node.properties, ctx)})`;
}

function renderRelationship(relationship: RelationshipPattern, ctx: RenderContext): string {
  let inner = relationship.variable === undefined ? '' : escapeIdentifier(relationship.variable);
  const { types } = relationship;
  for (let i = 0; i < types.length; i++)
    inner += (i === 0 ? ':' : '|') + escapeIdentifier(types[i] as string);
  if (relationship.length !== undefined) inner += renderLength(relationship.length);
  if (relationship.properties !== undefined) {
    inner += (inner === '' ? '' : ' ') + renderProperties(relationship.properties, ctx);
  }
  const body = inner === '' ? '--' : `-[${inner}]-`;
  switch (relationship.direction) {
    case 'out':
      return `${body}>`;
    case 'in':
      return `<${body}`;
    case 'both':
      return body;
    default:
      throw new InvalidQueryError(
        `Unknown relationship direction ${JSON.stringify(String(relationship.direction))}`,
      );
  }
}

function renderLength(length: PathLength): string {
  assertPathLength(length);
  const { min, max } = length;
  if (min === undefined && max === undefined) return '*';
  if (min === max) return `*${min}`;
  return `*${min ?? ''}..${max ?? ''}`;
}

function renderProperties(properties: PatternProperties, ctx: RenderContext): string {
  if (properties.kind === 'Param') return ctx.params.placeholder(properties);
  return renderMap(properties.entries, ctx);
}
