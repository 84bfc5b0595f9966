// The core contract, runnable: `bash scripts/demo.sh` (or `pnpm demo` with dependencies installed).
import 'reflect-metadata';
import { AttemptedCardinalityViolationError, Graph, ValidationError } from '@cartograph/core';
import { Company, Person } from './models';

async function main(): Promise<void> {
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    auth: { username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' },
    database: 'neo4j',
  });
  try {
    const schema = await graph.installSchema();
    console.log(`Schema: created ${schema.created.length}, already there ${schema.existing.length}`);
    await graph.cypher('MATCH (n) WHERE n:Person OR n:Company DETACH DELETE n');

    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });
    alice.age = 31;
    await alice.save(); // only `age` is written
    const bob = await Person.create({ email: 'bob@example.com', name: 'Bob' });
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });
    const knows = await alice.friends.relationship(bob);
    console.log(`Alice has known Bob since ${knows?.since.toISOString().slice(0, 10)}`);

    const [acme, globex] = await Company.createMany([{ name: 'Acme' }, { name: 'Globex' }]);
    await alice.employer.connect(acme!);
    try {
      await alice.employer.connect(globex!);
    } catch (error) {
      if (!(error instanceof AttemptedCardinalityViolationError)) throw error;
      console.log(`Refused as expected: ${error.message}`);
    }

    const same = await Person.nodes.get({ email: 'alice@example.com' });
    const none = await Person.nodes.getOrNull({ email: 'nobody@example.com' });
    console.log(`Loaded ${same.name} (${same.age}), nobody: ${none}`);

    try {
      await Person.create({ email: 'not-an-email', age: -1 });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      console.log(`Validation: ${error.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    }

    await graph
      .writeTransaction(async () => {
        await Person.create({ email: 'c@example.com', name: 'C' });
        throw new Error('boom');
      })
      .catch(() => console.log('Transaction rolled back: C was not written'));

    const people = await graph.cypher('MATCH (p:Person) RETURN p ORDER BY p.name', {}, { inflate: Person });
    console.log(`People: ${people.map((p) => `${p.name} <${p.email}>`).join(', ')}`);
    console.log(`Acme staff: ${(await acme!.staff.all()).map((p) => p.name).join(', ')}`);

    await alice.refresh();
    await alice.delete();
    console.log(`After deleting Alice: ${await Person.nodes.count()} person(s) left`);
  } finally {
    await graph.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
