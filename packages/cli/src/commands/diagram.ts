import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { registry } from '@cartograph/core/internal';
import { type Command, Option } from 'commander';
import { buildModelGraph } from '../diagram/model-graph';
import { DIAGRAM_FORMATS, type DiagramFormat, renderDiagram } from '../diagram/render-diagram';
import { action, type CliRuntime } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';

interface DiagramOptions {
  format: DiagramFormat;
  out?: string;
  json?: boolean;
}

/** `cartograph diagram`: the registry's models as Mermaid (class or ER diagram) or Graphviz DOT. */
export function registerDiagram(program: Command, runtime: CliRuntime): void {
  program
    .command('diagram')
    .description('Draw the models as a Mermaid class diagram, a Mermaid ER diagram or Graphviz DOT')
    .addOption(
      new Option('-f, --format <format>', 'diagram format').choices(DIAGRAM_FORMATS).default('mermaid'),
    )
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--json', 'print the models as one JSON document (entities and edges) instead of a diagram')
    .action(
      action<DiagramOptions>(
        runtime,
        async (ctx, { options }) => {
          ctx.loadModels();
          const nodes = registry.nodes();
          if (nodes.length === 0) {
            throw new CliError(
              ExitCode.Usage,
              'No models are registered: check `models` in the config file.',
            );
          }
          const model = buildModelGraph(nodes, registry.relationshipModels());
          if (options.json) {
            ctx.output.data(model);
            return undefined;
          }
          const text = renderDiagram(model, options.format);
          if (options.out === undefined) {
            ctx.io.stdout.write(text);
            return undefined;
          }
          const file = path.resolve(ctx.io.cwd, options.out);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text);
          ctx.output.line(`${ctx.output.colors.green('wrote')} ${path.relative(ctx.io.cwd, file) || file}`);
          return undefined;
        },
        ExitCode.Usage,
      ),
    );
}
