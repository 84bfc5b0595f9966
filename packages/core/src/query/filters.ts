import { ForbiddenPropertyNameError } from '../errors';
import { InvalidFilterError, UnknownOperatorError, UnknownPropertyError } from '../errors/filter-errors';
import { stateOf } from '../mapping/entity-state';
import { isForbiddenKey } from '../mapping/write-input';
import { describeValue } from '../properties/describe-value';
import type { RelationshipDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import { Bound } from './bound';
import { convertOperand, type FieldRef } from './operands';
import { allows, kindOf, operatorsFor } from './operators';
import { allOf, type Hop, type OperatorPredicate, type Predicate } from './plan';
import { QNode } from './q-node';
import { type FieldScope, nodeScope, relationshipScope } from './scopes';

/** Key of a relation filter that holds filters on the relationship's own properties. */
export const REL_KEY = '$rel';

/**
 * Validates a filter object or `Q` expression against a model and converts every value, so that
 * mistakes surface where `filter()` is called and values are converted once.
 * @throws UnknownPropertyError, UnknownOperatorError, InvalidFilterError
 */
export function normalizeFilter(scope: FieldScope, input: unknown): Predicate | undefined {
  if (input instanceof QNode) {
    const items = input.items.map((item) => normalizeFilter(scope, item) ?? TRUE);
    if (input.operator === 'not') return { k: 'not', item: items[0] ?? TRUE };
    return { k: input.operator, items };
  }
  if (!isPlainObject(input)) {
    throw new InvalidFilterError(
      `A filter on ${scope.model} must be an object or a Q expression, got ${describeValue(input)}.`,
    );
  }
  const parts: Predicate[] = [];
  for (const key of Object.keys(input)) {
    if (isForbiddenKey(key)) throw new ForbiddenPropertyNameError(scope.model, key);
    const value = input[key];
    if (value === undefined) {
      throw new InvalidFilterError(
        `The filter value for ${scope.model}.${key} is undefined. Leave the key out, or use null to match a missing value.`,
      );
    }
    parts.push(normalizeEntry(scope, key, value));
  }
  return allOf(parts);
}

// `Q.and()` of nothing is true; an empty filter inside Q must not vanish, or `Q.not({})` would change meaning.
const TRUE: Predicate = { k: 'and', items: [] };

function normalizeEntry(scope: FieldScope, key: string, value: unknown): Predicate {
  const relationship = scope.relationships?.get(key);
  if (relationship) return relationFilter(relationship, value);
  const field = scope.field(key);
  if (!field) {
    throw new UnknownPropertyError(scope.model, key, scope.knownKeys(), 'filterable field');
  }
  return fieldFilter(field.ref, field.on, field.key, value);
}

/** Filters on one field: a value (equality), null (missing), or an operator object. */
export function fieldFilter(
  field: FieldRef,
  on: OperatorPredicate['on'],
  key: string,
  value: unknown,
): Predicate {
  if (value === null) return { k: 'op', on, key, op: 'isNull', value: true };
  const sensitive = field.sensitive === true;
  if (!isPlainObject(value))
    return { k: 'op', on, key, op: 'eq', value: new Bound(convertOperand(field, 'eq', value), sensitive) };
  const kind = kindOf(field.type);
  const parts: Predicate[] = [];
  for (const operator of Object.keys(value)) {
    if (!allows(kind, operator)) {
      throw new UnknownOperatorError(field.model, field.name, operator, [
        ...operatorsFor(kind),
        '(to compare with an object value, write { eq: value })',
      ]);
    }
    const operand = value[operator];
    if (operand === undefined) {
      throw new InvalidFilterError(`${field.model}.${field.name} (${operator}) has an undefined operand.`);
    }
    const converted = convertOperand(field, operator, operand);
    // isNull's flag is part of the text (IS NULL / IS NOT NULL); every other operand is a parameter.
    parts.push(
      operator === 'isNull'
        ? { k: 'op', on, key, op: operator, value: converted as boolean }
        : { k: 'op', on, key, op: operator, value: new Bound(converted, sensitive) },
    );
  }
  return allOf(parts) ?? TRUE;
}

/** Filters through a relationship: existence, a connected instance, or filters on the far side. */
export function relationFilter(relationship: RelationshipDefinition, value: unknown): Predicate {
  const target = registry.node(relationship.target());
  const hop: Hop = {
    type: relationship.type,
    direction: relationship.direction,
    labels: target.labels,
    target,
  };
  if (value === true) return { k: 'exists', hop, where: undefined };
  if (value === false) return { k: 'not', item: { k: 'exists', hop, where: undefined } };
  if (typeof value === 'object' && value !== null && value instanceof target.target) {
    const elementId = stateOf(value).elementId;
    if (elementId === undefined) {
      throw new InvalidFilterError(
        `Cannot filter ${relationship.name} by a ${target.name} that has not been saved.`,
      );
    }
    return { k: 'exists', hop, where: { k: 'op', on: 'id', key: '', op: 'eq', value: new Bound(elementId) } };
  }
  if (value instanceof QNode) return { k: 'exists', hop, where: normalizeFilter(nodeScope(target), value) };
  if (!isPlainObject(value)) {
    throw new InvalidFilterError(
      `The filter on relationship ${relationship.name} must be true, false, a ${target.name}, a Q expression or a filter object; got ${describeValue(value)}.`,
    );
  }
  const { [REL_KEY]: relFilter, ...nodeFilter } = value;
  const parts: Predicate[] = [];
  const onNode = normalizeFilter(nodeScope(target), nodeFilter);
  if (onNode) parts.push(onNode);
  if (relFilter !== undefined) {
    const onRel = normalizeFilter(relationshipScope(relationship), relFilter);
    if (onRel) parts.push(onRel);
  }
  return { k: 'exists', hop, where: allOf(parts) };
}

/** A plain `{...}` object, as opposed to a Date, driver value, array or model instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
