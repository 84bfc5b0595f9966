// Cartograph, written as its docs recommend: one function per workload.
import {
  Graph,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '@cartograph/core';
import {
  ageWindow,
  emailsLine,
  FILTER_LIMIT,
  friendsLine,
  pairEmails,
  person,
  personLine,
  persons,
  visit,
} from '../data';
import { connection, type Job, type Outcome, type SystemSide } from '../protocol';
import { oneByOne } from '../sequential';

@Node()
class Person extends NodeEntity {
  declare static readonly nodes: NodeSet<Person>;
  @StringProperty({ unique: true, required: true }) email!: string;
  @StringProperty({ required: true }) name!: string;
  @IntegerProperty({ required: true }) age!: number;
  @RelationshipTo(() => Person, 'KNOWS') friends!: RelationshipManager<Person>;
}

let graph: Graph;

/** Bulk create, ids returned: one UNWIND per batch of 10k. */
async function bulkCreate(job: Job): Promise<Outcome> {
  const created = await Person.createMany([...persons(job.n)]);
  return { rows: new Set(created.map((p) => p.elementId)).size };
}

/** Bulk relate by key: one UNWIND statement per batch of 10k (no bound on `friends`: MERGE, no locks). */
async function bulkRelate(job: Job): Promise<Outcome> {
  const pairs = pairEmails(job.n, job.persons).map(({ from, to }) => ({
    from: { email: from },
    to: { email: to },
  }));
  await Person.relateMany('friends', pairs, { batchSize: 10_000 });
  return { rows: pairs.length };
}

/** One-by-one relate by key, without loading the ends: one statement per pair. */
async function relateOneByOne(job: Job): Promise<Outcome> {
  for (const { from, to } of pairEmails(job.n, job.persons)) {
    await Person.relate({ email: from }, 'friends', { email: to });
  }
  return { rows: job.n };
}

function pointReads(job: Job): Promise<Outcome> {
  return oneByOne(job.n, async (j) => {
    const found = await Person.nodes.get({ email: person(visit(j, job.persons)).email });
    return { rows: 1, line: personLine(found) };
  });
}

function filteredQueries(job: Job): Promise<Outcome> {
  return oneByOne(job.n, async (j) => {
    const { min, max } = ageWindow(j);
    const found = await Person.nodes
      .filter({ age: { gte: min, lte: max } })
      .orderBy('-age', 'email')
      .limit(FILTER_LIMIT)
      .all();
    return { rows: found.length, line: emailsLine(found) };
  });
}

function friendsOfFriends(job: Job): Promise<Outcome> {
  return oneByOne(job.n, async (j) => {
    const email = person(visit(j, job.persons)).email;
    const found = await Person.nodes
      .filter({ email })
      .traverse('friends')
      .traverse('friends')
      .distinct()
      .all();
    return {
      rows: found.length,
      line: friendsLine(
        email,
        found.map((p) => p.email),
      ),
    };
  });
}

async function loadModifySave(job: Job): Promise<Outcome> {
  for (let j = 0; j < job.n; j++) {
    const loaded = await Person.nodes.get({ email: person(visit(j, job.persons)).email });
    loaded.age += 1;
    await loaded.save();
  }
  return { rows: job.n };
}

/** The large import: rows generated as they are read, each batch of 10k committed on its own. */
async function importNodes(job: Job): Promise<Outcome> {
  const { written } = await Person.importMany(persons(job.n), { batchSize: 10_000 });
  return { rows: written };
}

const side: SystemSide = {
  async open() {
    const { url, username, password } = connection();
    graph = await Graph.connect({ url, auth: { username, password } });
  },
  close: () => graph.close(),
  create: bulkCreate,
  relate: bulkRelate,
  'relate-one': relateOneByOne,
  read: pointReads,
  filter: filteredQueries,
  fof: friendsOfFriends,
  save: loadModifySave,
  import: importNodes,
};

export default side;
