// What one round of a relationship race sets up, which two mutations race, and what must hold after.
import type { Driver as Neo4jDriver } from 'neo4j-driver';
import type { NodeEntity, RelationshipManager } from '../../../src';
import { Car, Driver, Student, Topic } from '../../support/assignment-models';

export const operations = ['connect', 'replace', 'reconnect', 'disconnect', 'disconnectAll'] as const;
export type Operation = (typeof operations)[number];

/** A relationship field raced on, with the bounds of both its ends. */
export interface RacedField {
  readonly key: 'student-pick' | 'car-owner';
  readonly description: string;
  readonly owner: { readonly model: typeof Student | typeof Car; readonly label: string };
  readonly target: { readonly model: typeof Topic | typeof Driver; readonly label: string };
  readonly field: 'pick' | 'owner';
  readonly type: string;
  readonly ownerBounds: { readonly min: number; readonly max: number };
  readonly targetMax: number;
}

export const racedFields: readonly RacedField[] = [
  {
    key: 'student-pick',
    description: 'Student.pick (ZeroOrOne) / Topic.pickedBy (ZeroOrOne)',
    owner: { model: Student, label: 'Student' },
    target: { model: Topic, label: 'Topic' },
    field: 'pick',
    type: 'PICKED',
    ownerBounds: { min: 0, max: 1 },
    targetMax: 1,
  },
  {
    key: 'car-owner',
    description: 'Car.owner (One) / Driver.car (ZeroOrOne)',
    owner: { model: Car, label: 'Car' },
    target: { model: Driver, label: 'Driver' },
    field: 'owner',
    type: 'OWNED_BY',
    ownerBounds: { min: 1, max: 1 },
    targetMax: 1,
  },
];

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
 * a target already taken by someone else (so the reverse side's maximum is what refuses).
 */
export function roundsFor(first: Operation, second: Operation): Round[] {
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
  ];
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

/** The entities a move needs, loaded through the OGM. */
export interface MoveEntities {
  readonly manager: RelationshipManager<NodeEntity>;
  readonly old: NodeEntity;
  readonly next: NodeEntity;
}

/** Loads the entities of `moves` in two queries (every node of the round is small and known). */
export async function loadMoves(field: RacedField, moves: readonly Move[]): Promise<MoveEntities[]> {
  const ownerModel = field.owner.model as unknown as typeof Student;
  const targetModel = field.target.model as unknown as typeof Topic;
  const [owners, targets] = await Promise.all([ownerModel.nodes.all(), targetModel.nodes.all()]);
  const byName = <T extends { name: string }>(nodes: T[], name: string) =>
    nodes.find((n) => n.name === name)!;
  return moves.map((move) => {
    const owner = byName(owners, move.owner) as unknown as Record<string, RelationshipManager<NodeEntity>>;
    return {
      manager: owner[field.field]!,
      old: byName(targets, move.old),
      next: byName(targets, move.next),
    };
  });
}

export async function runMove(move: Move, entities: MoveEntities): Promise<void> {
  const { manager, old, next } = entities;
  switch (move.op) {
    case 'connect':
      await manager.connect(next);
      return;
    case 'replace':
      await manager.replace([next]);
      return;
    case 'reconnect':
      await manager.reconnect(old, next);
      return;
    case 'disconnect':
      await manager.disconnect(old);
      return;
    case 'disconnectAll':
      await manager.disconnectAll();
      return;
  }
}

/** How a move ended, in a form that crosses a process boundary. */
export type Outcome = { ok: true } | { ok: false; name: string; code?: string; message: string };

export function outcomeOf(result: PromiseSettledResult<unknown>): Outcome {
  if (result.status === 'fulfilled') return { ok: true };
  const error = result.reason as Error & { code?: unknown };
  return {
    ok: false,
    name: error?.name ?? 'unknown',
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: String(error?.message ?? error),
  };
}

/** A loser may be refused with a typed error; anything else is a defect. */
export function isLegitimateRefusal(outcome: Outcome): boolean {
  return (
    outcome.ok ||
    outcome.code === 'ATTEMPTED_CARDINALITY_VIOLATION' ||
    // reconnect / disconnect from a node the other move already took away
    outcome.code === 'NOT_RELATED'
  );
}

/** Counts both ends with direct Cypher and describes every bound the graph now breaks. */
export async function violationsAfter(
  driver: Neo4jDriver,
  field: RacedField,
  round: Round,
): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (o:${field.owner.label})
     RETURN 'owner' AS side, o.name AS name, COUNT { (o)-[:${field.type}]->(:${field.target.label}) } AS n
     UNION ALL
     MATCH (t:${field.target.label})
     RETURN 'target' AS side, t.name AS name, COUNT { (:${field.owner.label})-[:${field.type}]->(t) } AS n`,
  );
  const violations: string[] = [];
  for (const record of records) {
    const [side, name, n] = [
      record.get('side') as string,
      record.get('name') as string,
      Number(record.get('n')),
    ];
    const startedWith = round.edges.filter(([o, t]) => (side === 'owner' ? o : t) === name).length;
    if (side === 'owner') {
      if (n > field.ownerBounds.max)
        violations.push(`${name} has ${n} ${field.type} (max ${field.ownerBounds.max})`);
      if (n < field.ownerBounds.min && startedWith >= field.ownerBounds.min)
        violations.push(`${name} has ${n} ${field.type} (min ${field.ownerBounds.min})`);
    } else if (n > field.targetMax) {
      violations.push(`${name} has ${n} incoming ${field.type} (max ${field.targetMax})`);
    }
  }
  return violations;
}

export function describeRound(field: RacedField, round: Round): string {
  const moves = round.moves.map(
    (m) =>
      `${m.owner}.${m.op}(${m.op === 'disconnectAll' ? '' : m.op === 'reconnect' ? `${m.old}, ${m.next}` : m.op === 'disconnect' ? m.old : m.next})`,
  );
  const start = round.edges.map(([o, t]) => `${o}->${t}`).join(' ') || 'nothing connected';
  return `${field.key}, ${round.sharing}, start ${start}: ${moves.join(' vs ')}`;
}
