import type { PlanKey } from './plan-key';

/** One value, under the parts of the key it was stored with. */
interface Entry<V> {
  readonly parts: readonly unknown[];
  readonly value: V;
  /** Another entry whose key has the same hash. */
  readonly next: Entry<V> | undefined;
}

/**
 * Values stored under {@link PlanKey}s: an entry is found by the key's hash and confirmed part by
 * part. Holds at most `limit` entries; when full, the entries of the oldest hash make room.
 */
export class KeyTable<V> {
  /** Key hash -> entries, oldest hash first. */
  readonly #entries = new Map<number, Entry<V>>();
  #size = 0;

  constructor(readonly limit: number) {}

  /** The value stored under a key equal to `key`. */
  get(key: PlanKey): V | undefined {
    let entry = this.#entries.get(key.hash);
    while (entry !== undefined && !key.matches(entry.parts)) entry = entry.next;
    return entry?.value;
  }

  /** Stores `value` under (a copy of) `key`, which holds no value yet. */
  set(key: PlanKey, value: V): void {
    if (this.#size >= this.limit) {
      const [oldest, evicted] = this.#entries.entries().next().value as [number, Entry<V>];
      this.#entries.delete(oldest);
      for (let entry: Entry<V> | undefined = evicted; entry !== undefined; entry = entry.next) this.#size--;
    }
    const hash = key.hash;
    const next = this.#entries.get(hash);
    // Deleted first, so that the hash moves to the end of the eviction order.
    this.#entries.delete(hash);
    this.#entries.set(hash, { parts: key.copy(), value, next });
    this.#size++;
  }

  clear(): void {
    this.#entries.clear();
    this.#size = 0;
  }
}
