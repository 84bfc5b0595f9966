import 'reflect-metadata';
import {
  count,
  currentTenant,
  Graph,
  IntegerProperty,
  multiTenancy,
  Node,
  NodeEntity,
  type NodeSet,
  optional,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  runWithTenant,
  StringProperty,
  sum,
  TenantContextError,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

@Node()
class Team extends NodeEntity {
  declare static readonly nodes: NodeSet<Team>;
  @StringProperty({ required: true }) name!: string;
  @RelationshipFrom(() => Member, 'IN') members!: RelationshipManager<Member>;
}

@Node()
class Member extends NodeEntity {
  declare static readonly nodes: NodeSet<Member>;
  @StringProperty({ required: true }) name!: string;
  @IntegerProperty() level?: number;
  @RelationshipTo(() => Team, 'IN') team!: RelationshipManager<Team>;
}

@Node()
class Account extends NodeEntity {
  declare static readonly nodes: NodeSet<Account>;
  @StringProperty({ unique: true, required: true }) handle!: string;
  @RelationshipTo(() => Account, 'FOLLOWS') follows!: RelationshipManager<Account>;
}

const { graph: plain } = useTestGraph();
let tenantGraph: Graph;

beforeAll(async () => {
  await clearGraph(plain());
  tenantGraph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
    plugins: [multiTenancy({ property: 'tenantId' })],
    default: true,
  });
  // The same names in both tenants: nothing may leak from one to the other.
  for (const tenant of ['acme', 'globex']) {
    await runWithTenant(tenant, async () => {
      const team = await Team.create({ name: 'core' });
      const levels = tenant === 'acme' ? [1, 2] : [5, 6, 7];
      for (const [i, level] of levels.entries()) {
        const member = await Member.create({ name: `m${i}`, level });
        await member.team.connect(team);
      }
      await Member.createMany([{ name: `${tenant}-batch` }]);
    });
  }
});

afterAll(async () => {
  await tenantGraph.close();
  Graph.setDefault(plain());
});

const acme = <T>(work: () => Promise<T>) => runWithTenant('acme', work);
const globex = <T>(work: () => Promise<T>) => runWithTenant('globex', work);

