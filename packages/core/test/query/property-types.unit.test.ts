// Compile-time contract of property types: `pnpm typecheck` checks this file (every line marked
// as an expected error must fail to type-check) and jest checks that what the types refuse is
// also refused at run time — what compiles is what runs.
import 'reflect-metadata';
import {
  DurationProperty,
  type GeoPoint,
  IntegerProperty,
  JsonProperty,
  type Neo4jDuration,
  Node,
  NodeEntity,
  type NodeSet,
  PointProperty,
  type PropertyType,
  propertyDecorator,
  StringProperty,
  stringType,
  UnknownOperatorError,
} from '../../src';

@Node()
class Place extends NodeEntity {
  declare static readonly nodes: NodeSet<Place>;
  @StringProperty() name?: string;
  @IntegerProperty() rank?: number;
  @PointProperty() home?: GeoPoint;
  @DurationProperty() shift?: Neo4jDuration;
  @JsonProperty() meta?: { level: number };
}

/** A custom property type: the decorator built with propertyDecorator is typed by it. */
const upperCase: PropertyType<string> = {
  ...stringType(),
  name: 'upper',
  deflate: (value: string) => value.toUpperCase(),
};
const UpperCaseProperty = () => propertyDecorator(upperCase);

declare const point: GeoPoint;
declare const duration: Neo4jDuration;

// Never called: only type-checked.
function typeContract(): void {
  // Equality applies to every type.
  Place.nodes.filter({ home: point, shift: { eq: duration }, meta: { ne: { level: 1 } } });
  Place.nodes.filter({ home: { isNull: true }, shift: { in: [duration] } });
  // Ordering only where the type defines an order.
  Place.nodes.filter({ rank: { gt: 1 }, name: { lt: 'm' } });
  // @ts-expect-error points have no order
  Place.nodes.filter({ home: { lt: point } });
  // @ts-expect-error durations have no order
  Place.nodes.filter({ shift: { gt: duration } });
  // @ts-expect-error JSON text order means nothing
  Place.nodes.filter({ meta: { gt: { level: 1 } } });

  // match() needs a relationship model: a set reached through none has nothing to match.
  // @ts-expect-error no relationship model
  Place.nodes.match({ anything: 1 });
}

// Decorators are typed by their property type: a mismatched field does not compile.
export class Mismatched extends NodeEntity {
  // @ts-expect-error an integer property on a string field
  @IntegerProperty() name!: string;
  // @ts-expect-error a string property on a number field
  @StringProperty() count?: number;
  // @ts-expect-error a point property on a string field
  @PointProperty() where?: string;
  // @ts-expect-error a custom string type on a number field
  @UpperCaseProperty() shout?: number;
  @UpperCaseProperty() loud?: string;
  @JsonProperty<{ a: number }>() data?: { a: number };
  // @ts-expect-error JSON typed by its parameter
  @JsonProperty<{ a: number }>() other?: { b: string };
}

describe('what the types refuse is refused at run time', () => {
  it('ordering on points, durations and JSON', () => {
    expect(typeof typeContract).toBe('function');
    for (const filter of [{ home: { lt: {} } }, { shift: { gt: 'PT1H' } }, { meta: { gt: {} } }]) {
      expect(() => Place.nodes.filter(filter as never)).toThrow(UnknownOperatorError);
    }
  });

  it('match() without a relationship', () => {
    expect(() => Place.nodes.match({ anything: 1 } as never)).toThrow(/after traverse/);
  });

  it('a custom property type converts through its own deflate', () => {
    expect(upperCase.deflate('abc', { model: 'M', field: 'f' })).toBe('ABC');
  });
});
