import 'reflect-metadata';
import {
  count,
  Node,
  NodeEntity,
  type NodeSet,
  nodeCondition,
  optional,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  usePlugins,
} from '../../src';
import { applyPlugins } from '../../src/query/plugins/transform';

@Node()
class Plain extends NodeEntity {
  declare static readonly nodes: NodeSet<Plain>;
  @StringProperty() name?: string;
  @RelationshipTo(() => Guarded, 'LINKS') links!: RelationshipManager<Guarded>;
}

@Node()
class Guarded extends NodeEntity {
  declare static readonly nodes: NodeSet<Guarded>;
  @StringProperty() name?: string;
}

describe('the plugin transform step', () => {
  it('returns the plan itself while no plugin is registered (the plain path is unchanged)', () => {
    const plan = Plain.nodes.filter({ name: 'a' }).state;
    expect(applyPlugins(plan)).toBe(plan);
  });

  it('adds the condition at every position where the model is matched, with its value as a parameter', () => {
    usePlugins(Guarded, {
      name: 'tag',
      transformNode: ({ options }) => (options.all ? undefined : nodeCondition.equals('tag', 'x')),
    });
    const { cypher, params } = Plain.nodes
      .has({ links: true })
      .annotate({ n: count('links') })
      .fetchRelations(optional('links'))
      .toCypher();
    // has(), the annotation and the eager load: three guarded patterns.
    expect(cypher.match(/\.tag = \$v\d+/g)).toHaveLength(3);
    expect(Object.values(params)).toContain('x');
    expect(Guarded.nodes.toCypher().cypher).toContain('.tag = $v0');
    // Options reach the plugin; the cache keeps the two texts apart.
    expect(Guarded.nodes.withPluginOptions({ all: true }).toCypher().cypher).not.toContain('tag');
    expect(Guarded.nodes.toCypher().cypher).toContain('tag');
    expect(Plain.nodes.filter({ name: 'a' }).toCypher().cypher).not.toContain('tag');
  });
});
