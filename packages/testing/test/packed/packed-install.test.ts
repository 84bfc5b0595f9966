// The packages as a user gets them: every workspace package is packed with `pnpm pack`, the
// tarballs are npm-installed into a scratch project outside the workspace, and short programs run
// against the real Neo4j from there, as CommonJS, as an ES module and as TypeScript compiled with
// `module: nodenext`; then the installed `cartograph` binary and a Neo4j started through the
// installed `@cartograph/testing`. Needs `pnpm build` first (scripts/test.sh builds before jest).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked, type PackedProject } from '../../src/pack/install-packed';

const INSTALL_TIMEOUT = 5 * 60_000;
const RUN_TIMEOUT = 3 * 60_000;

let project: PackedProject;

beforeAll(async () => {
  project = await installPacked();
}, INSTALL_TIMEOUT);

afterAll(() => project?.dispose());

const env = () => ({
  NEO4J_URI: process.env.NEO4J_URI,
  NEO4J_USERNAME: process.env.NEO4J_USERNAME,
  NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
});

async function runOk(command: string, args: string[], cwd = '.', timeoutMs = RUN_TIMEOUT): Promise<string> {
  const result = await project.run(command, args, { cwd, env: env(), timeoutMs });
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** The last line a program printed, as JSON. */
function lastJson(stdout: string): unknown {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}

/** A TypeScript project compiled as a user would (module nodenext, strict, legacy decorators). */
function writeTsProject(folder: string, packageType: string): void {
  project.write(`${folder}/package.json`, `{ "type": "${packageType}" }\n`);
  project.write(
    `${folder}/tsconfig.json`,
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          useDefineForClassFields: false,
          skipLibCheck: true,
          types: ['node'],
          outDir: 'dist',
        },
        include: ['main.ts'],
      },
      null,
      2,
    )}\n`,
  );
}

/** Type-checks and compiles `folder/main.ts` against the installed declarations, then runs it. */
async function compileAndRun(folder: string): Promise<string> {
  await runOk('node', [join(project.dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], folder);
  return runOk('node', ['dist/main.js'], folder);
}

// The same program three ways; `label` keeps their nodes apart.
const connect = `Graph.connect({
    url: process.env.NEO4J_URI ?? '',
    auth: { username: process.env.NEO4J_USERNAME ?? '', password: process.env.NEO4J_PASSWORD ?? '' },
  })`;

const body = (model: string) => `
  const graph = await ${connect};
  try {
    await ${model}.create({ name: 'Ada', born: 1815 });
    const read = await ${model}.nodes.get({ name: 'Ada' });
    const planned = planFromRegistry().filter((item) => JSON.stringify(item).includes('${model}')).length;
    console.log(JSON.stringify({ name: read.name, born: read.born, model: read.constructor.name, planned }));
  } finally {
    await graph.close();
  }`;

const expected = (model: string) => ({ name: 'Ada', born: 1815, model, planned: expect.any(Number) });

describe('the packed packages, installed from their tarballs', () => {
  it('installs one copy of each package, with README, LICENSE and the Maven resources', () => {
    for (const pkg of project.packages) {
      const dir = join(project.dir, 'node_modules', pkg.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect({ name: manifest.name, version: manifest.version }).toEqual({
        name: pkg.name,
        version: pkg.version,
      });
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
      // Siblings are caret ranges, satisfied by the hoisted copies: no nested second copy.
      expect(existsSync(join(dir, 'node_modules', '@cartograph'))).toBe(false);
    }
    const testing = join(project.dir, 'node_modules', '@cartograph', 'testing', 'neo4j');
    expect(existsSync(join(testing, 'pom.xml'))).toBe(true);
    expect(existsSync(join(testing, 'Launcher.java'))).toBe(true);
  });

  it(
    'works from CommonJS (require)',
    async () => {
      project.write('cjs/package.json', '{ "type": "commonjs" }\n');
      project.write(
        'cjs/main.js',
        `require('reflect-metadata');
const { Graph, IntegerProperty, Node, NodeEntity, StringProperty } = require('@cartograph/core');
const { planFromRegistry } = require('@cartograph/schema');

class PackedCjsPerson extends NodeEntity {}
StringProperty({ unique: true, required: true })(PackedCjsPerson.prototype, 'name');
IntegerProperty()(PackedCjsPerson.prototype, 'born');
Node()(PackedCjsPerson);

