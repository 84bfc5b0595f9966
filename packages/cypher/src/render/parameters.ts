import type { Param } from '../ast/expressions';
import { InvalidQueryError } from '../errors';
import { assertParamName } from '../validation/names';

/**
 * Hands out parameter placeholders during one render and collects the values behind them.
 *
 * Anonymous parameters are numbered by first appearance, so equal AST shapes always produce equal
 * text and callers can cache it per shape. A node object met twice keeps its first name.
 */
export class ParameterCollector {
  readonly values: Record<string, unknown> = {};
  private readonly byNode = new Map<Param, string>();
  private explicit: Map<string, Param> | undefined;
  private next = 0;

  /** Returns `$name` for the parameter, registering its value on first sight. */
  placeholder(param: Param): string {
    const known = this.byNode.get(param);
    if (known !== undefined) return known;
    const name = param.name === undefined ? `p${this.next++}` : this.claim(param, param.name);
    const placeholder = `$${name}`;
    this.byNode.set(param, placeholder);
    this.values[name] = param.value;
    return placeholder;
  }

  private claim(param: Param, name: string): string {
    // Re-checked here because hand-built nodes never went through `param()`.
    assertParamName(name);
    this.explicit ??= new Map();
    const owner = this.explicit.get(name);
    if (owner === undefined) {
      this.explicit.set(name, param);
    } else if (!Object.is(owner.value, param.value)) {
      throw new InvalidQueryError(`Parameter name ${JSON.stringify(name)} is used for two different values`);
    }
    return name;
  }
}
