import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/main';
import { redact } from '../src/runtime/redact';
import { captureIO } from './support/capture-io';
import { useTempDir } from './support/temp-dir';

const dir = useTempDir();
const PASSWORD = 'Sup3r-Secret-Pa55';
// Nothing listens on port 1, so the connection fails fast without a server.
const DEAD_URI = 'bolt://127.0.0.1:1';
// Commands refuse to run without a config file; most tests here need one that loads no model.
const withConfig = () => writeFileSync(path.join(dir(), 'cartograph.config.js'), 'module.exports = {};\n');

describe('redact', () => {
  it('removes secrets and URL credentials', () => {
    expect(redact(`pw ${PASSWORD} twice ${PASSWORD}`, [PASSWORD])).toBe('pw *** twice ***');
    expect(redact('bolt://neo4j:hunter2@db:7687 failed', [])).toBe('bolt://***@db:7687 failed');
    expect(redact('nothing to hide', ['', 'absent'])).toBe('nothing to hide');
  });
});

describe('the password is never printed', () => {
  const commands = [
    ['schema', 'diff'],
    ['schema', 'diff', '--json'],
    ['migrate', 'status'],
    ['inspect', '--json'],
  ];

  it.each(commands.map((args) => [args.join(' '), args] as const))(
    '%s: connection error, password from the environment',
    async (_name, args) => {
      withConfig();
      const out = captureIO({ cwd: dir(), env: { NEO4J_URI: DEAD_URI, NEO4J_PASSWORD: PASSWORD } });
      expect(await runCli([...args], out.io)).toBe(3);
      expect(out.stderr()).toContain('Cannot connect to Neo4j at bolt://127.0.0.1:1');
      expect(out.stdout() + out.stderr()).not.toContain(PASSWORD);
    },
  );

  it('a password from the config file, and a URI that embeds it', async () => {
    writeFileSync(
      path.join(dir(), 'cartograph.config.ts'),
      `export default { neo4j: { uri: 'bolt://neo4j:${PASSWORD}@127.0.0.1:1', password: '${PASSWORD}' } };\n`,
    );
    const out = captureIO({ cwd: dir() });
    expect(await runCli(['schema', 'diff'], out.io)).toBe(3);
    expect(out.stdout() + out.stderr()).not.toContain(PASSWORD);
    expect(out.stderr()).toContain('***');
  });

  it('a malformed URI that contains the password', async () => {
    withConfig();
    const out = captureIO({ cwd: dir(), env: { NEO4J_URI: `nope://${PASSWORD}`, NEO4J_PASSWORD: PASSWORD } });
    expect(await runCli(['migrate', 'status', '--json'], out.io)).toBe(3);
    expect(out.stdout() + out.stderr()).not.toContain(PASSWORD);
    expect(JSON.parse(out.stdout())).toEqual({ error: { message: expect.any(String), exitCode: 3 } });
  });
});

describe('exit codes', () => {
  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const out = captureIO({ cwd: dir(), env });
    return { code: await runCli(args, out.io), out };
  };

  it('0 for --help and --version, on every level', async () => {
    for (const args of [
      ['--help'],
      ['--version'],
      ['migrate', '--help'],
      ['migrate', 'up', '--help'],
      ['schema', 'sync', '--help'],
    ]) {
      const { code, out } = await run(args);
      expect(code).toBe(0);
      expect(out.stdout()).not.toBe('');
    }
  });

  it('2 for usage errors', async () => {
    expect((await run(['bogus'])).code).toBe(2);
    expect((await run(['migrate', 'up', '--frobnicate'])).code).toBe(2);
    expect((await run(['migrate', 'down', '--steps', 'zero'])).code).toBe(2);
    expect((await run(['migrate', 'down', '--steps', '0'])).code).toBe(2);
    expect((await run(['migrate', 'baseline'])).code).toBe(2);
    expect((await run(['diagram', '--format', 'png'])).code).toBe(2);
    expect((await run(['migrate', 'down', '--steps', '1', '--to', '1'], { NEO4J_URI: DEAD_URI })).code).toBe(
      2,
    );
  });

  it('2 without a config file, naming the files searched (no silent defaults)', async () => {
    for (const args of [
      ['migrate', 'status'],
      ['schema', 'sync', '--drop', '--dry-run'],
      ['migrate', 'generate', 'x', '--drop'],
    ]) {
      const { code, out } = await run(args, { NEO4J_URI: DEAD_URI });
      expect(code).toBe(2);
      expect(out.stderr()).toContain('No config file: looked for cartograph.config.ts');
    }
    expect(readdirSync(dir())).toEqual([]);
  });

  it('2 for configuration errors', async () => {
    expect((await run(['--config', 'missing.ts', 'schema', 'diff'])).code).toBe(2);
    writeFileSync(path.join(dir(), 'cartograph.config.ts'), 'export default { models: 42 };\n');
    const { code, out } = await run(['schema', 'diff']);
    expect(code).toBe(2);
    expect(out.stderr()).toContain('models must be a list');
  });

  it('2 when init would overwrite files, unless --force', async () => {
    expect((await run(['init'])).code).toBe(0);
    const again = await run(['init']);
    expect(again.code).toBe(2);
    expect(again.out.stderr()).toContain('Refusing to overwrite cartograph.config.ts');
    expect((await run(['init', '--force'])).code).toBe(0);
  });

  it('migrate create needs no server; a name without letters or digits is a usage error', async () => {
    withConfig();
    const created = await run(['migrate', 'create', 'add status', '--cypher', '--json'], {
      NEO4J_URI: DEAD_URI,
    });
    expect(created.code).toBe(0);
    const { file } = JSON.parse(created.out.stdout()) as { file: string };
    expect(path.basename(file)).toMatch(/^\d+_add_status\.cypher$/);
    expect(readdirSync(path.join(dir(), 'migrations')).sort()).toEqual(
      [path.basename(file).replace('.cypher', '.down.cypher'), path.basename(file)].sort(),
    );
    expect((await run(['migrate', 'create', '!!!'], { NEO4J_URI: DEAD_URI })).code).toBe(2);
  });

  it('3 when Neo4j cannot be reached', async () => {
    withConfig();
    expect((await run(['migrate', 'up'], { NEO4J_URI: DEAD_URI })).code).toBe(3);
  });
});

describe('colour', () => {
  it('is off when stdout is not a terminal, and with NO_COLOR or --no-color on one', async () => {
    const plain = captureIO({ cwd: dir() });
    await runCli(['init'], plain.io);
    expect(plain.stdout()).not.toContain('\u001b[');
    const tty = captureIO({ cwd: path.join(dir(), 'src'), tty: true });
    await runCli(['init', '--no-example'], tty.io);
    expect(tty.stdout()).toContain('\u001b[');
    const noColor = captureIO({ cwd: path.join(dir(), 'migrations'), tty: true, env: { NO_COLOR: '1' } });
    await runCli(['init', '--no-example'], noColor.io);
    expect(noColor.stdout()).not.toContain('\u001b[');
    const flag = captureIO({ cwd: path.join(dir(), 'src', 'models'), tty: true });
    await runCli(['--no-color', 'init', '--no-example'], flag.io);
    expect(flag.stdout()).not.toContain('\u001b[');
  });
});
