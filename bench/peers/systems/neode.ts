// neode 0.4.9, written as its docs recommend: a model with a schema, neode.create one node at a
// time (neode has no bulk create), first() by key, the query builder with hydrate() for filtered
// and multi-hop queries, relateTo() between loaded nodes, and node.update() to save.
import Neode from 'neode';
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
import { connection, type SystemSide } from '../protocol';
import { oneByOne } from '../sequential';

let neode: Neode;
let Person: Neode.Model<PersonProperties>;

type PersonProperties = { email: string; name: string; age: number };
// neode's builder has whereBetween (documented in its README), missing from its type declarations.
type BuilderWithBetween = Neode.Builder & {
  whereBetween(alias: string, floor: number, ceiling: number): Neode.Builder;
};

const lineOf = (node: Neode.Node<PersonProperties>) => personLine(node.properties() as PersonProperties);

const first = (email: string) => neode.first<PersonProperties>('Person', 'email', email);

const side: SystemSide = {
  async open() {
    const { url, username, password } = connection();
    neode = new Neode(url, username, password);
    Person = neode.model<PersonProperties>('Person', {
      email: { type: 'string', unique: true, required: true },
      name: { type: 'string', required: true },
      age: { type: 'integer', required: true },
      friends: { type: 'relationship', relationship: 'KNOWS', direction: 'out', target: 'Person' },
    });
    await neode.cypher('RETURN 1', {});
  },
  async close() {
    neode.close();
  },

  async create(job) {
    let rows = 0;
    for (const row of persons(job.n)) {
      await neode.create('Person', row);
      rows++;
    }
    return { rows };
  },

  /** Bulk relate: neode has none; the persons are loaded once, then related one by one. */
  async relate(job) {
    const all = await neode.all('Person');
    const byEmail = new Map<string, Neode.Node<PersonProperties>>();
    for (let i = 0; i < all.length; i++) {
      const node = all.get(i) as Neode.Node<PersonProperties>;
      byEmail.set(node.get('email') as string, node);
    }
    for (let j = 0; j < job.n; j++) {
      const { from, to } = pair(j, job.persons);
      await byEmail.get(person(from).email)!.relateTo(byEmail.get(person(to).email)!, 'friends');
    }
    return { rows: job.n };
  },

  async 'relate-one'(job) {
    for (let j = 0; j < job.n; j++) {
      const { from, to } = pair(j, job.persons);
      const [a, b] = [await first(person(from).email), await first(person(to).email)];
      await a.relateTo(b, 'friends');
    }
    return { rows: job.n };
  },

  read: (job) =>
    oneByOne(job.n, async (j) => ({
      rows: 1,
      line: lineOf(await first(person(visit(j, job.persons)).email)),
    })),

  filter: (job) =>
    oneByOne(job.n, async (j) => {
      const { min, max } = ageWindow(j);
      const result = await (neode.query().match('p', Person) as BuilderWithBetween)
        .whereBetween('p.age', min, max)
        .return('p')
        .orderBy('p.age', 'DESC')
        .orderBy('p.email', 'ASC')
        .limit(FILTER_LIMIT)
        .execute();
      const found = neode.hydrate<PersonProperties>(result, 'p');
      const emails = found.map((node: Neode.Node<PersonProperties>) => ({
        email: node.get('email') as string,
      }));
      return { rows: found.length, line: emailsLine(emails) };
    }),

  fof: (job) =>
    oneByOne(job.n, async (j) => {
      const email = person(visit(j, job.persons)).email;
      const result = await neode
        .query()
        .match('p', Person)
        .where('p.email', email)
        .relationship('KNOWS', 'out', null, 2)
        .to('f', Person)
        .return('DISTINCT f AS f')
        .execute();
      const found = neode.hydrate<PersonProperties>(result, 'f');
      const emails = found.map((node: Neode.Node<PersonProperties>) => node.get('email') as string);
      return { rows: found.length, line: friendsLine(email, emails) };
    }),

  async save(job) {
    for (let j = 0; j < job.n; j++) {
      const loaded = await first(person(visit(j, job.persons)).email);
      // neode hands integers back as the driver's Integer.
      const age = (loaded.get('age') as { toNumber(): number }).toNumber();
      await loaded.update({ ...(loaded.properties() as PersonProperties), age: age + 1 });
    }
    return { rows: job.n };
  },
};

export default side;
