import { type Integer, isInt, isNode, isPath, isRelationship } from 'neo4j-driver';

/**
 * Converts driver values into plain JavaScript: integers become numbers (bigint past 2^53), nodes
 * and relationships become `{ elementId, labels|type, properties }`, lists and maps recurse.
 * Temporal and spatial values stay driver objects, since JS has no lossless equivalent.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isInt(value)) return integerToPlain(value as Integer);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value)) {
    return { elementId: value.elementId, labels: value.labels, properties: plainMap(value.properties) };
  }
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: plainMap(value.properties),
    };
  }
  if (isPath(value)) {
    return {
      start: toPlain(value.start),
      end: toPlain(value.end),
      segments: value.segments.map((s) => toPlain(s.relationship)),
    };
  }
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  return value;
}

function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) out[key] = toPlain(map[key]);
  return out;
}

function integerToPlain(value: Integer): number | bigint {
  return value.inSafeRange() ? value.toNumber() : value.toBigInt();
}
