/** The files `cartograph init` writes. Kept apart from the command so the command stays short. */

/** `cartograph.config.ts`: no password in the file; it comes from NEO4J_PASSWORD. */
export function configTemplate(modelsGlob: string, migrationsDir: string): string {
  return `import { defineConfig } from '@cartograph/cli';

// Environment variables override these settings: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
// NEO4J_DATABASE. Keep the password in NEO4J_PASSWORD rather than in this file.
export default defineConfig({
  neo4j: {
    uri: 'bolt://localhost:7687',
    username: 'neo4j',
  },
  // Modules (paths or globs) that declare your models; cartograph imports them so they register.
  models: [${JSON.stringify(modelsGlob).replace(/"/g, "'")}],
  migrationsDir: ${JSON.stringify(migrationsDir).replace(/"/g, "'")},
});
`;
}

/** An example model, so that `schema diff` has something to show straight away. */
export const EXAMPLE_MODEL = `import {
  IntegerProperty,
  Node,
  NodeEntity,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '@cartograph/core';

/** An example model: change it or delete it. \`cartograph schema diff\` shows the schema it implies. */
@Node()
export class Person extends NodeEntity {
  @StringProperty({ unique: true, required: true }) name!: string;
  @IntegerProperty({ index: true }) born?: number;
  @RelationshipTo(() => Person, 'KNOWS') knows!: RelationshipManager<Person>;
}
`;

/**
 * The compiler settings Cartograph models need (tsx reads them when the CLI loads your models),
 * matching the project's module system: `nodenext` in a `"type": "module"` package (CommonJS
 * output would crash there), CommonJS otherwise; `types: ["node"]` when `@types/node` is
 * installed, so scripts that use `process` compile.
 */
export function tsconfigTemplate(options: { esm: boolean; nodeTypes: boolean }): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        ...(options.esm ? { module: 'nodenext', moduleResolution: 'nodenext' } : { module: 'commonjs' }),
        ...(options.nodeTypes ? { types: ['node'] } : {}),
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        useDefineForClassFields: false,
        esModuleInterop: true,
        skipLibCheck: true,
      },
      include: ['**/*.ts'],
      exclude: ['node_modules', 'dist'],
    },
    null,
    2,
  )}\n`;
}
