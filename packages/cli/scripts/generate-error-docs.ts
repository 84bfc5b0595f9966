// Writes docs/errors.md from the error catalogues. With --check, exits 1 when the committed file
// is out of date instead of writing it (the unit test does the same check).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERRORS_PATH, renderErrorReference } from '../src/error-reference';

const file = path.resolve(__dirname, '..', '..', '..', ERRORS_PATH);
const text = renderErrorReference();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    process.stderr.write(`${ERRORS_PATH} is out of date: run pnpm docs:errors\n`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${ERRORS_PATH}\n`);
}
