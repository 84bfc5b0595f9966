// What one round of a race sets up, and which two moves race in it.
import type { Driver as Neo4jDriver } from 'neo4j-driver';
import type { Operation, RacedField } from './raced-fields';

/** One mutation: `owner.<field>.<op>(...)`, with `old` for reconnect/disconnect, `next` for the rest. */
export interface Move {
  readonly op: Operation;
  readonly owner: string;
  readonly old: string;
  readonly next: string;
}

export interface Round {
  readonly sharing: 'same source' | 'same target';
  readonly owners: readonly string[];
  readonly targets: readonly string[];
  /** Relationships present before the race, as [owner, target] names. */
  readonly edges: readonly (readonly [string, string])[];
  readonly moves: readonly [Move, Move];
}

/**
 * The starting graphs of a round. Same source: both moves act on owner o1 (with targets tA / tB).
 * Same target: o1 and o2 both move towards T. Variants cover connected and unconnected starts, and
 * a target already taken by someone else (so the reverse side's maximum is what refuses), and,
 * where the reverse side allows several, a target both owners leave (so its minimum refuses).
 */
export function roundsFor(field: RacedField, first: Operation, second: Operation): Round[] {
  const sameSource = (edges: [string, string][]): Round => ({
    sharing: 'same source',
    owners: ['o1', 'o2'],
    targets: ['t0', 'tA', 'tB'],
    edges,
    moves: [
      { op: first, owner: 'o1', old: 't0', next: 'tA' },
      { op: second, owner: 'o1', old: 't0', next: 'tB' },
    ],
  });
  const sameTarget = (edges: [string, string][]): Round => {
    const current = (owner: string, fallback: string) => edges.find(([o]) => o === owner)?.[1] ?? fallback;
    return {
      sharing: 'same target',
      owners: ['o1', 'o2'],
      targets: ['T', 't1', 't2'],
      edges,
      moves: [
        { op: first, owner: 'o1', old: current('o1', 't1'), next: 'T' },
        { op: second, owner: 'o2', old: current('o2', 't2'), next: 'T' },
      ],
    };
  };
  return [
    sameSource([['o1', 't0']]),
    sameSource([]),
    sameSource([
      ['o1', 't0'],
      ['o2', 'tA'],
    ]),
    sameTarget([
      ['o1', 't1'],
      ['o2', 't2'],
    ]),
    sameTarget([
      ['o1', 'T'],
      ['o2', 't2'],
    ]),
    sameTarget([]),
    // Only where a target may have several owners: both leave T, which must keep its minimum.
    field.targetBounds.max > 1 &&
      sameTarget([
        ['o1', 'T'],
        ['o2', 'T'],
      ]),
  ].filter((round): round is Round => round !== false);
}

/** Empties the graph and creates the round's starting nodes and relationships (direct Cypher). */
export async function setUpRound(driver: Neo4jDriver, field: RacedField, round: Round): Promise<void> {
  // Labels and type come from the constant field table above, never from input.
  await driver.executeQuery(
    `OPTIONAL MATCH (n) DETACH DELETE n
     WITH count(*) AS cleared
     UNWIND $owners AS name CREATE (:${field.owner.label} {name: name})
     WITH count(*) AS created
     UNWIND $targets AS name CREATE (:${field.target.label} {name: name})
     WITH count(*) AS created
     UNWIND $edges AS edge
     MATCH (o:${field.owner.label} {name: edge[0]}), (t:${field.target.label} {name: edge[1]})
     CREATE (o)-[:${field.type}]->(t)`,
    { owners: round.owners, targets: round.targets, edges: round.edges },
  );
}

export function describeRound(field: RacedField, round: Round): string {
  const moves = round.moves.map(
    (m) =>
      `${m.owner}.${m.op}(${m.op === 'disconnectAll' ? '' : m.op === 'reconnect' ? `${m.old}, ${m.next}` : m.op === 'disconnect' ? m.old : m.next})`,
  );
  const start = round.edges.map(([o, t]) => `${o}->${t}`).join(' ') || 'nothing connected';
  return `${field.key}, ${round.sharing}, start ${start}: ${moves.join(' vs ')}`;
}
