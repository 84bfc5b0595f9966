// The query builder's hydrator must build exactly what hydrateNode builds.
import neo4j, { Node as DriverNode } from 'neo4j-driver';
import { Node, StringProperty } from '../../src';
import { hydrateNode } from '../../src/mapping/hydrate';
import { NodeHydrator } from '../../src/query/hydrator';
import { registry } from '../../src/registry/schema-registry';
import { Person } from './social-graph';

@Node()
class Employee extends Person {
  @StringProperty() badge?: string;
}

function driverNode(labels: string[], properties: Record<string, unknown>, elementId: string) {
  return new DriverNode(neo4j.int(1), labels, properties, elementId);
}

describe('NodeHydrator', () => {
  const person = registry.node(Person);
  const born = new neo4j.types.DateTime(1994, 5, 1, 0, 0, 0, 0, 0);
  const nodes = [
    driverNode(
      ['Person'],
      { name: 'Alice', age: neo4j.int(30), tags: ['a'], born, extra: 'ignored' },
      '4:x:1',
    ),
    driverNode(['Person'], { name: 'Eve' }, '4:x:2'),
    driverNode(['Person', 'Employee'], { name: 'Bob', badge: 'B-7' }, '4:x:3'),
  ];

  it.each(nodes.map((node) => [node.properties.name, node]))(
    'hydrates %s like hydrateNode',
    (_name, node) => {
      const expected = hydrateNode<Person>(person, node);
      const actual = new NodeHydrator().hydrate(person, node) as Person;
      expect(actual.constructor).toBe(expected.constructor);
      expect({ ...actual }).toEqual({ ...expected });
      expect(actual.elementId).toBe(expected.elementId);
      expect(actual.isSaved).toBe(true);
    },
  );

  it('resolves the most specific model by labels', () => {
    const bob = new NodeHydrator().hydrate(person, nodes[2]!);
    expect(bob).toBeInstanceOf(Employee);
    expect((bob as Employee).badge).toBe('B-7');
  });

  it('sees a model registered after earlier queries from the next query on', () => {
    const node = driverNode(['Person', 'Contractor'], { name: 'Carl' }, '4:x:4');
    const before = new NodeHydrator();
    expect(before.hydrate(person, node).constructor).toBe(Person);

    @Node()
    class Contractor extends Person {}

    expect(new NodeHydrator().hydrate(person, node)).toBeInstanceOf(Contractor);
    expect(before.hydrate(person, node).constructor).toBe(Person);
  });
});
