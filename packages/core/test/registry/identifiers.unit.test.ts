import 'reflect-metadata';
import {
  ModelDefinitionError,
  Node,
  NodeEntity,
  Rel,
  RelationshipEntity,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '../../src';

describe('names Cypher cannot carry are refused when the model is decorated', () => {
  it('a label', () => {
    expect(() => {
      @Node({ label: 'Bad\\u0060Label' })
      class BadLabel extends NodeEntity {}
      return BadLabel;
    }).toThrow(ModelDefinitionError);
    expect(() => {
      @Node({ labels: ['Ok', 'Nul\u0000'] })
      class NulLabel extends NodeEntity {}
      return NulLabel;
    }).toThrow(/NulLabel: label "Nul\\u0000"/);
  });

  it('a relationship type, naming class and field', () => {
    expect(() => {
      @Node()
      class BadType extends NodeEntity {
        @RelationshipTo(() => BadType, 'LINKS\\u0000') links!: RelationshipManager<BadType>;
      }
      return BadType;
    }).toThrow(/BadType: relationship "links" has type/);
    expect(() => {
      @Rel('REL\\u0041')
      class BadRel extends RelationshipEntity {}
      return BadRel;
    }).toThrow(ModelDefinitionError);
  });

  it('a stored property name, naming class and property', () => {
    expect(() => {
      @Node()
      class BadProperty extends NodeEntity {
        @StringProperty({ dbProperty: 'x\\u0060y' }) field?: string;
      }
      return BadProperty;
    }).toThrow(/BadProperty: property "field" is stored as/);
  });

  it('names that only need backticks are fine', () => {
    @Node({ label: 'Has Space' })
    class Spaced extends NodeEntity {
      @StringProperty({ dbProperty: 'with-dash' }) field?: string;
    }
    expect(Spaced).toBeDefined();
  });
});
