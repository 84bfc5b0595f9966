import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as core from '@cartograph/core';
import { ERROR_CATALOGUE, NotConnectedError, NotRelatedError } from '@cartograph/core';
import * as cypher from '@cartograph/cypher';
import * as migrations from '@cartograph/migrations';
import { MIGRATION_ERROR_CATALOGUE, MigrationError } from '@cartograph/migrations';
import { ERRORS_PATH, renderErrorReference } from '../src/error-reference';
import { classifyError } from '../src/runtime/classify-error';
import { ExitCode } from '../src/runtime/exit-codes';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) sources(file, into);
    else if (file.endsWith('.ts')) into.push(file);
  }
  return into;
}

describe('the error catalogue', () => {
  it('docs/errors.md is generated from it (regenerate: pnpm docs:errors)', () => {
    expect(readFileSync(path.join(REPO_ROOT, ERRORS_PATH), 'utf8')).toBe(renderErrorReference());
  });

  it('lists every code a source file raises', () => {
    const known = new Set([...Object.keys(ERROR_CATALOGUE), ...Object.keys(MIGRATION_ERROR_CATALOGUE)]);
    const raised = new Set<string>();
    for (const pkg of readdirSync(path.join(REPO_ROOT, 'packages'))) {
      const src = path.join(REPO_ROOT, 'packages', pkg, 'src');
      if (pkg === 'testing' || !statSync(src, { throwIfNoEntry: false })) continue;
      for (const file of sources(src)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/(?:super|new [A-Za-z]*Error)\(\s*'([A-Z][A-Z_]+)'/g)) {
          raised.add(match[1] as string);
        }
      }
    }
    expect([...raised].filter((code) => !known.has(code))).toEqual([]);
    expect(raised.size).toBeGreaterThan(30);
  });

  it('names classes the packages export', () => {
    const exported = { ...cypher, ...core, ...migrations } as Record<string, unknown>;
    for (const entry of [...Object.values(ERROR_CATALOGUE), ...Object.values(MIGRATION_ERROR_CATALOGUE)]) {
      expect([entry.className, typeof exported[entry.className]]).toEqual([entry.className, 'function']);
    }
  });
});

describe('CLI exit classification', () => {
  it('a migration that failed on NOT_RELATED is a failed migration (4), not a connection error (3)', () => {
    const notRelated = new NotRelatedError('Person 4:x is not related to Person 4:y through friends.');
    expect(notRelated.code).toBe('NOT_RELATED');
    const failed = new MigrationError('MIGRATION_FAILED', 'Migration 001 failed', { cause: notRelated });
    expect(classifyError(failed).exitCode).toBe(ExitCode.Migration);
    expect(classifyError(new NotConnectedError()).exitCode).toBe(ExitCode.Connection);
  });
});
