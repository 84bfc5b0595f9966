import type {
  Delete,
  Remove,
  RemoveItem,
  RemoveLabels,
  RemoveProperty,
  SetClause,
  SetItem,
  SetLabels,
  SetMerge,
  SetProperty,
  SetReplace,
} from '../ast/clauses';
import type { Expr, Property } from '../ast/expressions';
import { assertItems } from '../validation/clauses';
import { checkedLabels, frozenList, toVariable, type VariableLike } from './common';

/** `SET item, item, ...`. @throws InvalidQueryError with no items. */
export function set(items: readonly SetItem[]): SetClause {
  assertItems(items, 'SET');
  return Object.freeze({ kind: 'Set', items: frozenList(items) });
}

/** `n.key = value` */
export function setProperty(property: Property, value: Expr): SetProperty {
  return Object.freeze({ kind: 'SetProperty', property, value });
}

/** `n += map`: adds or overwrites the given properties, keeps the others. */
export function setMerge(variable: VariableLike, value: Expr): SetMerge {
  return Object.freeze({ kind: 'SetMerge', variable: toVariable(variable), value });
}

/** `n = map`: replaces every property of the entity. */
export function setReplace(variable: VariableLike, value: Expr): SetReplace {
  return Object.freeze({ kind: 'SetReplace', variable: toVariable(variable), value });
}

/** `n:Label1:Label2` inside SET. @throws InvalidIdentifierError */
export function setLabels(variable: VariableLike, labels: readonly string[]): SetLabels {
  return Object.freeze({
    kind: 'SetLabels',
    variable: toVariable(variable),
    labels: checkedLabels(labels, 'setLabels'),
  });
}

/** `REMOVE item, item, ...`. @throws InvalidQueryError with no items. */
export function remove(items: readonly RemoveItem[]): Remove {
  assertItems(items, 'REMOVE');
  return Object.freeze({ kind: 'Remove', items: frozenList(items) });
}

/** `REMOVE n.key` */
export function removeProperty(property: Property): RemoveProperty {
  return Object.freeze({ kind: 'RemoveProperty', property });
}

/** `REMOVE n:Label1:Label2`. @throws InvalidIdentifierError */
export function removeLabels(variable: VariableLike, labels: readonly string[]): RemoveLabels {
  return Object.freeze({
    kind: 'RemoveLabels',
    variable: toVariable(variable),
    labels: checkedLabels(labels, 'removeLabels'),
  });
}

/** `[DETACH] DELETE expr, ...`. @throws InvalidQueryError with nothing to delete. */
export function deleteClause(exprs: Expr | readonly Expr[], options: { detach?: boolean } = {}): Delete {
  const list: readonly Expr[] = Array.isArray(exprs) ? exprs : [exprs as Expr];
  assertItems(list, 'DELETE');
  return Object.freeze({ kind: 'Delete', exprs: frozenList(list), detach: options.detach === true });
}
