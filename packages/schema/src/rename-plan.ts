import type { SchemaDiff } from './diff-schema';
import { describeSchemaItem, type SchemaItem } from './schema-item';

/** A property rename the user asked for: `--rename Movie.name:title`. */
export interface PropertyRename {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** A label (or relationship type) rename: `--rename-label Film:Movie`. */
export interface LabelRename {
  readonly from: string;
  readonly to: string;
}

/** A likely rename the diff shows: an item dropped and one of the same kind added. */
export interface RenameCandidate {
  readonly kind: 'property' | 'label';
  /** `property`: the label; `label`: undefined. */
  readonly label?: string;
  readonly from: string;
  readonly to: string;
  /** The item in the database that would be dropped, and the planned one that would be created. */
  readonly dropped: SchemaItem;
  readonly created: SchemaItem;
  /** The flag that asks for it: `--rename Movie.name:title` or `--rename-label Film:Movie`. */
  readonly flag: string;
}

/** What a rename turns the diff into: refactorings, plus the schema items they move. */
export interface RenamePlan {
  /** The diff without the items the renames account for. */
  readonly diff: SchemaDiff;
  /** The accepted renames, each with the items it moves (old one dropped, new one created). */
  readonly renames: RenameCandidate[];
}

/**
 * Pairs each undeclared item (`toDrop`) with a planned one (`toCreate`) that has the same kind,
 * type, entity and options and differs only in one property on the same single label (a property
 * rename), or only in its single label with the same properties (a label rename). Pure.
 */
export function renameCandidates(diff: SchemaDiff): RenameCandidate[] {
  const candidates: RenameCandidate[] = [];
  for (const dropped of diff.toDrop) {
    for (const created of diff.toCreate) {
      if (!sameShape(dropped, created)) continue;
      const sameLabels = dropped.labels.join('|') === created.labels.join('|');
      const sameProperties = dropped.properties.join('|') === created.properties.join('|');
      if (sameLabels && !sameProperties && dropped.labels.length === 1) {
        const changed = dropped.properties
          .map((property, i) => [property, created.properties[i]!] as const)
          .filter(([a, b]) => a !== b);
        if (changed.length !== 1) continue;
        const [from, to] = changed[0]!;
        const label = dropped.labels[0]!;
        candidates.push({
          kind: 'property',
          label,
          from,
          to,
          dropped,
          created,
          flag: `--rename ${label}.${from}:${to}`,
        });
      } else if (
        // Node labels only: a renamed relationship type is left to ctx.renameRelationshipType by hand.
        dropped.entity === 'node' &&
        !sameLabels &&
        sameProperties &&
        dropped.labels.length === 1 &&
        created.labels.length === 1
      ) {
        const from = dropped.labels[0]!;
        const to = created.labels[0]!;
        candidates.push({ kind: 'label', from, to, dropped, created, flag: `--rename-label ${from}:${to}` });
      }
    }
  }
  return candidates;
}

/**
 * Applies the renames the user asked for to a diff: each matching candidate leaves `toDrop` and
 * `toCreate` (its items are moved by the rename migration instead). A rename that matches no
 * candidate is still a rename (the data moves) with no schema item to move. Pure.
 */
export function planRenames(
  diff: SchemaDiff,
  requested: { properties?: readonly PropertyRename[]; labels?: readonly LabelRename[] },
): RenamePlan {
  const candidates = renameCandidates(diff);
  const renames: RenameCandidate[] = [];
  const used = new Set<SchemaItem>();
  const take = (candidate: RenameCandidate) => {
    if (used.has(candidate.dropped) || used.has(candidate.created)) return;
    used.add(candidate.dropped);
    used.add(candidate.created);
    renames.push(candidate);
  };
  for (const rename of requested.properties ?? []) {
    candidates
      .filter(
        (c) =>
          c.kind === 'property' && c.label === rename.label && c.from === rename.from && c.to === rename.to,
      )
      .forEach(take);
  }
  for (const rename of requested.labels ?? []) {
    candidates
      .filter((c) => c.kind === 'label' && c.from === rename.from && c.to === rename.to)
      .forEach(take);
  }
  return {
    diff: {
      ...diff,
      toDrop: diff.toDrop.filter((item) => !used.has(item)),
      toCreate: diff.toCreate.filter((item) => !used.has(item)),
    },
    renames,
  };
}

/** `Movie.name:title` -> a property rename; undefined when it does not parse. */
export function parsePropertyRename(text: string): PropertyRename | undefined {
  const match = /^([^.:\s]+)\.([^.:\s]+):([^.:\s]+)$/.exec(text.trim());
  return match ? { label: match[1]!, from: match[2]!, to: match[3]! } : undefined;
}

/** `Film:Movie` -> a label rename; undefined when it does not parse. */
export function parseLabelRename(text: string): LabelRename | undefined {
  const match = /^([^.:\s]+):([^.:\s]+)$/.exec(text.trim());
  return match ? { from: match[1]!, to: match[2]! } : undefined;
}

/** One line per candidate: `(:Movie).name -> title looks like a rename: pass --rename Movie.name:title`. */
export function renameHint(candidate: RenameCandidate): string {
  const what =
    candidate.kind === 'property'
      ? `property ${candidate.label}.${candidate.from} renamed to ${candidate.to}`
      : `label ${candidate.from} renamed to ${candidate.to}`;
  return `${describeSchemaItem(candidate.dropped)} is declared by no model and ${describeSchemaItem(candidate.created)} would be created: if this is a ${what}, pass ${candidate.flag} to move the data (and the item) instead.`;
}

function sameShape(a: SchemaItem, b: SchemaItem): boolean {
  return (
    a.kind === b.kind &&
    a.entity === b.entity &&
    a.type === b.type &&
    a.properties.length === b.properties.length &&
    a.propertyType === b.propertyType
  );
}
