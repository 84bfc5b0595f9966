/**
 * What Cartograph knows about an instance beyond its fields: its element id once saved, and the
 * stored property values it was loaded or last saved with (for writing only what changed).
 */
export interface EntityState {
  elementId: string | undefined;
  /** Stored (deflated) values by Neo4j property key, as last read or written. */
  snapshot: Record<string, unknown>;
}

// A non-enumerable symbol property rather than a WeakMap: hydrating thousands of instances per
// query made the WeakMap the largest cost after the network (measured in the query benchmarks).
// Being non-enumerable, it stays out of JSON, Object.keys, spreads and equality checks.
// Symbol.for: every copy of @cartograph/core in the process reads the same state.
const STATE = Symbol.for('cartograph.state');

type WithState = { [STATE]?: EntityState };

export function stateOf(entity: object): EntityState {
  const existing = (entity as WithState)[STATE];
  if (existing) return existing;
  const state: EntityState = { elementId: undefined, snapshot: {} };
  setState(entity, state);
  return state;
}

export function setState(entity: object, state: EntityState): void {
  const holder = entity as WithState;
  if (Object.hasOwn(holder, STATE)) {
    holder[STATE] = state;
    return;
  }
  Object.defineProperty(holder, STATE, {
    value: state,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}
