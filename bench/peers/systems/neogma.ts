// neogma 1.16, written as its docs recommend: a ModelFactory model, createMany, findOne/findMany
// with where operators and order, relateTo by key (neogma can relate without loading instances),
// eager loading of nested relationships in one query, and instance.save().
import {
  ModelFactory,
  type ModelRelatedNodesI,
  Neogma,
  type NeogmaInstance,
  type NeogmaModel,
  Op,
} from 'neogma';
import {
  ageWindow,
  emailsLine,
  FILTER_LIMIT,
  friendsLine,
  pair,
  person,
  personLine,
  persons,
  visit,
} from '../data';
import { connection, type Job, type Outcome, type SystemSide } from '../protocol';
import { oneByOne } from '../sequential';

type PersonProperties = { email: string; name: string; age: number };
// neogma's documented way of typing a model related to itself.
interface PersonRelated {
  friends: ModelRelatedNodesI<{ createOne: PersonModel['createOne'] }, PersonInstance>;
}
type PersonInstance = NeogmaInstance<PersonProperties, PersonRelated>;
type PersonModel = NeogmaModel<PersonProperties, PersonRelated>;

const CREATE_BATCH = 1_000;
let neogma: Neogma;
let Persons: PersonModel;

/** neogma has no bulk relate: both relate workloads send one relateTo per pair, matched by key. */
async function relateByKey(job: Job): Promise<Outcome> {
  for (let j = 0; j < job.n; j++) {
    const { from, to } = pair(j, job.persons);
    await Persons.relateTo({
      alias: 'friends',
      where: { source: { email: person(from).email }, target: { email: person(to).email } },
    });
  }
  return { rows: job.n };
}

const side: SystemSide = {
  async open() {
    const { url, username, password } = connection();
    neogma = new Neogma({ url, username, password });
    Persons = ModelFactory<PersonProperties, PersonRelated>(
      {
        label: 'Person',
        primaryKeyField: 'email',
        schema: {
          email: { type: 'string', required: true },
          name: { type: 'string', required: true },
          age: { type: 'number', required: true },
        },
        relationships: { friends: { model: 'self', direction: 'out', name: 'KNOWS' } },
      },
      neogma,
    );
    await neogma.verifyConnectivity();
  },
  close: () => neogma.driver.close(),

  async create(job) {
    // One createMany call of 20k rows fails in neogma ("Max number of tries for string generation
    // reached": it runs out of unique parameter names), so rows go in calls of CREATE_BATCH.
    const rows = [...persons(job.n)];
    let created = 0;
    for (let start = 0; start < rows.length; start += CREATE_BATCH) {
      created += (await Persons.createMany(rows.slice(start, start + CREATE_BATCH))).length;
    }
    return { rows: created };
  },
  relate: relateByKey,
  'relate-one': relateByKey,

  read: (job) =>
    oneByOne(job.n, async (j) => {
      const found = await Persons.findOne({ where: { email: person(visit(j, job.persons)).email } });
      return { rows: 1, line: personLine(found!) };
    }),

  filter: (job) =>
    oneByOne(job.n, async (j) => {
      const { min, max } = ageWindow(j);
      const found = await Persons.findMany({
        // neogma applies every operator of the object (its type admits one at a time).
        where: { age: { [Op.gte]: min, [Op.lte]: max } as { [Op.gte]: number } },
        order: [
          ['age', 'DESC'],
          ['email', 'ASC'],
        ],
        limit: FILTER_LIMIT,
      });
      return { rows: found.length, line: emailsLine(found) };
    }),

  fof: (job) =>
    oneByOne(job.n, async (j) => {
      const email = person(visit(j, job.persons)).email;
      // Eager loading, nested: one query returns the friends and their friends.
      const found = await Persons.findOne({
        where: { email },
        relationships: { friends: { relationships: { friends: {} } } },
      });
      const distinct = new Set<string>();
      for (const friend of found!.friends ?? []) {
        for (const far of friend.node.friends ?? []) distinct.add(far.node.email);
      }
      return { rows: distinct.size, line: friendsLine(email, [...distinct]) };
    }),

  async save(job) {
    for (let j = 0; j < job.n; j++) {
      const loaded = await Persons.findOne({ where: { email: person(visit(j, job.persons)).email } });
      // neogma hands stored integers back as the driver's Integer, and writes a JS number as a float.
      loaded!.age = Number(loaded!.age) + 1;
      await loaded!.save();
    }
    return { rows: job.n };
  },
};

export default side;
