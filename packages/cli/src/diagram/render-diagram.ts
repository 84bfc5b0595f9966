import type { DiagramEdge, DiagramProperty, ModelGraph } from './model-graph';

/** The diagram formats `cartograph diagram` writes. */
export const DIAGRAM_FORMATS = ['mermaid', 'er', 'dot'] as const;
/** One of {@link DIAGRAM_FORMATS}. */
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/** Renders the model graph as Mermaid classDiagram, Mermaid erDiagram, or Graphviz DOT. */
export function renderDiagram(graph: ModelGraph, format: DiagramFormat): string {
  if (format === 'mermaid') return mermaidClassDiagram(graph);
  if (format === 'er') return mermaidErDiagram(graph);
  return graphvizDot(graph);
}

const MERMAID_MULTIPLICITY: Record<string, string> = {
  ZeroOrMore: '0..*',
  OneOrMore: '1..*',
  ZeroOrOne: '0..1',
  One: '1',
};

function mermaidClassDiagram(graph: ModelGraph): string {
  const lines = ['classDiagram'];
  for (const entity of graph.entities) {
    lines.push(`  class ${entity.name} {`);
    lines.push(`    <<${entity.kind === 'node' ? entity.labels.join(':') : `rel ${entity.labels[0]}`}>>`);
    for (const property of entity.properties) {
      const type = property.type.replace(/[<>]/g, '~');
      lines.push(
        `    +${type} ${property.name}${property.required ? '' : '?'}${property.unique ? ' [unique]' : ''}`,
      );
    }
    lines.push('  }');
  }
  for (const edge of graph.edges) {
    const arrow = edge.directed ? '-->' : '--';
    const multiplicity = MERMAID_MULTIPLICITY[edge.cardinality] ?? '0..*';
    lines.push(`  ${edge.from} ${arrow} "${multiplicity}" ${edge.to} : ${edgeLabel(edge)}`);
  }
  return `${lines.join('\n')}\n`;
}

// erDiagram writes the far end's cardinality next to it: `A ||--o{ B` = one A, zero or more B.
const ER_RIGHT: Record<string, string> = { ZeroOrMore: 'o{', OneOrMore: '|{', ZeroOrOne: 'o|', One: '||' };

function mermaidErDiagram(graph: ModelGraph): string {
  const lines = ['erDiagram'];
  for (const entity of graph.entities) {
    if (entity.kind !== 'node') continue; // relationship properties go on the relationship label
    lines.push(`  ${entity.name} {`);
    for (const property of entity.properties) lines.push(`    ${erAttribute(property)}`);
    lines.push('  }');
  }
  const relationshipProperties = new Map(
    graph.entities.filter((e) => e.kind === 'relationship').map((e) => [e.name, e.properties]),
  );
  for (const edge of graph.edges) {
    const props = edge.model ? (relationshipProperties.get(edge.model) ?? []) : [];
    const suffix = props.length > 0 ? ` {${props.map((p) => p.name).join(', ')}}` : '';
    const link = edge.directed ? '--' : '..';
    lines.push(
      `  ${edge.from} }o${link}${ER_RIGHT[edge.cardinality] ?? 'o{'} ${edge.to} : "${edge.type}${suffix}"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function erAttribute(property: DiagramProperty): string {
  const type = property.type.replace(/\W+/g, '_').replace(/_+$/, '');
  const key = property.unique ? ' UK' : '';
  return `${type} ${property.name}${key}${property.required ? '' : ' "optional"'}`;
}

function graphvizDot(graph: ModelGraph): string {
  const lines = [
    'digraph cartograph {',
    '  rankdir=LR;',
    '  node [shape=record, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const entity of graph.entities) {
    const title = entity.kind === 'node' ? entity.name : `${entity.name}\\n[:${entity.labels[0]}]`;
    const fields = entity.properties
      .map((p) => `${p.name}${p.required ? '' : '?'}: ${p.type}${p.unique ? ' (unique)' : ''}\\l`)
      .map(escapeRecord)
      .join('');
    const style = entity.kind === 'relationship' ? ', style=dashed' : '';
    lines.push(`  ${quote(entity.name)} [label="{${escapeRecord(title)}|${fields}}"${style}];`);
  }
  for (const edge of graph.edges) {
    const direction = edge.directed ? '' : ', dir=none';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edgeLabel(edge))}${direction}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function edgeLabel(edge: DiagramEdge): string {
  return edge.model ? `${edge.type} (${edge.model})` : edge.type;
}

/** Record labels give `{}|<>` a meaning, and quotes end the attribute; escape them (not `\\l`/`\\n`). */
function escapeRecord(text: string): string {
  return text.replace(/(["{}|<>])/g, '\\$1');
}

function quote(text: string): string {
  return `"${text.replace(/(["\\])/g, '\\$1')}"`;
}