describe('multiTenancy', () => {
  it('stores the tenant on every created node (save and createMany)', async () => {
    const rows = await plain().run(
      {
        cypher: 'MATCH (n) RETURN n.tenantId AS t, count(*) AS c ORDER BY t',
        params: {},
      },
      'READ',
      (r) => [r.get('t'), Number(r.get('c'))],
    );
    expect(rows).toEqual([
      ['acme', 4],
      ['globex', 5],
    ]);
  });

  it('filter, get, count, exists and values see one tenant only', async () => {
    expect(await acme(() => Member.nodes.count())).toBe(3);
    expect(await globex(() => Member.nodes.count())).toBe(4);
    expect((await acme(() => Member.nodes.get({ name: 'm0' }))).level).toBe(1);
    expect((await globex(() => Member.nodes.get({ name: 'm0' }))).level).toBe(5);
    expect(await acme(() => Member.nodes.filter({ name: 'globex-batch' }).exists())).toBe(false);
    const names = await acme(() => Member.nodes.orderBy('name').values('name'));
    expect(names.map((r) => r.name)).toEqual(['acme-batch', 'm0', 'm1']);
  });

  it('aggregates, traversals, has(), annotations and eager loading stay in the tenant', async () => {
    expect(await globex(() => Member.nodes.aggregate({ total: sum('level') }))).toEqual({ total: 18 });
    expect(await acme(() => Team.nodes.traverse('members').count())).toBe(2);
    expect(await acme(() => Member.nodes.has({ team: true }).count())).toBe(2);
    const counted = await globex(() => Team.nodes.annotate({ n: count('members') }).values('name', 'n'));
    expect(counted).toEqual([{ name: 'core', n: 3 }]);
    const teams = await acme(() => Team.nodes.fetchRelations(optional('members')).all());
    expect(teams).toHaveLength(1);
    expect(teams[0]!.members.cached!.map((m) => m.level).sort()).toEqual([1, 2]);
  });

  it('relationship manager reads stay in the tenant', async () => {
    await acme(async () => {
      const team = await Team.nodes.get({ name: 'core' });
      expect(await team.members.count()).toBe(2);
      expect((await team.members.all()).map((m) => m.level).sort()).toEqual([1, 2]);
    });
  });

  it('cross-tenant edges are invisible from both sides', async () => {
    // A relationship written behind the OGM's back between the tenants' teams and members.
    await plain().run(
      {
        cypher:
          "MATCH (m:Member {tenantId: 'globex', name: 'm0'}), (t:Team {tenantId: 'acme'}) CREATE (m)-[:IN]->(t)",
        params: {},
      },
      'WRITE',
      () => undefined,
    );
    expect(await acme(() => Team.nodes.traverse('members').count())).toBe(2);
    expect(await acme(async () => (await Team.nodes.get({ name: 'core' })).members.count())).toBe(2);
    expect(await globex(() => Member.nodes.filter({ name: 'm0' }).traverse('team').count())).toBe(1);
  });

  it("keyed writes match only the tenant's own nodes", async () => {
    // Both tenants have a member named m0: each tenant's getOrCreate must find its own.
    const [mine] = await acme(() => Member.getOrCreate([{ name: 'm0' }], { key: ['name'] }));
    expect(mine!.level).toBe(1);
    await globex(() => Member.createOrUpdate([{ name: 'm0', level: 50 }], { key: ['name'] }));
    expect((await acme(() => Member.nodes.get({ name: 'm0' }))).level).toBe(1);
    expect((await globex(() => Member.nodes.get({ name: 'm0' }))).level).toBe(50);
    await globex(() => Member.createOrUpdate([{ name: 'm0', level: 5 }], { key: ['name'] }));
    // A key no tenant has yet creates a node in the current tenant only.
    const [created] = await acme(() => Member.merge([{ name: 'newcomer' }]));
    expect(created!.name).toBe('newcomer');
    expect(await globex(() => Member.nodes.filter({ name: 'newcomer' }).count())).toBe(0);
    await acme(() => Member.nodes.filter({ name: 'newcomer' }).delete());
  });

  it('relate and relateMany find nodes by key within the tenant only', async () => {
    // The same handles in both tenants (uniqueness is per tenant here: no global constraint).
    for (const tenant of ['acme', 'globex']) {
      await runWithTenant(tenant, () => Account.createMany([{ handle: 'ann' }, { handle: 'bob' }]));
    }
    await acme(() => Account.relate({ handle: 'ann' }, 'follows', { handle: 'bob' }));
    await globex(() => Account.relateMany('follows', [{ from: { handle: 'bob' }, to: { handle: 'ann' } }]));
    const edges = await plain().run(
      {
        cypher:
          'MATCH (a:Account)-[:FOLLOWS]->(b:Account) RETURN a.tenantId + ":" + a.handle + ">" + b.tenantId + ":" + b.handle AS e ORDER BY e',
        params: {},
      },
      'READ',
      (r) => r.get('e') as string,
    );
    expect(edges).toEqual(['acme:ann>acme:bob', 'globex:bob>globex:ann']);
  });

  it("importMany skips only rows the tenant's own nodes already hold", async () => {
    await globex(() => Account.createMany([{ handle: 'carol' }]));
    const summary = await acme(() => Account.importMany([{ handle: 'carol' }, { handle: 'ann' }]));
    expect(summary).toMatchObject({ written: 1, skipped: 1 });
    expect(await acme(() => Account.nodes.filter({ handle: 'carol' }).count())).toBe(1);
  });

  it('a query or create outside a tenant fails with TenantContextError', async () => {
    expect(currentTenant()).toBeUndefined();
    await expect(Member.nodes.count()).rejects.toBeInstanceOf(TenantContextError);
    await expect(Member.create({ name: 'nobody' })).rejects.toMatchObject({ code: 'NO_TENANT' });
    expect(() => Member.nodes.filter({ name: 'x' }).toCypher()).toThrow(TenantContextError);
  });

  it('concurrent tenants do not mix', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        runWithTenant(i % 2 === 0 ? 'acme' : 'globex', () => Member.nodes.count()),
      ),
    );
    expect(results).toEqual([3, 4, 3, 4, 3, 4, 3, 4, 3, 4]);
  });
});
