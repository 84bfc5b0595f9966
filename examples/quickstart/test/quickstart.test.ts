import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../../..');

describe('the quickstart example', () => {
  it('runs the core contract end to end against Neo4j', async () => {
    const { stdout } = await promisify(execFile)(
      resolve(root, 'node_modules/.bin/tsx'),
      ['--tsconfig', resolve(root, 'tsconfig.json'), resolve(root, 'examples/quickstart/src/main.ts')],
      { cwd: root, env: process.env },
    );

    expect(stdout).toContain('Alice has known Bob since 2020-01-01');
    expect(stdout).toMatch(/Refused as expected: Person\.employer is ZeroOrOne/);
    expect(stdout).toContain('Loaded Alice (31), nobody: null');
    expect(stdout).toContain('Transaction rolled back');
    expect(stdout).toContain('People: Alice <alice@example.com>, Bob <bob@example.com>');
    expect(stdout).toContain('After deleting Alice: 1 person(s) left');
  }, 120_000);
});
