import neo4j, { isPoint, Point } from 'neo4j-driver';
import { pointType } from '../../src/properties/point-type';

const context = { model: 'Airport', field: 'location' };
const cdg = { longitude: 2.5479, latitude: 49.0097 };
const cdgTower = { longitude: 2.5479, latitude: 49.0097, height: 119 };

describe('pointType', () => {
  const type = pointType();

  it.each([
    [cdg, 4326, [2.5479, 49.0097, undefined]],
    [cdgTower, 4979, [2.5479, 49.0097, 119]],
    [{ x: 12.5, y: -3 }, 7203, [12.5, -3, undefined]],
    [{ crs: 'cartesian-3d' as const, x: 1, y: 2, z: 3 }, 9157, [1, 2, 3]],
  ])('deflates %j to a point with SRID %i', (value, srid, coordinates) => {
    const deflated = type.deflate(value, context);
    if (!isPoint(deflated)) throw new Error('expected a neo4j Point');
    expect(String(deflated.srid)).toBe(String(srid));
    expect([deflated.x, deflated.y, deflated.z]).toEqual(coordinates);
  });

  it('inflates each SRID back to a point carrying its crs', () => {
    expect(type.inflate(new Point(neo4j.int(4326), 2.5479, 49.0097), context)).toEqual({
      crs: 'wgs-84',
      ...cdg,
    });
    expect(type.inflate(new Point(neo4j.int(4979), 2.5479, 49.0097, 119), context)).toEqual({
      crs: 'wgs-84-3d',
      ...cdgTower,
    });
    expect(type.inflate(new Point(neo4j.int(7203), 1, 2), context)).toEqual({ crs: 'cartesian', x: 1, y: 2 });
    expect(type.inflate(new Point(neo4j.int(9157), 1, 2, 3), context)).toEqual({
      crs: 'cartesian-3d',
      x: 1,
      y: 2,
      z: 3,
    });
  });

  it('rejects coordinates out of range, missing or not finite', () => {
    expect(type.validate({ longitude: 2.5, latitude: 91 })).toEqual(['latitude 91 is outside -90..90']);
    expect(type.validate({ longitude: -181, latitude: 0 })).toEqual(['longitude -181 is outside -180..180']);
    expect(type.validate({ x: 1, y: Number.NaN })).toEqual(['y must be a finite number, got number NaN']);
    expect(type.validate({ latitude: 49 })).toEqual(['longitude must be a finite number, got undefined']);
    expect(type.validate('POINT(2.5 49)')).toEqual(['expected a point, got string "POINT(2.5 49)"']);
  });

  it('rejects a crs that does not fit the fields given', () => {
    expect(type.validate({ crs: 'wgs-84-3d', ...cdg })).toEqual([
      'crs wgs-84-3d does not fit a point with longitude, latitude',
    ]);
    expect(type.validate({ crs: 'cartesian', x: 1, y: 2, z: 3 })).toEqual([
      'crs cartesian does not fit a point with x, y, z',
    ]);
  });

  it('restricts the crs when asked, and names model and field on deflate', () => {
    const geographic = pointType({ crs: ['wgs-84', 'wgs-84-3d'] });
    expect(geographic.validate(cdgTower)).toEqual([]);
    expect(geographic.validate({ x: 1, y: 2 })).toEqual([
      'is a cartesian point; this property takes wgs-84 or wgs-84-3d',
    ]);
    expect(() => pointType({ crs: 'wgs-84' }).deflate(cdgTower, context)).toThrow(
      'Airport.location: is a wgs-84-3d point; this property takes wgs-84',
    );
  });

  it('refuses unknown SRIDs and non-points on read', () => {
    expect(() => type.inflate(new Point(neo4j.int(3857), 1, 2), context)).toThrow(
      'Airport.location: point has unknown SRID 3857',
    );
    expect(() => type.inflate([2.5, 49], context)).toThrow(
      'Airport.location: expected a POINT, got an array',
    );
  });

  it('compares crs and coordinates, with or without an explicit crs', () => {
    expect(type.equals?.(cdg, { crs: 'wgs-84', ...cdg })).toBe(true);
    expect(type.equals?.(cdg, cdgTower)).toBe(false);
    expect(type.equals?.({ x: 2.5479, y: 49.0097 }, cdg)).toBe(false);
    expect(type.equals?.(cdg, { longitude: 2.5479, latitude: 49.01 })).toBe(false);
  });
});
