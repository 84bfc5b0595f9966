import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { printHeldLock, printStatuses, withMigrator } from './migrate-shared';

interface MigrateStatusOptions {
  json?: boolean;
}

/** `cartograph migrate status`: every migration, from the files and the graph's history. */
export function registerMigrateStatus(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('status')
    .description('List migrations: applied, pending, modified after apply, missing files, failed, baseline')
    .option(...JSON_OPTION)
    .action(
      action<MigrateStatusOptions>(runtime, async (ctx) => {
        const [statuses, lock] = await withMigrator(ctx, (migrator) =>
          Promise.all([migrator.status(), migrator.heldLock()]),
        );
        ctx.output.data({ migrations: statuses, ...(lock ? { lock } : {}) });
        printStatuses(ctx.output, statuses);
        printHeldLock(ctx.output, lock);
        const count = (state: string) => statuses.filter((s) => s.state === state).length;
        const { yellow, red, magenta } = ctx.output.colors;
        if (count('pending') > 0)
          ctx.output.line(yellow(`${count('pending')} pending: run \`cartograph migrate up\`.`));
        if (count('outdated') > 0)
          ctx.output.line(
            yellow(
              `${count('outdated')} repeatable changed since it last ran: \`cartograph migrate up\` runs it again.`,
            ),
          );
        if (count('partial') > 0)
          ctx.output.line(
            red(`${count('partial')} interrupted part-way: run \`cartograph migrate up\` to continue.`),
          );
        if (count('modified') > 0) {
          ctx.output.line(
            red(
              `${count('modified')} changed after being applied: restore the file, or accept it with \`cartograph migrate repair\`.`,
            ),
          );
        }
        if (count('missing') > 0) {
          ctx.output.line(
            magenta(`${count('missing')} applied but not in the folder: the database is ahead of this code.`),
          );
        }
        return undefined;
      }),
    );
}
