import type { Result } from 'neo4j-driver';
import { runUncaptured } from '../../src/executor/run-uncaptured';

describe('runUncaptured', () => {
  it('starts the statement with stack capture off and restores the limit after', () => {
    const limit = Error.stackTraceLimit;
    let seen: number | undefined;
    const runner = {
      run: () => {
        seen = Error.stackTraceLimit;
        return {} as Result;
      },
    };

    runUncaptured(runner, 'RETURN 1', {});

    expect(seen).toBe(0);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('restores the limit when starting the statement throws', () => {
    const limit = Error.stackTraceLimit;
    const runner = {
      run: (): Result => {
        throw new TypeError('bad parameter');
      },
    };

    expect(() => runUncaptured(runner, 'RETURN $x', { x: Symbol('x') })).toThrow(TypeError);
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
