import 'reflect-metadata';
import { Node, NodeEntity, Relationship, type RelationshipManager, StringProperty } from '../../src';
import { useTestGraph } from '../support/test-graph';

@Node()
export class Station extends NodeEntity {
  @StringProperty({ unique: true }) name!: string;
  @Relationship(() => Station, 'LINKED_TO') links!: RelationshipManager<Station>;
}

const { graph } = useTestGraph();

it('connects an undirected relationship (stored outgoing) and sees it from both ends', async () => {
  const central = await Station.create({ name: 'Central' });
  const harbour = await Station.create({ name: 'Harbour' });

  await central.links.connect(harbour);

  expect(await harbour.links.isConnected(central)).toBe(true);
  expect((await harbour.links.all()).map((s) => s.name)).toEqual(['Central']);
  const { records } = await graph().driver.executeQuery(
    'MATCH (:Station {name: $from})-[:LINKED_TO]->(:Station {name: $to}) RETURN count(*) AS n',
    { from: 'Central', to: 'Harbour' },
  );
  expect(records[0]!.get('n').toNumber()).toBe(1);
});

it('does not create a second relationship when the other end connects back', async () => {
  const central = await Station.query().get({ name: 'Central' });
  const harbour = await Station.query().get({ name: 'Harbour' });

  await harbour.links.connect(central);

  expect(await central.links.count()).toBe(1);
});

it('relates many undirected pairs by key, taking (a, b) and (b, a) as one pair', async () => {
  await Station.createMany([{ name: 'North' }, { name: 'South' }, { name: 'East' }]);
  const byName = (from: string, to: string) => ({ from: { name: from }, to: { name: to } });

  const first = await Station.relateMany('links', [byName('North', 'South'), byName('South', 'North')]);
  // Stored North -> South: the reverse pair, in a later call, finds it instead of adding one.
  const second = await Station.relateMany('links', [byName('South', 'North'), byName('South', 'East')]);

  expect(first).toEqual({ created: 1, existing: 0, duplicates: 1, batches: 1 });
  expect(second).toEqual({ created: 1, existing: 1, duplicates: 0, batches: 1 });
  const { records } = await graph().driver.executeQuery(
    `MATCH (a:Station)-[:LINKED_TO]->(b:Station) WHERE a.name IN ['North', 'South', 'East']
     RETURN a.name + '>' + b.name AS pair ORDER BY pair`,
  );
  expect(records.map((r) => r.get('pair'))).toEqual(['North>South', 'South>East']);
});
