import {
  add,
  type CompiledQuery,
  deleteClause,
  fn,
  literal,
  map,
  match,
  merge,
  node,
  param,
  prop,
  query,
  render,
  returnClause,
  set,
  setProperty,
  variable,
  withClause,
} from '@cartograph/cypher';
import { PROGRESS_LABEL } from './labels';

/** The parameter that names the progress node inside a batched statement. */
export const PROGRESS_PARAM = 'cartographProgress';

/** Identifies one batched step of one migration in one direction. */
export interface StepKey {
  readonly version: string;
  readonly direction: 'up' | 'down';
  /** 1-based position among the migration's batched steps, in the order its code runs them. */
  readonly step: number;
}

export function progressKey(key: StepKey): string {
  return `${key.direction}:${key.version}:${key.step}`;
}

/** The progress node's variable; unlike `p`, unlikely to be one of a migration's own. */
const STEP = 'cartographStep';
const p = () => node(STEP, [PROGRESS_LABEL], map({ key: param(undefined, PROGRESS_PARAM) }));

/** Creates the step's progress node (rows 0) unless an interrupted earlier run left one. */
export function beginStepQuery(key: StepKey, label: string, batchSize: number): CompiledQuery {
  const compiled = render(
    query(
      merge(p(), {
        onCreate: [
          setProperty(prop(STEP, 'version'), param(key.version)),
          setProperty(prop(STEP, 'direction'), param(key.direction)),
          setProperty(prop(STEP, 'step'), fn('toInteger', [param(key.step)])),
          setProperty(prop(STEP, 'rows'), literal(0)),
          setProperty(prop(STEP, 'done'), literal(false)),
          setProperty(prop(STEP, 'startedAt'), fn('datetime')),
        ],
      }),
      // The label and batch size of the latest attempt are what status reports.
      set([
        setProperty(prop(STEP, 'label'), param(label)),
        setProperty(prop(STEP, 'batchSize'), fn('toInteger', [param(batchSize)])),
      ]),
      returnClause([
        { expr: prop(STEP, 'rows'), alias: 'rows' },
        { expr: prop(STEP, 'done'), alias: 'done' },
      ]),
    ),
  );
  return { cypher: compiled.cypher, params: { ...compiled.params, [PROGRESS_PARAM]: progressKey(key) } };
}

/**
 * How a batched statement counts its rows on the step's progress node: `match` (before the rows
 * source) finds the node once, `variable` is imported into the per-row subquery, and `count` ends
 * it. The count runs inside each batch's own inner transaction, so it commits exactly when the
 * batch does: a killed run leaves the number of committed rows, never more or less.
 */
export const rowCounting = {
  match: match(p()),
  variable: STEP,
  count: set([setProperty(prop(STEP, 'rows'), add(prop(STEP, 'rows'), literal(1)))]),
} as const;

/** {@link rowCounting} as text, for statements composed around a migration's own Cypher. */
export const rowCountingCypher = {
  match: render(query(rowCounting.match)).cypher,
  count: render(query(rowCounting.count)).cypher,
} as const;

export function finishStepQuery(key: StepKey): CompiledQuery {
  return {
    cypher: render(query(match(p()), set([setProperty(prop(STEP, 'done'), literal(true))]))).cypher,
    params: { [PROGRESS_PARAM]: progressKey(key) },
  };
}

/** Every progress node: the unfinished runs. */
export function readProgressQuery(): CompiledQuery {
  const n = variable('p');
  return render(
    query(
      match(node('p', [PROGRESS_LABEL])),
      returnClause([
        { expr: prop(n, 'version'), alias: 'version' },
        { expr: prop(n, 'direction'), alias: 'direction' },
        { expr: prop(n, 'step'), alias: 'step' },
        { expr: prop(n, 'label'), alias: 'label' },
        { expr: prop(n, 'rows'), alias: 'rows' },
        { expr: prop(n, 'batchSize'), alias: 'batchSize' },
        { expr: prop(n, 'done'), alias: 'done' },
        { expr: fn('toString', [prop(n, 'updatedAt')]), alias: 'updatedAt' },
      ]),
    ),
  );
}

/** Forgets the progress of one migration (its run finished and is being recorded). */
export function deleteProgressQuery(version: string): CompiledQuery {
  return render(
    query(match(node('p', [PROGRESS_LABEL], map({ version: param(version) }))), deleteClause(variable('p'))),
  );
}

/** Forgets every progress node (repair); returns the versions they belonged to. */
export function deleteAllProgressQuery(): CompiledQuery {
  return render(
    query(
      match(node('p', [PROGRESS_LABEL])),
      withClause([variable('p'), { expr: prop('p', 'version'), alias: 'version' }]),
      deleteClause(variable('p')),
      returnClause([variable('version')], { distinct: true }),
    ),
  );
}
