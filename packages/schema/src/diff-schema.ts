import type { PlannedSchemaItem } from '@cartograph/core/internal';
import { isBookkeepingItem } from './bookkeeping';
import { fromPlanned } from './from-planned';
import { conflictReason, definitionDifference } from './same-definition';
import { describeSchemaItem, type SchemaItem } from './schema-item';

/** A name the models and the database both use for different things (or one thing, two names). */
export interface SchemaConflict {
  /** The planned name. */
  readonly name: string;
  readonly planned: SchemaItem;
  readonly actual: SchemaItem;
  readonly reason: string;
}

/**
 * A planned item the database already has under another name (e.g. `constraint_a831e4ce`, made by
 * hand before the models existed): the same definition, so it is kept as it is, not recreated.
 */
export interface AdoptedSchemaItem {
  /** The name the models would give it. */
  readonly name: string;
  readonly planned: SchemaItem;
  /** The item in the database, under its own name. */
  readonly actual: SchemaItem;
}

/** A planned item this database cannot have (Enterprise-only on Community), and why. */
export interface UnsupportedSchemaItem {
  readonly item: SchemaItem;
  readonly reason: string;
}

/** What it takes to turn the database's schema into the planned one. */
export interface SchemaDiff {
  /** Planned, absent from the database. */
  readonly toCreate: SchemaItem[];
  /** In the database, declared by no model (never Cartograph's migration bookkeeping). */
  readonly toDrop: SchemaItem[];
  /** Planned and present with the same name and definition. */
  readonly unchanged: SchemaItem[];
  /** Same name, different definition. */
  readonly conflicts: SchemaConflict[];
  /** Same definition under another name: the existing item is adopted as it is. */
  readonly adopted: AdoptedSchemaItem[];
  /** Planned but impossible on this edition; reported, never created. */
  readonly unsupported: UnsupportedSchemaItem[];
}

/** The database side of a diff; {@link readDatabaseSchema} returns a superset of it. */
export interface ActualSchema {
  readonly edition: 'community' | 'enterprise';
  readonly version?: string;
  readonly items: readonly SchemaItem[];
}

/**
 * Compares planned items with the database's. Items are paired by name first; a planned item
 * whose name is free but whose exact definition exists under another name is adopted: the
 * existing item already does the job (and Neo4j would refuse a second equivalent one), so it is
 * kept under its own name rather than dropped and recreated. Pure.
 */
export function diffSchema(planned: readonly PlannedSchemaItem[], actual: ActualSchema): SchemaDiff {
  const diff: SchemaDiff = {
    toCreate: [],
    toDrop: [],
    unchanged: [],
    conflicts: [],
    adopted: [],
    unsupported: [],
  };
  const remaining = new Map(actual.items.map((item) => [item.name, item]));
  for (const item of planned.map(fromPlanned)) {
    const existing = remaining.get(item.name);
    remaining.delete(item.name);
    if (item.enterpriseOnly && actual.edition === 'community') {
      diff.unsupported.push({ item, reason: unsupportedReason(item, actual.version) });
    } else if (existing) {
      const difference = definitionDifference(item, existing);
      if (difference === undefined) diff.unchanged.push(item);
      else
        diff.conflicts.push({
          name: item.name,
          planned: item,
          actual: existing,
          reason: conflictReason(item, existing, difference),
        });
    } else {
      const equivalent = [...remaining.values()].find(
        (other) => definitionDifference(item, other) === undefined,
      );
      if (equivalent) {
        remaining.delete(equivalent.name);
        diff.adopted.push({ name: item.name, planned: item, actual: equivalent });
      } else {
        diff.toCreate.push(item);
      }
    }
  }
  const undeclared = [...remaining.values()].filter((item) => !isBookkeepingItem(item));
  diff.toDrop.push(...undeclared.sort((a, b) => a.name.localeCompare(b.name)));
  return diff;
}

function unsupportedReason(item: SchemaItem, version: string | undefined): string {
  const where = item.source ? ` (declared by ${item.source})` : '';
  const server = version ? `Neo4j Community ${version}` : 'Neo4j Community';
  return `${describeSchemaItem(item)}${where} needs Neo4j Enterprise Edition; this database runs ${server}, so it was not created. Run against Enterprise, or remove the Enterprise-only option from the model.`;
}

/** True when applying the diff would change nothing (drops only count when `drop` is set). */
export function isInSync(diff: SchemaDiff, options: { drop?: boolean } = {}): boolean {
  return (
    diff.toCreate.length === 0 && diff.conflicts.length === 0 && (!options.drop || diff.toDrop.length === 0)
  );
}
