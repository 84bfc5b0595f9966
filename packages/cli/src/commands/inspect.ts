import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { generateModels } from '../inspect/generate-models';
import { inferSchema, withoutIgnored } from '../inspect/infer-schema';
import { readDatabase } from '../inspect/read-database';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { startProgress } from '../runtime/progress';

interface InspectOptions {
  out: string;
  force?: boolean;
  json?: boolean;
  ignore?: string[];
}

/** `cartograph inspect`: decorated model classes written from what an existing database holds. */
export function registerInspect(program: Command, runtime: CliRuntime): void {
  program
    .command('inspect')
    .description(
      'Read an existing database and write decorated model classes for its labels and relationship types',
    )
    .option('-o, --out <dir>', 'folder for the generated files', 'src/models/inspected')
    .option(
      '--ignore <names...>',
      "labels and relationship types to leave out (adds to the config's inspect.ignore); Cartograph's own __Cartograph* bookkeeping is always left out",
    )
    .option('--force', 'write into a folder that already has files (generated files are replaced)')
    .option(...JSON_OPTION)
    .action(
      action<InspectOptions>(runtime, async (ctx, { options }) => {
        const outDir = path.resolve(ctx.config.rootDir, options.out);
        if (!options.force && existsSync(outDir) && readdirSync(outDir).length > 0) {
          throw new CliError(
            ExitCode.Usage,
            `${outDir} is not empty (use --force to replace the generated files).`,
          );
        }
        const snapshot = await ctx.withGraph(async (graph) => {
          const progress = startProgress(ctx.output, 'Sampling relationships', 1);
          try {
            return await readDatabase(graph, (done, total, label) => progress.update(done, total, label));
          } finally {
            progress.stop();
          }
        });
        const ignore = [...(ctx.config.inspectIgnore ?? []), ...(options.ignore ?? [])].flatMap((n) =>
          n.split(',').filter(Boolean),
        );
        const schema = inferSchema(withoutIgnored(snapshot, ignore));
        if (schema.nodes.length === 0)
          ctx.output.warn('The database has no labelled nodes: there is nothing to model.');
        const files = generateModels(schema);
        mkdirSync(outDir, { recursive: true });
        for (const [name, content] of files) writeFileSync(path.join(outDir, name), content);
        ctx.output.data({ outDir, files: [...files.keys()], schema });
        const { bold, green, yellow } = ctx.output.colors;
        ctx.output.table(
          ['model', 'kind', 'label / type', 'properties', 'relationships'],
          [
            ...schema.nodes.map((n) => [
              n.className,
              'node',
              n.label,
              n.properties.length,
              n.relationships.length,
            ]),
            ...schema.relationshipModels.map((r) => [
              r.className,
              'relationship',
              r.type,
              r.properties.length,
              '-',
            ]),
          ],
        );
        const skipped = [...schema.nodes, ...schema.relationshipModels].flatMap((m) =>
          m.properties
            .filter((p) => !p.mapping)
            .map((p) => `${m.className}.${p.key} (${p.neo4jTypes.join(' | ')})`),
        );
        if (skipped.length > 0)
          ctx.output.line(yellow(`Skipped properties without a Cartograph type: ${skipped.join(', ')}`));
        ctx.output.line(
          `${green('wrote')} ${files.size} files to ${bold(path.relative(ctx.io.cwd, outDir) || '.')}`,
        );
        return undefined;
      }),
    );
}
