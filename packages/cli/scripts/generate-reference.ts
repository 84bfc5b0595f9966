// Writes docs/cli-reference.md from the commands' own --help output. With --check, exits 1 when
// the committed file is out of date instead of writing it (the unit test does the same check).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_PATH, renderCliReference } from '../src/reference';

async function generate(): Promise<void> {
  const file = path.resolve(__dirname, '..', '..', '..', REFERENCE_PATH);
  const text = await renderCliReference();
  if (process.argv.includes('--check')) {
    const current = readFileSync(file, 'utf8');
    if (current !== text) {
      process.stderr.write(
        `${REFERENCE_PATH} is out of date: run pnpm tsx packages/cli/scripts/generate-reference.ts\n`,
      );
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(file, text);
  process.stdout.write(`wrote ${REFERENCE_PATH}\n`);
}

void generate();
