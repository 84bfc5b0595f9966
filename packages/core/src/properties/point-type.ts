import neo4j, { isPoint, Point } from 'neo4j-driver';
import { deflateError, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import { toJsNumber } from './neo4j-number';
import type { PropertyType } from './property-type';

/** The coordinate reference systems Neo4j stores points in. */
export type PointCrs = 'wgs-84' | 'wgs-84-3d' | 'cartesian' | 'cartesian-3d';

/** A geographic point in degrees (and metres of height for 3D). `crs` defaults from the fields given. */
export interface WgsPoint {
  readonly crs?: 'wgs-84' | 'wgs-84-3d';
  readonly longitude: number;
  readonly latitude: number;
  readonly height?: number;
}

/** A point on a plane or in space. `crs` defaults from the fields given. */
export interface CartesianPoint {
  readonly crs?: 'cartesian' | 'cartesian-3d';
  readonly x: number;
  readonly y: number;
  readonly z?: number;
}

/** A Neo4j POINT; inflated points always carry `crs`. */
export type GeoPoint = WgsPoint | CartesianPoint;

/** Options of `pointType` / `@PointProperty`: the coordinate reference system. */
export interface PointTypeOptions {
  /** Restricts the coordinate reference systems this property accepts. */
  readonly crs?: PointCrs | readonly PointCrs[];
}

const SRID: Readonly<Record<PointCrs, number>> = {
  'wgs-84': 4326,
  'wgs-84-3d': 4979,
  cartesian: 7203,
  'cartesian-3d': 9157,
};

interface ResolvedPoint {
  readonly crs: PointCrs;
  readonly coordinates: readonly number[];
}

/** The point's crs and coordinates in Neo4j's x, y, z order, or why it is not a point. */
function resolve(value: unknown): ResolvedPoint | string {
  if (typeof value !== 'object' || value === null) return `expected a point, got ${describeValue(value)}`;
  const point = value as Partial<
    Record<'crs' | 'longitude' | 'latitude' | 'height' | 'x' | 'y' | 'z', unknown>
  >;
  const geographic = point.longitude !== undefined || point.latitude !== undefined;
  const names = geographic ? (['longitude', 'latitude', 'height'] as const) : (['x', 'y', 'z'] as const);
  const third = point[names[2]] !== undefined;
  const crs: PointCrs = geographic ? (third ? 'wgs-84-3d' : 'wgs-84') : third ? 'cartesian-3d' : 'cartesian';
  if (point.crs !== undefined && point.crs !== crs) {
    const fields = third ? names.join(', ') : names.slice(0, 2).join(', ');
    return `crs ${String(point.crs)} does not fit a point with ${fields}`;
  }
  const coordinates: number[] = [];
  for (const name of third ? names : names.slice(0, 2)) {
    const coordinate = point[name];
    if (typeof coordinate !== 'number' || !Number.isFinite(coordinate)) {
      return `${name} must be a finite number, got ${describeValue(coordinate)}`;
    }
    coordinates.push(coordinate);
  }
  if (geographic && Math.abs(coordinates[0]!) > 180) {
    return `longitude ${coordinates[0]} is outside -180..180`;
  }
  if (geographic && Math.abs(coordinates[1]!) > 90) return `latitude ${coordinates[1]} is outside -90..90`;
  return { crs, coordinates };
}

function toGeoPoint(crs: PointCrs, x: number, y: number, z: number | undefined): GeoPoint {
  switch (crs) {
    case 'wgs-84':
      return { crs, longitude: x, latitude: y };
    case 'wgs-84-3d':
      return { crs, longitude: x, latitude: y, height: z ?? 0 };
    case 'cartesian':
      return { crs, x, y };
    case 'cartesian-3d':
      return { crs, x, y, z: z ?? 0 };
  }
}

/** A Neo4j POINT in any of its four coordinate reference systems, held as a {@link GeoPoint}. */
export function pointType(options: PointTypeOptions = {}): PropertyType<GeoPoint> {
  const allowed = typeof options.crs === 'string' ? [options.crs] : options.crs;
  const check = (value: unknown): ResolvedPoint | string => {
    const point = resolve(value);
    if (typeof point !== 'string' && allowed && !allowed.includes(point.crs)) {
      return `is a ${point.crs} point; this property takes ${allowed.join(' or ')}`;
    }
    return point;
  };
  return {
    name: 'point',
    cypherType: 'POINT',
    tsType: 'GeoPoint',
    validate(value) {
      const point = check(value);
      return typeof point === 'string' ? [point] : [];
    },
    deflate(value, context) {
      const point = check(value);
      if (typeof point === 'string') throw deflateError(context, point);
      const [x, y, z] = point.coordinates;
      return new Point(neo4j.int(SRID[point.crs]), x!, y!, z);
    },
    inflate(value, context) {
      if (!isPoint(value)) throw inflateError(context, `expected a POINT, got ${describeValue(value)}`);
      const srid = toJsNumber(value.srid);
      const crs = (Object.keys(SRID) as PointCrs[]).find((name) => SRID[name] === srid);
      if (!crs) throw inflateError(context, `point has unknown SRID ${srid}`);
      return toGeoPoint(crs, value.x, value.y, value.z);
    },
    equals(a, b) {
      const left = resolve(a);
      const right = resolve(b);
      if (typeof left === 'string' || typeof right === 'string') return Object.is(a, b);
      return left.crs === right.crs && left.coordinates.every((c, i) => c === right.coordinates[i]);
    },
  };
}
