import { type Integer, isInt } from 'neo4j-driver';

/** What the driver puts in temporal and spatial fields: its own Integer, or a JS number or bigint. */
export type NumberOrInteger = number | Integer | bigint;

export function toJsNumber(value: NumberOrInteger): number {
  return isInt(value) ? value.toNumber() : Number(value);
}
