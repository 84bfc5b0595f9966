import {
  type Clause,
  type CompiledQuery,
  call,
  create,
  deleteClause,
  type Expr,
  fn,
  isNotNull,
  isNull,
  literal,
  match,
  node,
  type PatternLike,
  param,
  pattern,
  prop,
  query,
  rel,
  remove,
  removeLabels,
  removeProperty,
  render,
  returnClause,
  type SetItem,
  set,
  setLabels,
  setProperty,
  setReplace,
  variable,
} from '@cartograph/cypher';

/** A batched refactoring: how to count its rows, and the statement that does the work. */
export interface BatchedPlan {
  readonly label: string;
  readonly count: CompiledQuery;
  readonly work: CompiledQuery;
}

type Entity = 'node' | 'relationship';

/**
 * Bookkeeping woven into the statement: `match` runs first, `variable` is imported into the
 * per-row subquery, `count` ends each row's part (committed with the batch).
 */
export interface Track {
  readonly match: Clause;
  readonly variable: string;
  readonly count: Clause;
}

/** `(n:Label)`, or `()-[n:TYPE]->()` so each relationship matches once. */
function target(entity: Entity, label: string): PatternLike {
  if (entity === 'node') return node('n', [label]);
  return pattern(node(), [rel({ variable: 'n', types: [label], direction: 'out' }), node()]);
}

/**
 * `MATCH ... CALL (vars) { ... } IN TRANSACTIONS OF n ROWS RETURN 1 AS done`: one row back per
 * row done, streamed as each inner transaction commits, which is what progress counts. `track`
 * ends each row's part (the migration's progress bookkeeping, committed with the batch).
 */
function plan(
  label: string,
  source: PatternLike,
  where: Expr | undefined,
  vars: string[],
  inner: Clause[],
  batchSize: number,
  track: Track | undefined,
): BatchedPlan {
  const matchClause = match(source, { where });
  // The entity being changed: `n`, or the relationship `r` of a type rename.
  const counted = vars.includes('n') ? 'n' : 'r';
  return {
    label,
    count: render(
      query(matchClause, returnClause([{ expr: fn('count', [variable(counted)]), alias: 'total' }])),
    ),
    work: render(
      query(
        track?.match,
        matchClause,
        call(query(...inner, track?.count), {
          importVariables: track ? [...vars, track.variable] : vars,
          inTransactions: { ofRows: batchSize },
        }),
        returnClause([{ expr: literal(1), alias: 'done' }]),
      ),
    ),
  };
}

export function renameLabelPlan(from: string, to: string, batchSize: number, track?: Track): BatchedPlan {
  const inner = [set([setLabels('n', [to])]), remove([removeLabels('n', [from])])];
  return plan(`renameLabel ${from} -> ${to}`, node('n', [from]), undefined, ['n'], inner, batchSize, track);
}

export function renameRelationshipTypePlan(
  from: string,
  to: string,
  batchSize: number,
  track?: Track,
): BatchedPlan {
  const source = pattern(node('a'), [rel({ variable: 'r', types: [from], direction: 'out' }), node('b')]);
  const inner = [
    create(pattern(node('a'), [rel({ variable: 'r2', types: [to], direction: 'out' }), node('b')])),
    set([setReplace('r2', fn('properties', [variable('r')]))]),
    deleteClause(variable('r')),
  ];
  return plan(
    `renameRelationshipType ${from} -> ${to}`,
    source,
    undefined,
    ['a', 'r', 'b'],
    inner,
    batchSize,
    track,
  );
}

// coalesce() keeps the helpers idempotent per row: a row seen twice is left as the first pass left it.
export function renamePropertyPlan(
  entity: Entity,
  label: string,
  from: string,
  to: string,
  batchSize: number,
  track?: Track,
): BatchedPlan {
  const update: SetItem = setProperty(prop('n', to), fn('coalesce', [prop('n', from), prop('n', to)]));
  const inner = [set([update]), remove([removeProperty(prop('n', from))])];
  return plan(
    `renameProperty ${label}.${from} -> ${to}`,
    target(entity, label),
    isNotNull(prop('n', from)),
    ['n'],
    inner,
    batchSize,
    track,
  );
}

export function setDefaultPlan(
  entity: Entity,
  label: string,
  property: string,
  value: unknown,
  batchSize: number,
  track?: Track,
): BatchedPlan {
  const inner = [
    set([setProperty(prop('n', property), fn('coalesce', [prop('n', property), param(value)]))]),
  ];
  return plan(
    `setDefault ${label}.${property}`,
    target(entity, label),
    isNull(prop('n', property)),
    ['n'],
    inner,
    batchSize,
    track,
  );
}
