import neo4j from 'neo4j-driver';
import { PropertyDeflateError, PropertyInflateError, vectorType } from '../../src';

const context = { model: 'Chunk', field: 'embedding' };

describe('vectorType', () => {
  const type = vectorType(3);

  it('stores a plain list of floats, from an array or a Float32Array', () => {
    expect(type.deflate([0.5, -1, 2], context)).toEqual([0.5, -1, 2]);
    // Typed arrays reach it from untyped input (JSON bodies mapped by hand, plain JavaScript).
    const typed = Float32Array.from([0.5, -1, 2]) as unknown as number[];
    expect(type.deflate(typed, context)).toEqual([0.5, -1, 2]);
    expect(Array.isArray(type.deflate(typed, context))).toBe(true);
    expect(type.cypherType).toBe('LIST<FLOAT NOT NULL>');
  });

  it('refuses the wrong length, non-finite and non-numeric components on write', () => {
    expect(type.validate([1, 2])).toEqual(['expected 3 dimensions, got a vector of length 2']);
    expect(type.validate([1, Number.NaN, 2])).toEqual(['component 1 is NaN, not a finite number']);
    expect(type.validate([1, '2', 3])[0]).toMatch(/^component 1 is/);
    expect(() => type.deflate([1, 2] as never, context)).toThrow(PropertyDeflateError);
  });

  it('reads lists written by other clients, INTEGER components included, and refuses a wrong length', () => {
    expect(type.inflate([1, neo4j.int(2), 3.5], context)).toEqual([1, 2, 3.5]);
    expect(() => type.inflate([1, 2], context)).toThrow(/stored vector: expected 3 dimensions/);
    expect(() => type.inflate('1,2,3', context)).toThrow(PropertyInflateError);
  });

  it('takes 1 to 4096 dimensions', () => {
    expect(() => vectorType(0)).toThrow(TypeError);
    expect(() => vectorType(4097)).toThrow(TypeError);
    expect(() => vectorType(2.5)).toThrow(TypeError);
  });
});