async function main() {${body('PackedCjsPerson')}
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
      );
      const result = lastJson(await runOk('node', ['main.js'], 'cjs'));
      expect(result).toEqual(expected('PackedCjsPerson'));
      expect((result as { planned: number }).planned).toBeGreaterThan(0);
    },
    RUN_TIMEOUT,
  );

  it(
    'works from an ES module (import)',
    async () => {
      project.write('esm/package.json', '{ "type": "module" }\n');
      project.write(
        'esm/main.js',
        `import 'reflect-metadata';
import { Graph, IntegerProperty, Node, NodeEntity, StringProperty } from '@cartograph/core';
import { planFromRegistry } from '@cartograph/schema';
import { parseFileName } from '@cartograph/migrations';
import { defineConfig } from '@cartograph/cli';
import * as core from '@cartograph/core';
import * as cypher from '@cartograph/cypher';
import { createRequire } from 'node:module';

// import and require share one copy of core and cypher (no dual-package hazard).
const require = createRequire(import.meta.url);
console.log(JSON.stringify({
  sameCore: require('@cartograph/core').Graph === core.Graph && typeof core.Graph === 'function',
  sameCypher: require('@cartograph/cypher').CypherError === cypher.CypherError,
  leaves: [typeof parseFileName, typeof defineConfig],
}));

class PackedEsmPerson extends NodeEntity {}
StringProperty({ unique: true, required: true })(PackedEsmPerson.prototype, 'name');
IntegerProperty()(PackedEsmPerson.prototype, 'born');
Node()(PackedEsmPerson);
${body('PackedEsmPerson')}
`,
      );
      const stdout = await runOk('node', ['main.js'], 'esm');
      expect(JSON.parse(stdout.trim().split('\n')[0]!)).toEqual({
        sameCore: true,
        sameCypher: true,
        leaves: ['function', 'function'],
      });
      const result = lastJson(stdout);
      expect(result).toEqual(expected('PackedEsmPerson'));
      expect((result as { planned: number }).planned).toBeGreaterThan(0);
    },
    RUN_TIMEOUT,
  );

  it.each([
    { packageType: 'module', folder: 'ts-esm', model: 'PackedTsEsmPerson' },
    { packageType: 'commonjs', folder: 'ts-cjs', model: 'PackedTsCjsPerson' },
  ])(
    'works from TypeScript compiled with module nodenext, "type": "$packageType" (decorators, declarations type-checked)',
    async ({ packageType, folder, model }) => {
      writeTsProject(folder, packageType);
      project.write(
        `${folder}/main.ts`,
        `import 'reflect-metadata';
import { Graph, IntegerProperty, Node, NodeEntity, type NodeSet, StringProperty } from '@cartograph/core';
import { planFromRegistry } from '@cartograph/schema';

@Node()
class ${model} extends NodeEntity {
  declare static readonly nodes: NodeSet<${model}>;
  @StringProperty({ unique: true, required: true }) name!: string;
  @IntegerProperty() born?: number;
}

async function main(): Promise<void> {${body(model)}
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`,
      );
      const result = lastJson(await compileAndRun(folder));
      expect(result).toEqual(expected(model));
      expect((result as { planned: number }).planned).toBeGreaterThan(0);
    },
    RUN_TIMEOUT,
  );

  it(
    'runs the bulk and one-round-trip APIs from TypeScript: importMany from an async source, relateMany, relate by key, traverse with hops, saveMany, unrelateMany, CALL IN TRANSACTIONS',
    async () => {
      writeTsProject('ts-bulk', 'module');
      project.write(
        'ts-bulk/main.ts',
        `import 'reflect-metadata';
import {
  Graph,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '@cartograph/core';

@Node()
class PackedBulkPerson extends NodeEntity {
  declare static readonly nodes: NodeSet<PackedBulkPerson>;
  @StringProperty({ unique: true, required: true }) email!: string;
  @IntegerProperty() age?: number;
  @RelationshipTo(() => PackedBulkPerson, 'PACKED_KNOWS') friends!: RelationshipManager<PackedBulkPerson>;
}

const email = (i: number) => \`p\${i}@packed.example\`;

// Rows arrive one by one, as from a file or an API: importMany never holds more than a batch.
async function* people(): AsyncGenerator<{ email: string; age: number }> {
  for (let i = 0; i < 30; i++) yield { email: email(i), age: 20 + i };
}

async function main(): Promise<void> {
  const graph = await ${connect};
  try {
    await graph.cypher('MATCH (p:PackedBulkPerson) DETACH DELETE p');
    await graph.installSchema();
    const imported = await PackedBulkPerson.importMany(people(), { batchSize: 10 });
    const reimported = await PackedBulkPerson.importMany(people(), { batchSize: 10 });
    const chain = Array.from({ length: 29 }, (_, i) => ({ from: { email: email(i) }, to: { email: email(i + 1) } }));
    const related = await PackedBulkPerson.relateMany('friends', chain, { batchSize: 10 });
    await PackedBulkPerson.relate({ email: email(29) }, 'friends', { email: email(0) });
    const withinThree = await PackedBulkPerson.nodes
      .filter({ email: email(0) })
      .traverse('friends', { min: 1, max: 3 })
      .orderBy('email')
      .all();
    const young = await PackedBulkPerson.nodes.filter({ age: { lt: 23 } }).all();
    for (const person of young) person.age = (person.age ?? 0) + 100;
    await PackedBulkPerson.saveMany(young);
    const unrelated = await PackedBulkPerson.unrelateMany('friends', [{ from: { email: email(0) }, to: { email: email(1) } }]);
    // CALL { } IN TRANSACTIONS cannot run inside a transaction: graph.cypher sends it auto-commit.
    await graph.cypher('MATCH (p:PackedBulkPerson) CALL { WITH p SET p.touched = true } IN TRANSACTIONS OF 10 ROWS');
    const [touched] = await graph.cypher('MATCH (p:PackedBulkPerson {touched: true}) RETURN count(p) AS n', {}, { mode: 'READ' });
    console.log(JSON.stringify({
      imported,
      reimported: { written: reimported.written, skipped: reimported.skipped },
      related: related.created,
      withinThree: withinThree.map((p) => p.email),
      aged: await PackedBulkPerson.nodes.filter({ age: { gte: 100 } }).count(),
      unrelated: unrelated.deleted,
      friendsOfFirst: await PackedBulkPerson.nodes.filter({ email: email(0) }).traverse('friends').count(),
      touched: Number(touched?.n),
    }));
  } finally {
    await graph.close();
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`,
      );
      expect(lastJson(await compileAndRun('ts-bulk'))).toEqual({
        imported: { written: 30, skipped: 0, batches: 3 },
        reimported: { written: 0, skipped: 30 },
        related: 29,
        withinThree: ['p1@packed.example', 'p2@packed.example', 'p3@packed.example'],
        aged: 3,
        unrelated: 1,
        friendsOfFirst: 0,
        touched: 30,
      });
    },
    RUN_TIMEOUT,
  );

  it(
    'runs the installed cartograph binary, also on an ES module project',
    async () => {
      const bin = join(project.dir, 'node_modules', '.bin', 'cartograph');
      expect(await runOk(bin, ['--help'])).toContain('Usage: cartograph');

      // An ES module project: config and models are ES modules the (CommonJS) CLI loads.
      project.write('esm-cli/package.json', '{ "type": "module" }\n');
      project.write(
        'esm-cli/cartograph.config.js',
        "import { defineConfig } from '@cartograph/cli';\nexport default defineConfig({ models: ['./models.js'] });\n",
      );
      project.write(
        'esm-cli/models.js',
        `import { Node, NodeEntity, StringProperty } from '@cartograph/core';
export class PackedCliModel extends NodeEntity {}
StringProperty({ unique: true })(PackedCliModel.prototype, 'name');
Node()(PackedCliModel);
`,
      );
      const diagram = JSON.parse(await runOk(bin, ['diagram', '--json'], 'esm-cli')) as {
        entities: { name: string }[];
      };
      expect(diagram.entities.map((entity) => entity.name)).toEqual(['PackedCliModel']);
    },
    RUN_TIMEOUT,
  );

  it(
    'starts and stops a Neo4j through the installed @cartograph/testing (Maven)',
    async () => {
      project.write(
        'maven/main.cjs',
        `const neo4j = require('neo4j-driver');
const { startMavenNeo4j } = require('@cartograph/testing');

async function main() {
  const server = await startMavenNeo4j({ heap: '512m', pageCacheMiB: 64, log: (line) => console.error(line) });
  try {
    const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.username, server.password));
    try {
      const { records } = await driver.executeQuery('RETURN 41 + 1 AS answer');
      console.log(JSON.stringify({ answer: records[0].get('answer').toNumber(), source: server.source }));
    } finally {
      await driver.close();
    }
  } finally {
    await server.stop();
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
      );
      const result = lastJson(await runOk('node', ['main.cjs'], 'maven', 5 * 60_000));
      expect(result).toEqual({ answer: 42, source: 'maven' });
    },
    6 * 60_000,
  );
});
