import type { FetchNode } from './fetch-plan';
import type { ParamSlots } from './param-slots';
import type { Hop, Predicate } from './plan';
import { sourceShape } from './search/compile-search';
import type { NodeSetState, Stage } from './state';

const ids = new WeakMap<object, number>();
let nextId = 0;

/** A short, stable id for a definition object (labels, relationship types are fixed per definition). */
function idOf(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = nextId++;
    ids.set(object, id);
  }
  return id;
}

// Names are length-prefixed so that no two different shapes can produce the same text.
const word = (text: string): string => `${text.length}:${text}`;

function hopShape(hop: Hop, slots: ParamSlots): string {
  const text = `${word(hop.type)}${hop.direction}${hop.labels.map(word).join('')}`;
  return hop.guard === undefined ? text : `${text}G${predicateShape(hop.guard, slots)}`;
}

/** The shape of one predicate (see {@link shapeOf}); its values go into `slots`. */
export function predicateShape(predicate: Predicate, slots: ParamSlots): string {
  switch (predicate.k) {
    case 'op':
      // isNull's flag decides the text (IS NULL / IS NOT NULL); every other value is a parameter.
      if (predicate.op === 'isNull')
        return `(${predicate.on}${word(predicate.key)}isNull${predicate.value === true})`;
      slots.register(predicate, predicate.value, predicate.sensitive);
      return `(${predicate.on}${word(predicate.key)}${predicate.op})`;
    case 'and':
    case 'or': {
      let text = `${predicate.k}[`;
      for (const item of predicate.items) text += predicateShape(item, slots);
      return `${text}]`;
    }
    case 'not':
      return `!${predicateShape(predicate.item, slots)}`;
    case 'exists':
      return `E{${hopShape(predicate.hop, slots)}${predicate.where ? predicateShape(predicate.where, slots) : ''}}`;
  }
}

function stageShape(stage: Stage, slots: ParamSlots): string {
  let text = `S${idOf(stage.definition)}/${stage.via ? idOf(stage.via) : '-'}/`;
  if (stage.length) text += `*${stage.length.min}..${stage.length.max}/`;
  if (stage.source !== undefined) text += sourceShape(stage.source, slots);
  for (const predicate of stage.where) text += predicateShape(predicate, slots);
  text += '/';
  for (const key of stage.order) {
    text += word(key.text);
    for (const hop of key.hops) if (hop.guard !== undefined) text += hopShape(hop, slots);
  }
  if (stage.skip !== undefined) slots.register(stage, BigInt(stage.skip));
  if (stage.limit !== undefined) slots.registerLimit(stage, BigInt(stage.limit));
  text += `/${stage.skip === undefined ? '' : 's'}${stage.limit === undefined ? '' : 'l'}${stage.distinct ? 'd' : ''}/`;
  for (const plan of stage.annotations) {
    text += `${word(plan.name)}${plan.kind}${plan.distinct ? 'D' : ''}${plan.key === undefined ? '' : word(plan.key)}${plan.hops.map((hop) => hopShape(hop, slots)).join('')};`;
  }
  return text;
}

/**
 * A string that is equal for two states exactly when they compile to the same Cypher text, and the
 * values of `state` collected into `slots`. Walking the state costs far less than building and
 * rendering the AST, so compiled text is cached by this key.
 */
export function shapeOf(state: NodeSetState, slots: ParamSlots): string {
  let text = '';
  for (const stage of state.stages) text += stageShape(stage, slots);
  const fetch = state.fetch;
  if (fetch) {
    for (const path of fetch.paths) text += `F${path.optional ? '?' : ''}${word(path.path)}`;
    // Plugin guards (src/plugins) on the loaded relations and on the paths a node must have.
    if (state.guarded) {
      for (const root of fetch.roots) text += fetchShape(root, slots);
      for (const predicate of fetch.required) text += predicateShape(predicate, slots);
    }
  }
  return text;
}

function fetchShape(fetch: FetchNode, slots: ParamSlots): string {
  let text = `(${hopShape(fetch.hop, slots)}`;
  for (const child of fetch.children) text += fetchShape(child, slots);
  return `${text})`;
}
