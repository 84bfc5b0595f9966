import { sharedStore } from './shared-store';

interface RecordIds {
  readonly ids: WeakMap<object, number>;
  next: number;
}

// Shared by every copy of core in the process, as the registry is (see shared-store.ts).
const records = sharedStore<RecordIds>('recordIds', () => ({ ids: new WeakMap(), next: 1 }));

/**
 * Marks a registry record (a node or relationship definition, a property or relationship field, a
 * property type) as compared by identity. The compile cache's key (`query/plan-key.ts`) takes a
 * record as one part, the object itself, instead of walking it: a record stands for one model
 * element and never changes once the registry is sealed, and a node definition holds maps and
 * classes that no walk could write down.
 */
export function registerRecord(record: object): void {
  if (!records.ids.has(record)) records.ids.set(record, records.next++);
}

/** The number of a registered record (a small positive integer, for hashing), else undefined. */
export function recordId(object: object): number | undefined {
  return records.ids.get(object);
}
