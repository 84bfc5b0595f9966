import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_PATH, renderCliReference } from '../src/reference';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

describe('docs/cli-reference.md', () => {
  it('matches the commands’ own --help (regenerate: pnpm tsx packages/cli/scripts/generate-reference.ts)', async () => {
    const committed = readFileSync(path.join(REPO_ROOT, REFERENCE_PATH), 'utf8');
    expect(committed).toBe(await renderCliReference());
  });

  it('covers every command', async () => {
    const text = await renderCliReference();
    for (const command of [
      'init',
      'schema diff',
      'schema sync',
      'migrate create',
      'migrate generate',
      'migrate up',
      'migrate down',
      'migrate status',
      'migrate validate',
      'migrate baseline',
      'migrate repair',
      'migrate unlock',
      'inspect',
      'diagram',
    ]) {
      expect(text).toContain(`## cartograph ${command}\n`);
    }
  });
});
