import type { Command } from 'commander';
import type { CliRuntime } from '../runtime/action';
import { registerMigrateBaseline } from './migrate-baseline';
import { registerMigrateClean } from './migrate-clean';
import { registerMigrateCreate } from './migrate-create';
import { registerMigrateDown } from './migrate-down';
import { registerMigrateGenerate } from './migrate-generate';
import { registerMigrateRepair } from './migrate-repair';
import { registerMigrateReset } from './migrate-reset';
import { registerMigrateResolve } from './migrate-resolve';
import { registerMigrateShow } from './migrate-show';
import { registerMigrateStatus } from './migrate-status';
import { registerMigrateUnlock } from './migrate-unlock';
import { registerMigrateUp } from './migrate-up';
import { registerMigrateValidate } from './migrate-validate';

/** The `cartograph migrate ...` group. */
export function registerMigrate(program: Command, runtime: CliRuntime): void {
  const migrate = program
    .command('migrate')
    .description('Create, apply, revert and check versioned migrations');
  registerMigrateCreate(migrate, runtime);
  registerMigrateGenerate(migrate, runtime);
  registerMigrateUp(migrate, runtime);
  registerMigrateDown(migrate, runtime);
  registerMigrateStatus(migrate, runtime);
  registerMigrateValidate(migrate, runtime);
  registerMigrateBaseline(migrate, runtime);
  registerMigrateShow(migrate, runtime);
  registerMigrateResolve(migrate, runtime);
  registerMigrateRepair(migrate, runtime);
  registerMigrateUnlock(migrate, runtime);
  registerMigrateClean(migrate, runtime);
  registerMigrateReset(migrate, runtime);
}
