import type { InferredNode, InferredRelationship } from './inferred-schema';
import { camelCase, type NameScope } from './naming';
import type { DatabaseSnapshot } from './read-database';

/**
 * Adds relationship fields to the node classes: for each (type, start label, end label) seen in
 * the sample, an outgoing field on the start class and an incoming one on the end class. A label
 * set counts as its first label alphabetically. Field names are the camelCased type (`actedIn`)
 * and `<type>By` for the incoming side, suffixed with the other class when a type links one class
 * to several.
 */
export function addRelationships(
  snapshot: DatabaseSnapshot,
  nodes: Array<InferredNode & { relationships: InferredRelationship[] }>,
  relModelNames: ReadonlyMap<string, string>,
  fieldScopes: ReadonlyMap<string, NameScope>,
): void {
  const byLabel = new Map(nodes.map((node) => [node.label, node]));
  const pairs = new Map<string, { type: string; from: string; to: string }>();
  for (const row of snapshot.endpoints) {
    const from = [...row.from].sort()[0];
    const to = [...row.to].sort()[0];
    if (from === undefined || to === undefined || !byLabel.has(from) || !byLabel.has(to)) continue;
    pairs.set(`${row.type}\0${from}\0${to}`, { type: row.type, from, to });
  }
  const sorted = [...pairs.values()].sort(
    (a, b) => a.type.localeCompare(b.type) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  const count = (
    pick: (p: { type: string; from: string; to: string }) => string,
    type: string,
    label: string,
  ) => sorted.filter((p) => p.type === type && pick(p) === label).length;
  for (const pair of sorted) {
    const source = byLabel.get(pair.from)!;
    const target = byLabel.get(pair.to)!;
    const model = relModelNames.get(pair.type);
    const base = camelCase(pair.type);
    const outName = count((p) => p.from, pair.type, pair.from) > 1 ? `${base}${target.className}` : base;
    const inName = count((p) => p.to, pair.type, pair.to) > 1 ? `${base}By${source.className}` : `${base}By`;
    source.relationships.push({
      field: fieldScopes.get(pair.from)!.claim(outName),
      type: pair.type,
      direction: 'out',
      target: target.className,
      model,
    });
    target.relationships.push({
      field: fieldScopes.get(pair.to)!.claim(inName),
      type: pair.type,
      direction: 'in',
      target: source.className,
      model,
    });
  }
}
