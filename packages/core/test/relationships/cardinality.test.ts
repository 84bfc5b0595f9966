import { AttemptedCardinalityViolationError, CardinalityViolationError, Graph } from '../../src';
import { Company, Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph } = useTestGraph();

let alice: Person;
let bob: Person;
let acme: Company;
let globex: Company;

beforeEach(async () => {
  await clearGraph(graph());
  alice = await Person.create({ email: 'alice@example.com', name: 'Alice' });
  bob = await Person.create({ email: 'bob@example.com', name: 'Bob' });
  acme = await Company.create({ name: 'Acme', country: 'NL' });
  globex = await Company.create({ name: 'Globex', country: 'US' });
});

async function relationshipCount(type: string): Promise<number> {
  const { records } = await graph().driver.executeQuery(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
  return records[0]!.get('n').toNumber();
}

describe('cardinality on the calling side', () => {
  it('refuses a second employer for a ZeroOrOne field and writes nothing', async () => {
    await alice.employer.connect(acme);

    const attempt = alice.employer.connect(globex);

    await expect(attempt).rejects.toThrow(AttemptedCardinalityViolationError);
    await expect(attempt).rejects.toThrow(/Person\.employer is ZeroOrOne/);
    expect(await relationshipCount('WORKS_AT')).toBe(1);
  });

  it('allows moving a ZeroOrOne relationship with reconnect', async () => {
    await alice.employer.connect(acme);
    await alice.employer.reconnect(acme, globex);
    expect((await alice.employer.single())?.name).toBe('Globex');
  });
});

describe('cardinality on the other side', () => {
  it('checks the target end too: a company has exactly One ceo', async () => {
    await alice.leads.connect(acme);

    const attempt = bob.leads.connect(acme);

    await expect(attempt).rejects.toThrow(/Company\.ceo is One/);
    expect(await relationshipCount('LEADS')).toBe(1);
  });

  it('refuses to disconnect the only ceo of a company', async () => {
    await alice.leads.connect(acme);

    await expect(alice.leads.disconnect(acme)).rejects.toThrow(AttemptedCardinalityViolationError);
    expect(await relationshipCount('LEADS')).toBe(1);
  });

  it('refuses a replace that would leave the company it drops without a ceo', async () => {
    await alice.leads.connect(acme);

    await expect(alice.leads.replace([globex])).rejects.toThrow(/Company\.ceo is One/);
    expect((await acme.ceo.single())?.name).toBe('Alice');
    expect(await relationshipCount('LEADS')).toBe(1);
  });

  it('lets a company change ceo with reconnect from the company side', async () => {
    await alice.leads.connect(acme);
    await acme.ceo.reconnect(alice, bob);
    expect((await acme.ceo.single())?.name).toBe('Bob');
  });
});

describe('cardinality on read', () => {
  it('reports a graph that breaks the declared cardinality', async () => {
    await alice.employer.connect(acme);
    await graph().driver.executeQuery(
      "MATCH (p:Person {email: 'alice@example.com'}), (c:Company {name: 'Globex'}) CREATE (p)-[:WORKS_AT]->(c)",
    );

    await expect(alice.employer.single()).rejects.toThrow(CardinalityViolationError);
  });

  it('reports a One field with nothing connected', async () => {
    await expect(acme.ceo.single()).rejects.toThrow(/Company\.ceo is One/);
  });
});

describe('concurrent writers', () => {
  it('lets only one of two simultaneous connects to a ZeroOrOne field succeed', async () => {
    const second = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: false,
    });
    try {
      const results = await Promise.allSettled([
        graph().writeTransaction(() => alice.employer.connect(acme)),
        second.writeTransaction(() => alice.employer.connect(globex)),
      ]);

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await relationshipCount('WORKS_AT')).toBe(1);
    } finally {
      await second.close();
    }
  });
});
