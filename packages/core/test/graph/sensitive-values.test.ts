// Secrets stay out of what reaches a log: query log events (parameters and errors) and the messages
// of the errors Cartograph raises, whichever entry point the secret came through.
import { inspect } from 'node:util';
import {
  EmailProperty,
  Node,
  NodeEntity,
  type NodeSet,
  redactParams,
  StringProperty,
  UniquePropertyError,
  ValidationError,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph, queries } = useTestGraph();

@Node()
class Account extends NodeEntity {
  declare static readonly nodes: NodeSet<Account>;
  @StringProperty({ unique: true, required: true }) login!: string;
  /** Sensitive by its name. */
  @StringProperty() password?: string;
  /** Sensitive by declaration, although its name looks harmless. */
  @StringProperty({ sensitive: true, dbProperty: 'recovery_code' }) recoveryCode?: string;
  @EmailProperty({ sensitive: true }) backupEmail?: string;
  /** Declared not sensitive despite its name, so that it is logged. */
  @StringProperty({ sensitive: false }) tokenKind?: string;
}

@Node()
class ApiClient extends NodeEntity {
  @StringProperty({ unique: true, sensitive: true }) clientSecret!: string;
}

const SECRET = 'hunter2-Zq9';

/** Everything the logger received, as a logger would print it (errors with message, stack, cause). */
function loggedText(): string {
  return queries.events.map((event) => inspect(event, { depth: 12 })).join('\n');
}

beforeAll(async () => {
  await graph().driver.executeQuery(
    'CREATE CONSTRAINT api_client_secret IF NOT EXISTS FOR (c:ApiClient) REQUIRE c.clientSecret IS UNIQUE',
  );
});

beforeEach(async () => {
  await clearGraph(graph());
  queries.clear();
});

describe('query log events', () => {
  it('mask a filter value bound to a property sensitive by name', async () => {
    await Account.nodes.filter({ password: SECRET }).all();

    expect(queries.events).toHaveLength(1);
    expect(loggedText()).not.toContain(SECRET);
    expect(queries.events[0]!.params).toEqual({ v0: '***' });
  });

  it('mask filter values bound to a property declared sensitive, in operators and lists', async () => {
    await Account.nodes
      .filter({ login: 'ada', recoveryCode: { in: [SECRET, 'other-code'] } })
      .exclude({ recoveryCode: { startsWith: SECRET } })
      .all();

    expect(loggedText()).not.toContain(SECRET);
    expect(loggedText()).not.toContain('other-code');
    expect(loggedText()).toContain('ada');
  });

  it('toCypher() names the sensitive parameters, so redactParams can mask them', () => {
    const query = Account.nodes.filter({ login: 'ada', password: SECRET }).toCypher();

    expect(query.sensitive).toEqual(['v1']);
    expect(redactParams(query.params, query.sensitive)).toEqual({ v0: 'ada', v1: '***' });
  });

  it('keep a property declared not sensitive', async () => {
    await Account.nodes.filter({ tokenKind: 'bearer' }).all();

    expect(queries.events[0]!.params).toEqual({ v0: 'bearer' });
  });

  it('mask values written by create and by saving a change', async () => {
    const ada = await Account.create({ login: 'ada', password: SECRET });
    ada.recoveryCode = `${SECRET}-2`;
    await ada.save();

    expect(queries.events).toHaveLength(2);
    expect(loggedText()).not.toContain(SECRET);
    expect(loggedText()).toContain('ada');
  });

  it('mask values written by createMany, getOrCreate and a bulk update', async () => {
    await Account.createMany([{ login: 'ada', password: SECRET }]);
    await Account.getOrCreate([{ login: 'alan', recoveryCode: SECRET }]);
    await Account.nodes.filter({ login: 'ada' }).update({ password: `${SECRET}-new` });

    expect(queries.events.length).toBeGreaterThanOrEqual(4);
    expect(loggedText()).not.toContain(SECRET);
  });

  it('mask explain and profile queries', async () => {
    await Account.nodes.filter({ password: SECRET }).profile();

    expect(loggedText()).not.toContain(SECRET);
  });
});

describe('error messages', () => {
  it('a uniqueness violation on a sensitive property names the property, not the value', async () => {
    await ApiClient.create({ clientSecret: SECRET });
    queries.clear();

    const error = await ApiClient.create({ clientSecret: SECRET }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UniquePropertyError);
    expect((error as UniquePropertyError).property).toBe('clientSecret');
    expect(inspect(error, { depth: 12 })).not.toContain(SECRET);
    expect(loggedText()).not.toContain(SECRET);
  });

  it('a validation error on a sensitive property does not quote the value', async () => {
    const error = await Account.create({ login: 'ada', backupEmail: SECRET }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('backupEmail');
    expect((error as ValidationError).message).not.toContain(SECRET);
  });

  it('an invalid filter value for a sensitive property is refused without quoting it', () => {
    let error: unknown;
    try {
      Account.nodes.filter({ backupEmail: SECRET });
    } catch (caught) {
      error = caught;
    }

    expect(error).toMatchObject({ code: 'INVALID_FILTER' });
    expect(inspect(error, { depth: 12 })).not.toContain(SECRET);
  });

  it('get() reports a missing node without the sensitive filter value', async () => {
    const error = await Account.nodes.get({ login: 'ada', password: SECRET }).catch((e: unknown) => e);

    expect((error as Error).message).toContain('ada');
    expect((error as Error).message).not.toContain(SECRET);
  });
});
