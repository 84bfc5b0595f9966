import {
  createStatementFor,
  dropStatementFor,
  type LabelRename,
  type PropertyRename,
  type RenamePlan,
} from '@cartograph/schema';

/**
 * The lines of a `.ts` rename migration: the remaining schema statements, then per rename the
 * old item dropped, the data moved (`ctx.renameProperty` / `ctx.renameLabel`) and the new item
 * created; `down` does the reverse. Requested renames with no schema item to move still move the
 * data. Pure.
 */
export function renameMigrationSteps(
  plan: RenamePlan,
  requested: { properties: readonly PropertyRename[]; labels: readonly LabelRename[] },
  rest: { up: readonly string[]; down: readonly string[] },
): { up: string[]; down: string[] } {
  const literal = (text: string) => JSON.stringify(text);
  const schema = (statement: string) => `await ctx.schema(${literal(statement)});`;
  const up: string[] = rest.up.map(schema);
  const down: string[] = [];
  const steps = [
    ...requested.properties.map((rename) => ({
      forward: `await ctx.renameProperty(${literal(rename.label)}, ${literal(rename.from)}, ${literal(rename.to)});`,
      back: `await ctx.renameProperty(${literal(rename.label)}, ${literal(rename.to)}, ${literal(rename.from)});`,
      moves: plan.renames.filter(
        (c) =>
          c.kind === 'property' && c.label === rename.label && c.from === rename.from && c.to === rename.to,
      ),
    })),
    ...requested.labels.map((rename) => ({
      forward: `await ctx.renameLabel(${literal(rename.from)}, ${literal(rename.to)});`,
      back: `await ctx.renameLabel(${literal(rename.to)}, ${literal(rename.from)});`,
      moves: plan.renames.filter((c) => c.kind === 'label' && c.from === rename.from && c.to === rename.to),
    })),
  ];
  for (const step of steps) {
    up.push(...step.moves.map((move) => schema(dropStatementFor(move.dropped))));
    up.push(step.forward);
    up.push(...step.moves.map((move) => schema(createStatementFor(move.created))));
  }
  for (const step of [...steps].reverse()) {
    down.push(...step.moves.map((move) => schema(dropStatementFor(move.created))));
    down.push(step.back);
    down.push(...step.moves.map((move) => schema(createStatementFor(move.dropped))));
  }
  down.push(...rest.down.map(schema));
  return { up, down };
}
