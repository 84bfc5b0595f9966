import { ERROR_CATALOGUE } from '@cartograph/core';
import { MIGRATION_ERROR_CATALOGUE } from '@cartograph/migrations';

/** Where the generated error table lives, from the repository root. */
export const ERRORS_PATH = 'docs/errors.md';

/** docs/errors.md, from the error catalogues of core (with the Cypher builder) and migrations. */
export function renderErrorReference(): string {
  const row = (code: string, entry: { className: string; when: string }) =>
    `| \`${code}\` | \`${entry.className}\` | ${entry.when} |`;
  const table = (entries: Record<string, { className: string; when: string }>) => [
    '| code | class | when |',
    '| ---- | ----- | ---- |',
    ...Object.entries(entries).map(([code, entry]) => row(code, entry)),
  ];
  return [
    '# Errors',
    '',
    '<!-- Generated from ERROR_CATALOGUE (@cartograph/core) and MIGRATION_ERROR_CATALOGUE',
    '     (@cartograph/migrations) by `pnpm docs:errors`; do not edit by hand. -->',
    '',
    'Every error Cartograph raises is a `CartographError` with a stable `code` (match on the code,',
    'not on the message; `hasErrorCode(error, code)` narrows). The message says what happened and',
    'what to do. `ErrorCode` is the union of the codes below for core and the Cypher builder;',
    '`MigrationErrorCode` the union of the migration codes.',
    '',
    '## Core and the Cypher builder',
    '',
    ...table(ERROR_CATALOGUE),
    '',
    '## Migrations',
    '',
    ...table(MIGRATION_ERROR_CATALOGUE),
    '',
    "The CLI exits with 3 for connection errors (`NOT_CONNECTED` and the driver's",
    'connection failures) and with 4 for a failed migration (any `MIGRATION_*` code,',
    'including a migration that failed on `NOT_RELATED`); see [the CLI](cli.md).',
    '',
  ].join('\n');
}
