import 'reflect-metadata';
import { IntegerProperty, Node, NodeEntity, PointProperty, StringProperty } from '../../src';
import { useTestGraph } from '../support/test-graph';

@Node({ nodeKey: ['iata', 'country'] })
export class Airport extends NodeEntity {
  @StringProperty({ unique: true }) icao!: string;
  @StringProperty({ required: true }) iata!: string;
  @StringProperty({ index: 'text' }) country!: string;
  @StringProperty({ index: true }) city!: string;
  @PointProperty({ index: true }) location!: { longitude: number; latitude: number };
  @IntegerProperty({ exists: true }) runways!: number;
}

const { graph } = useTestGraph();

async function schemaNames(): Promise<string[]> {
  const constraints = await graph().driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name');
  const indexes = await graph().driver.executeQuery(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
  );
  return [...constraints.records, ...indexes.records].map((r) => r.get('name') as string).sort();
}

it('creates the unique constraints and the range, text and point indexes the model implies', async () => {
  const result = await graph().installSchema();

  expect(result.created.sort()).toEqual(
    ['airport_city_range', 'airport_country_text', 'airport_icao_unique', 'airport_location_point'].sort(),
  );
  expect(await schemaNames()).toEqual(expect.arrayContaining(result.created));
});

it('is idempotent: a second run creates nothing and reports what exists', async () => {
  const result = await graph().installSchema();
  expect(result.created).toEqual([]);
  expect(result.existing).toHaveLength(4);
});

it('reports Enterprise-only constraints on Community instead of failing or skipping silently', async () => {
  const result = await graph().installSchema();
  expect(result.unsupported.map((u) => u.reason)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/Airport.*Enterprise/),
      expect.stringMatching(/Airport\.runways.*Enterprise/),
    ]),
  );
});
