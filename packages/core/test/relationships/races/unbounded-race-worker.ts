// A separate Node process that relates pairs on an unbounded field on "go", against another one
// doing the same: each has its own driver. `relateMany` sends them in batches; `relate` and
// `connect` one call per pair, in order. Started by unbounded-relate-races.test.ts through tsx.
import 'reflect-metadata';
import {
  Node,
  NodeEntity,
  type NodeSet,
  Relationship,
  type RelationshipManager,
  StringProperty,
} from '../../../src';
import { Person } from '../../support/social-models';
import { runWorker, serveRaces } from './worker-loop';

/** An undirected field without bounds: `(a, b)` and `(b, a)` are one pair. */
@Node()
class Station extends NodeEntity {
  declare static readonly nodes: NodeSet<Station>;
  @StringProperty({ unique: true }) name!: string;
  @Relationship(() => Station, 'LINKED_TO') links!: RelationshipManager<Station>;
}

export type BulkWorkerRequest =
  | {
      kind: 'prepare';
      field: 'Person.friends' | 'Station.links';
      call: 'relateMany' | 'relate' | 'connect';
      pairs: { from: string; to: string }[];
    }
  | { kind: 'go' }
  | { kind: 'stop' };
export type BulkWorkerReply =
  | { kind: 'started' }
  | { kind: 'ready' }
  /** `relateMany`'s summary; for `relate` and `connect`, the element id each returned for each pair, in order. */
  | { kind: 'done'; created: number; existing: number; ids: string[] }
  | { kind: 'failed'; message: string };

type Done = Extract<BulkWorkerReply, { kind: 'done' }>;
type Prepare = Extract<BulkWorkerRequest, { kind: 'prepare' }>;

interface KeyedPair<K> {
  from: K;
  to: K;
}

async function inBulk(summary: Promise<{ created: number; existing: number }>): Promise<Done> {
  const { created, existing } = await summary;
  return { kind: 'done', created, existing, ids: [] };
}

async function oneByOne<K>(
  pairs: readonly KeyedPair<K>[],
  relate: (pair: KeyedPair<K>) => Promise<{ elementId?: string }>,
): Promise<Done> {
  const ids: string[] = [];
  for (const pair of pairs) ids.push((await relate(pair)).elementId ?? 'none');
  return { kind: 'done', created: 0, existing: 0, ids };
}

async function caller(request: Prepare): Promise<() => Promise<Done>> {
  const { call, pairs } = request;
  if (request.field === 'Person.friends') {
    const keyed = pairs.map((p) => ({ from: { email: p.from }, to: { email: p.to } }));
    if (call === 'relateMany') return () => inBulk(Person.relateMany('friends', keyed, { batchSize: 50 }));
    if (call === 'relate') return () => oneByOne(keyed, (p) => Person.relate(p.from, 'friends', p.to));
    // connect: the people are loaded before "go", as a request handler would have them.
    const people = new Map((await Person.nodes.all()).map((p) => [p.email, p]));
    return () => oneByOne(pairs, (p) => people.get(p.from)!.friends.connect(people.get(p.to)!));
  }
  const keyed = pairs.map((p) => ({ from: { name: p.from }, to: { name: p.to } }));
  if (call === 'relateMany') return () => inBulk(Station.relateMany('links', keyed, { batchSize: 50 }));
  if (call === 'relate') return () => oneByOne(keyed, (p) => Station.relate(p.from, 'links', p.to));
  const stations = new Map((await Station.nodes.all()).map((s) => [s.name, s]));
  return () => oneByOne(pairs, (p) => stations.get(p.from)!.links.connect(stations.get(p.to)!));
}

let relate = async (): Promise<Done> => ({ kind: 'done', created: 0, existing: 0, ids: [] });

runWorker(() =>
  serveRaces<Omit<Prepare, 'kind'>, Done>({
    async prepare(request) {
      relate = await caller(request);
    },
    go: () => relate(),
  }),
);
