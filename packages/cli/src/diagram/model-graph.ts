import type {
  NodeDefinition,
  PropertyDefinition,
  RelationshipModelDefinition,
} from '@cartograph/core/internal';

/** One property as diagrams show it. */
export interface DiagramProperty {
  readonly name: string;
  /** Cartograph's type name: `string`, `integer`, `list<string>`, ... */
  readonly type: string;
  readonly required: boolean;
  readonly unique: boolean;
}

/** A node model or relationship model box. */
export interface DiagramEntity {
  readonly name: string;
  /** Node labels, or the relationship type of a relationship model. */
  readonly labels: readonly string[];
  readonly kind: 'node' | 'relationship';
  readonly properties: readonly DiagramProperty[];
}

/** A relationship between two node models, drawn once even when both ends declare it. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  /** `false` for `@Relationship` (either direction). */
  readonly directed: boolean;
  /** Cardinality of the `to` end seen from `from` (the declaring side), e.g. `ZeroOrMore`. */
  readonly cardinality: string;
  /** The relationship model holding its properties, if any. */
  readonly model: string | undefined;
}

/** What the registry's models look like, independent of the output format. */
export interface ModelGraph {
  readonly entities: readonly DiagramEntity[];
  readonly edges: readonly DiagramEdge[];
}

/** Builds the diagram model from registry definitions; deterministic (sorted) so diagrams diff well. */
export function buildModelGraph(
  nodes: readonly NodeDefinition[],
  relationshipModels: readonly RelationshipModelDefinition[],
): ModelGraph {
  const nameOf = new Map<unknown, string>(nodes.map((node) => [node.target, node.name]));
  const entities: DiagramEntity[] = [
    ...nodes.map((node) => ({
      name: node.name,
      labels: node.labels,
      kind: 'node' as const,
      properties: [...node.properties.values()].map(toProperty),
    })),
    ...relationshipModels.map((model) => ({
      name: model.name,
      labels: [model.type],
      kind: 'relationship' as const,
      properties: [...model.properties.values()].map(toProperty),
    })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const edges = new Map<string, DiagramEdge>();
  for (const node of nodes) {
    for (const relationship of node.relationships.values()) {
      const other = nameOf.get(relationship.target()) ?? relationship.target().name;
      const [from, to] = relationship.direction === 'in' ? [other, node.name] : [node.name, other];
      const directed = relationship.direction !== 'both';
      const key = directed
        ? `${from}\0${relationship.type}\0${to}`
        : [from, to].sort().concat(relationship.type).join('\0');
      // The outgoing side's cardinality describes the `to` end, so it wins over the incoming side's.
      if (edges.has(key) && relationship.direction === 'in') continue;
      edges.set(key, {
        from,
        to,
        type: relationship.type,
        directed,
        cardinality: relationship.direction === 'in' ? 'ZeroOrMore' : relationship.cardinality.name,
        model: relationship.model?.name,
      });
    }
  }
  const sortedEdges = [...edges.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.type.localeCompare(b.type) || a.to.localeCompare(b.to),
  );
  return { entities, edges: sortedEdges };
}

function toProperty(property: PropertyDefinition): DiagramProperty {
  return {
    name: property.name,
    type: property.type.name,
    required: property.required,
    unique: property.unique || property.isIdentity,
  };
}
