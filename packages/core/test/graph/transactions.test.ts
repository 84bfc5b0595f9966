import { Neo4jError } from 'neo4j-driver';
import { CartographError, Graph, NotConnectedError } from '../../src';
import { Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph, queries } = useTestGraph();

beforeEach(() => clearGraph(graph()));

describe('writeTransaction', () => {
  it('commits every model operation inside it together', async () => {
    await graph().writeTransaction(async () => {
      const a = await Person.create({ email: 'a@example.com', name: 'A' });
      const b = await Person.create({ email: 'b@example.com', name: 'B' });
      await a.friends.connect(b, { since: new Date('2024-01-01') });
    });
    expect(await Person.nodes.count()).toBe(2);
  });

  it('rolls everything back when the work throws: nothing is written', async () => {
    const attempt = graph().writeTransaction(async () => {
      await Person.create({ email: 'c@example.com', name: 'C' });
      throw new Error('boom');
    });

    await expect(attempt).rejects.toThrow('boom');
    expect(await Person.nodes.count()).toBe(0);
  });

  it('retries the work when Neo4j reports a transient error', async () => {
    let attempts = 0;
    await graph().writeTransaction(async () => {
      attempts += 1;
      await Person.create({ email: `try${attempts}@example.com`, name: 'Retry' });
      if (attempts === 1)
        throw new Neo4jError(
          'lock timeout',
          'Neo.TransientError.Transaction.LockClientStopped',
          '50N42',
          'general processing exception',
        );
    });

    expect(attempts).toBe(2);
    expect((await Person.nodes.all()).map((p) => p.email)).toEqual(['try2@example.com']);
  });

  it('lets your own Cypher join the same transaction through the transaction object', async () => {
    const rows = await graph().writeTransaction(async (tx) => {
      await Person.create({ email: 'd@example.com', name: 'D' });
      return tx.run('MATCH (p:Person) RETURN p.name AS name, count(*) AS n');
    });
    expect(rows).toEqual([{ name: 'D', n: 1 }]);
  });
});

describe('readTransaction', () => {
  it('refuses a write with a clear error', async () => {
    const attempt = graph().readTransaction(() => Person.create({ email: 'e@example.com', name: 'E' }));
    await expect(attempt).rejects.toMatchObject({ code: 'WRITE_IN_READ_TRANSACTION' });
    await expect(attempt).rejects.toBeInstanceOf(CartographError);
  });

  it('returns converted results, never live driver objects', async () => {
    await Person.create({ email: 'f@example.com', name: 'F', age: 44 });
    const people = await graph().readTransaction(() => Person.nodes.all());
    expect(people[0]).toBeInstanceOf(Person);
    expect(people[0]!.age).toBe(44);
  });
});

describe('connections', () => {
  it('routes model operations to the graph whose transaction they run in', async () => {
    const tenant = graph().withDatabase('neo4j');
    await tenant.writeTransaction(() => Person.create({ email: 'g@example.com', name: 'G' }));
    expect(queries.events.some((e) => e.database === 'neo4j' && e.mode === 'WRITE')).toBe(true);
  });

  it('redacts secret-looking parameters in the query log', async () => {
    queries.clear();
    await graph().cypher('RETURN $password AS p, $name AS n', { password: 'hunter2', name: 'visible' });
    expect(queries.events[0]!.params).toEqual({ password: '***', name: 'visible' });
  });

  it('fails with NotConnectedError after the graph is closed', async () => {
    const other = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: false,
    });
    await other.close();
    await expect(other.cypher('RETURN 1')).rejects.toThrow(NotConnectedError);
  });

  it('reports an unreachable server at connect time', async () => {
    const attempt = Graph.connect({
      url: 'bolt://127.0.0.1:1',
      auth: { username: 'neo4j', password: 'x' },
      default: false,
    });
    await expect(attempt).rejects.toThrow(NotConnectedError);
  });
});

describe('explicit transactions', () => {
  it('writes nothing until commit, then everything', async () => {
    const tx = await graph().beginTransaction();
    await tx.within(() => Person.create({ email: 'j@example.com', name: 'J' }));
    await tx.run('CREATE (:Person {email: $email, name: $name})', { email: 'k@example.com', name: 'K' });

    expect(await Person.nodes.count()).toBe(0);
    await tx.commit();

    expect(await Person.nodes.count()).toBe(2);
    expect(tx.isOpen).toBe(false);
  });

  it('discards every change on rollback', async () => {
    const tx = await graph().beginTransaction();
    await tx.within(() => Person.create({ email: 'l@example.com', name: 'L' }));
    await tx.rollback();
    expect(await Person.nodes.count()).toBe(0);
  });

  it('a read transaction refuses writes and keeps the graph unchanged', async () => {
    const tx = await graph().beginTransaction('READ');
    try {
      await expect(
        tx.within(() => Person.create({ email: 'm@example.com', name: 'M' })),
      ).rejects.toMatchObject({ code: 'WRITE_IN_READ_TRANSACTION' });
    } finally {
      await tx.rollback();
    }
    expect(await Person.nodes.count()).toBe(0);
  });

  it('refuses work after it has ended', async () => {
    const tx = await graph().beginTransaction();
    await tx.commit();
    expect(() => tx.within(() => Person.nodes.count())).toThrow(/already committed or rolled back/);
  });
});

describe('routing', () => {
  it('works unchanged through a neo4j:// routing URL', async () => {
    const routed = await Graph.connect({
      url: process.env.NEO4J_URI!.replace(/^bolt:/, 'neo4j:'),
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: false,
    });
    try {
      await routed.writeTransaction(() => Person.create({ email: 'routed@example.com', name: 'Routed' }));
      const found = await routed.readTransaction(() =>
        Person.nodes.getOrNull({ email: 'routed@example.com' }),
      );
      expect(found?.name).toBe('Routed');
    } finally {
      await routed.close();
    }
  });
});

describe('bookmarks', () => {
  it('hands the bookmarks of the last write to the next read session, for causal consistency', async () => {
    const before = graph().latestBookmarks();
    await Person.create({ email: 'i@example.com', name: 'I' });

    const after = graph().latestBookmarks();

    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
    expect(await Person.nodes.getOrNull({ email: 'i@example.com' })).not.toBeNull();
  });

  it('replaces the bookmarks a write started from with its own: reads wait for the latest write', async () => {
    await Person.create({ email: 'j@example.com', name: 'J' });
    const first = graph().latestBookmarks();

    await Person.create({ email: 'k@example.com', name: 'K' });

    const second = graph().latestBookmarks();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });

  it('records the bookmark of a one-statement save, sent as an auto-commit query', async () => {
    const person = await Person.create({ email: 'l@example.com', name: 'L' });
    const before = graph().latestBookmarks();

    person.name = 'Elle';
    await person.save();

    expect(graph().latestBookmarks()).toHaveLength(1);
    expect(graph().latestBookmarks()).not.toEqual(before);
    expect((await Person.nodes.get({ email: 'l@example.com' })).name).toBe('Elle');
  });
});

describe('raw Cypher', () => {
  it('inflates nodes into model instances', async () => {
    await Person.create({ email: 'h@example.com', name: 'H' });
    const people = await graph().cypher('MATCH (p:Person) RETURN p', {}, { inflate: Person });
    expect(people).toHaveLength(1);
    expect(people[0]).toBeInstanceOf(Person);
    expect(people[0]!.name).toBe('H');
  });
});
