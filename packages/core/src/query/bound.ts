/**
 * A value the query sends as a parameter (`$v0`), never as text: a filter's operand, a stage's
 * skip and limit, a search's vector, query, index name and counts. The plan wraps every such value
 * in a `Bound`, so the plan itself says which of its parts are values: the compile cache keys a
 * plan on everything but its Bounds (see `plan-key.ts`), and the compiler asks for a Bound's
 * parameter by the Bound itself (see `param-slots.ts`).
 */
export class Bound<T = unknown> {
  // Not frozen at run time (its fields are readonly): freezing measured 3x the cost of creating
  // one, on every filter value of every query. The key never reads the value, so a changed value
  // could not hand one query's text to another.
  /**
   * @param value What the driver sends, already converted (a bigint for an INTEGER such as a limit).
   * @param sensitive The value belongs to a sensitive property: its parameter is masked in logs.
   */
  constructor(
    readonly value: T,
    readonly sensitive: boolean = false,
  ) {}
}

/** A whole number the driver must send as an INTEGER (skip, limit, counts), not as a FLOAT. */
export function integerBound(value: number): Bound<bigint> {
  return new Bound(BigInt(value));
}
