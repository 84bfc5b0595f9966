import type { SchemaItem } from './schema-item';

/**
 * Labels Cartograph itself uses for migration bookkeeping (`__CartographMigration`,
 * `__CartographMigrationLock`). Their constraints are never planned by models, so the diff must
 * not offer to drop them.
 */
export const BOOKKEEPING_LABEL_PREFIX = '__Cartograph';

/** True for constraints and indexes on Cartograph's own bookkeeping labels. */
export function isBookkeepingItem(item: SchemaItem): boolean {
  return item.labels.some((label) => label.startsWith(BOOKKEEPING_LABEL_PREFIX));
}
