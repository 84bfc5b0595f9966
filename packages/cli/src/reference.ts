import { runCli } from './main';
import { allCommands, createProgram } from './program';
import { ExitCode } from './runtime/exit-codes';
import type { CliIO } from './runtime/output';

/** Path of the generated reference, relative to the repository root. */
export const REFERENCE_PATH = 'docs/cli-reference.md';

/**
 * The CLI reference as Markdown: the `--help` output of every command, exactly as the commands
 * print it (wrapped at 100 columns, no colour), so the document cannot drift from the code. Regenerate it
 * with `pnpm tsx packages/cli/scripts/generate-reference.ts`.
 */
export async function renderCliReference(): Promise<string> {
  const sections: string[] = [];
  for (const path of commandPaths()) {
    const help = await captureHelp(path);
    const title = ['cartograph', ...path].join(' ');
    sections.push(`## ${title}\n\n\`\`\`text\n${help.trimEnd()}\n\`\`\`\n`);
  }
  return [
    '# `cartograph` command reference',
    '',
    "<!-- Generated from the commands' own --help by packages/cli/scripts/generate-reference.ts. Do not edit by hand. -->",
    '',
    'How to install and configure the CLI, and what the exit codes mean: [cli.md](cli.md).',
    '',
    ...sections,
  ].join('\n');
}

/** Every command as the words that invoke it (`[]` for the root, `['migrate', 'up']`, ...). */
function commandPaths(): string[][] {
  const program = createProgram({ io: silentIO(), exitCode: ExitCode.Ok });
  return allCommands(program).map((command) => {
    const path: string[] = [];
    for (let current = command; current.parent; current = current.parent) path.unshift(current.name());
    return path;
  });
}

async function captureHelp(path: readonly string[]): Promise<string> {
  let text = '';
  const io: CliIO = { ...silentIO(), stdout: { write: (chunk: string) => (text += chunk) } };
  await runCli([...path, '--help'], io);
  return text;
}

function silentIO(): CliIO {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
  };
}
