/**
 * What Cartograph knows about an instance beyond its fields: its element id once saved, and the
 * stored property values it was loaded or last saved with (for writing only what changed).
 */
export interface EntityState {
  elementId: string | undefined;
  /** Stored (deflated) values by Neo4j property key, as last read or written. */
  snapshot: Record<string, unknown>;
}

const states = new WeakMap<object, EntityState>();

export function stateOf(entity: object): EntityState {
  let state = states.get(entity);
  if (!state) {
    state = { elementId: undefined, snapshot: {} };
    states.set(entity, state);
  }
  return state;
}

export function setState(entity: object, state: EntityState): void {
  states.set(entity, state);
}
