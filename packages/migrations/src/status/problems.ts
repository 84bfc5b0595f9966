import type { MigrationStatus } from '../types';

/**
 * One sentence per status that means files and graph disagree, saying what to do. Pending
 * migrations are normal before a deploy and only count with `allowPending: false`.
 */
export function problemsOf(
  statuses: readonly MigrationStatus[],
  options: { allowPending?: boolean } = {},
): string[] {
  const problems: string[] = [];
  for (const status of statuses) {
    const id = `${status.version}_${status.name}`;
    if (status.repeatable) {
      // A changed repeatable is meant to run again, not tampering; a removed one is just gone.
      if (status.state === 'failed')
        problems.push(
          `${status.version} failed${status.error ? `: ${status.error}` : ''}. Fix the file and run up again.`,
        );
      if ((status.state === 'pending' || status.state === 'outdated') && options.allowPending === false)
        problems.push(`${status.version} is ${status.state}. Run up to run it.`);
      continue;
    }
    switch (status.state) {
      case 'modified':
        problems.push(
          `${id} was changed after it was applied (recorded checksum ${short(status.checksum)}, file now ${short(status.fileChecksum)}). Revert the edit, or run repair to accept it.`,
        );
        break;
      case 'missing':
        problems.push(
          `${id} is applied in the database but its file is missing: the database is ahead of the code. Deploy the code that has it, or revert it (down) with that code.`,
        );
        break;
      case 'failed':
        problems.push(
          `${id} failed${status.error ? `: ${status.error}` : ''}.${status.progress ? ` It is ${status.progress.summary}.` : ''} Fix the file and run up again, or run repair to clear the failed record.`,
        );
        break;
      case 'partial':
        problems.push(
          `${id} was interrupted: ${status.progress?.summary ?? 'partially applied'}. Run up to continue it (a batched step that cannot resume safely is refused, with what to change).`,
        );
        break;
      case 'pending':
        if (options.allowPending === false) problems.push(`${id} is pending. Run up to apply it.`);
        break;
      default:
        break;
    }
  }
  return problems;
}

function short(checksum: string | undefined): string {
  return checksum ? checksum.slice(0, 12) : '(none)';
}
