// Relationship properties given to connect / replace are user input like node rows: undeclared keys
// are refused unless allowed (per call or on @Rel), and values of sensitive relationship properties
// stay out of query logs and error messages even when their names look harmless.
import 'reflect-metadata';
import { inspect } from 'node:util';
import {
  Node,
  NodeEntity,
  Rel,
  RelationshipEntity,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  UnknownPropertyError,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph, queries } = useTestGraph();

@Rel('VOUCHES')
class Vouches extends RelationshipEntity {
  /** Sensitive by declaration only: its name does not look secret. */
  @StringProperty({ sensitive: true }) reference?: string;
  @StringProperty() note?: string;
  /** Not a property: a field every instance gets from its initialiser. */
  cachedLabel = 'vouch';
}

@Rel('ENDORSES', { unknownProperties: 'allow' })
class Endorses extends RelationshipEntity {
  @StringProperty() skill?: string;
}

@Node()
class Member extends NodeEntity {
  @StringProperty({ unique: true, required: true }) handle!: string;
  @RelationshipTo(() => Member, 'VOUCHES', { model: Vouches }) vouches!: RelationshipManager<Member, Vouches>;
  @RelationshipTo(() => Member, 'ENDORSES', { model: Endorses }) endorses!: RelationshipManager<
    Member,
    Endorses
  >;
}

const SECRET = 'ref-Xq81-hunter';

function loggedText(): string {
  return queries.events.map((event) => inspect(event, { depth: 12 })).join('\n');
}

async function stored(type: string): Promise<Array<Record<string, unknown>>> {
  const { records } = await graph().driver.executeQuery(`MATCH ()-[r:${type}]->() RETURN properties(r) AS p`);
  return records.map((record) => record.get('p') as Record<string, unknown>);
}

async function members(): Promise<[Member, Member, Member]> {
  const [ada, alan, grace] = await Member.createMany([
    { handle: 'ada' },
    { handle: 'alan' },
    { handle: 'grace' },
  ]);
  return [ada!, alan!, grace!];
}

beforeAll(async () => {
  await graph().driver.executeQuery(
    'CREATE CONSTRAINT vouches_reference IF NOT EXISTS FOR ()-[r:VOUCHES]-() REQUIRE r.reference IS UNIQUE',
  );
});

beforeEach(async () => {
  await clearGraph(graph());
  queries.clear();
});

describe('undeclared relationship property keys', () => {
  it('connect refuses them by default and writes nothing', async () => {
    const [ada, alan] = await members();
    const props = JSON.parse('{"note": "met at work", "notes": "typo"}') as Partial<Vouches>;

    await expect(ada.vouches.connect(alan, props)).rejects.toThrow(UnknownPropertyError);
    expect(await stored('VOUCHES')).toEqual([]);
  });

  it('connect keeps the declared ones and drops the rest with { unknownProperties: "allow" }', async () => {
    const [ada, alan] = await members();
    const props = JSON.parse('{"note": "met at work", "notes": "typo"}') as Partial<Vouches>;

    const created = await ada.vouches.connect(alan, props, { unknownProperties: 'allow' });

    expect(created.note).toBe('met at work');
    expect(await stored('VOUCHES')).toEqual([{ note: 'met at work' }]);
  });

  it('a call may still refuse them on a model that allows them with @Rel({ unknownProperties })', async () => {
    const [ada, alan, grace] = await members();
    const props = JSON.parse('{"skill": "math", "level": 3}') as Partial<Endorses>;

    await ada.endorses.connect(alan, props);
    await expect(ada.endorses.connect(grace, props, { unknownProperties: 'reject' })).rejects.toThrow(
      UnknownPropertyError,
    );
    expect(await stored('ENDORSES')).toEqual([{ skill: 'math' }]);
  });

  it('replace takes the same option', async () => {
    const [ada, alan, grace] = await members();
    const props = JSON.parse('{"note": "x", "extra": true}') as Partial<Vouches>;

    await expect(ada.vouches.replace([alan, grace], props)).rejects.toThrow(UnknownPropertyError);
    await ada.vouches.replace([alan, grace], props, { unknownProperties: 'allow' });

    expect(await stored('VOUCHES')).toEqual([{ note: 'x' }, { note: 'x' }]);
  });

  it('reconnect copies the stored properties of a model with non-property instance fields', async () => {
    const [ada, alan, grace] = await members();
    await ada.vouches.connect(alan, { note: 'kept' });

    const moved = await ada.vouches.reconnect(alan, grace);

    expect(moved.note).toBe('kept');
    expect(await ada.vouches.isConnected(grace)).toBe(true);
    expect(await ada.vouches.isConnected(alan)).toBe(false);
  });
});

describe('sensitive relationship properties', () => {
  it('connect masks a property declared sensitive in the query log', async () => {
    const [ada, alan] = await members();
    queries.clear();

    await ada.vouches.connect(alan, { reference: SECRET, note: 'visible' });

    expect(queries.events.length).toBeGreaterThan(0);
    expect(loggedText()).not.toContain(SECRET);
    expect(loggedText()).toContain('visible');
  });

  it('replace masks it too', async () => {
    const [ada, alan] = await members();
    queries.clear();

    await ada.vouches.replace([alan], { reference: SECRET });

    expect(loggedText()).not.toContain(SECRET);
  });

  it('a server error quoting the value (uniqueness) is masked in the error and in the log', async () => {
    const [ada, alan, grace] = await members();
    await ada.vouches.connect(alan, { reference: SECRET });
    queries.clear();

    const error = await ada.vouches.connect(grace, { reference: SECRET }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(inspect(error, { depth: 12 })).toContain('***');
    expect(inspect(error, { depth: 12 })).not.toContain(SECRET);
    expect(loggedText()).not.toContain(SECRET);
    expect(await stored('VOUCHES')).toHaveLength(1);
  });
});
