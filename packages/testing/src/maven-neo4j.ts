import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Neo4jHarnessError } from './errors';
import { findFreePort } from './free-port';
import { findJava, requiredJavaFor } from './java-runtime';
import { compileLauncher, resolveNeo4jClasspath } from './maven-classpath';
import type { RunningNeo4j } from './running-neo4j';

/** The Neo4j LTS line the project is tested on. `NEO4J_VERSION` picks another. */
export const DEFAULT_NEO4J_VERSION = '5.26.30';

const READY_MARKER = 'CARTOGRAPH_NEO4J_READY';

export interface MavenNeo4jOptions {
  /** Neo4j Community version on Maven Central; default `NEO4J_VERSION` or {@link DEFAULT_NEO4J_VERSION}. */
  version?: string;
  /** Run on after this process exits (for `pnpm neo4j:start`); default false. */
  detached?: boolean;
  /** JVM heap, e.g. `2g`; default `CARTOGRAPH_NEO4J_HEAP` or `2g`. */
  heap?: string;
  /** Page cache in MiB; default `CARTOGRAPH_NEO4J_PAGECACHE_MB` or 1024. */
  pageCacheMiB?: number;
  /** Where progress lines go; default stderr. */
  log?: (line: string) => void;
  /** Give up waiting for start-up after this many milliseconds; default 180000. */
  startTimeoutMs?: number;
}

/** A server started from Maven artifacts, with what `neo4j:stop` needs to find it again. */
export interface MavenRunningNeo4j extends RunningNeo4j {
  readonly pid: number;
  readonly home: string;
  readonly logFile: string;
  /**
   * Kills the server's JVM with SIGKILL, as a crash or `kill -9` would, and keeps its data folder
   * so that {@link MavenRunningNeo4j.restart} can bring it back. Resolves once the process is gone.
   */
  kill(): Promise<void>;
  /**
   * Starts the server again on its own data, port and password (after {@link MavenRunningNeo4j.kill}
   * or a crash); Neo4j recovers committed transactions from its log. Returns the new process; its
   * `stop()` removes the data folder as usual.
   */
  restart(): Promise<MavenRunningNeo4j>;
}

interface LaunchSettings {
  readonly version: string;
  readonly java: ReturnType<typeof findJava>;
  readonly classpath: string;
  readonly launcherDir: string;
  readonly port: number;
  readonly password: string;
  readonly home: string;
  readonly heap: string;
  readonly pageCacheMiB: number;
  readonly detached: boolean;
  readonly startTimeoutMs: number;
  readonly log: (line: string) => void;
}

/**
 * Starts Neo4j Community as a separate JVM from jars resolved on Maven Central, with its data in a
 * fresh temporary folder, and resolves once Bolt accepts logins.
 */
export async function startMavenNeo4j(options: MavenNeo4jOptions = {}): Promise<MavenRunningNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const version = options.version ?? process.env.NEO4J_VERSION ?? DEFAULT_NEO4J_VERSION;
  const java = findJava(requiredJavaFor(version));
  const classpath = resolveNeo4jClasspath(version, log);
  return launch({
    version,
    java,
    classpath,
    launcherDir: compileLauncher(version, classpath, java),
    port: await findFreePort(),
    password: `cartograph-${randomBytes(8).toString('hex')}`,
    home: mkdtempSync(join(tmpdir(), 'cartograph-neo4j-')),
    heap: options.heap ?? process.env.CARTOGRAPH_NEO4J_HEAP ?? '2g',
    pageCacheMiB: options.pageCacheMiB ?? Number(process.env.CARTOGRAPH_NEO4J_PAGECACHE_MB ?? 1024),
    detached: options.detached ?? false,
    startTimeoutMs: options.startTimeoutMs ?? 180_000,
    log,
  });
}

async function launch(settings: LaunchSettings): Promise<MavenRunningNeo4j> {
  const { java, port, home, log, detached, version } = settings;
  const logFile = join(home, 'server.log');
  // A restart appends to the same log: only the lines written from now on tell about this start.
  const logOffset = existsSync(logFile) ? readFileSync(logFile).length : 0;
  log(`Starting Neo4j ${version} (Maven Central jars, Java ${java.major}) on bolt://127.0.0.1:${port} ...`);
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    java.executable,
    [
      '-Xms512m',
      `-Xmx${settings.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      [settings.launcherDir, settings.classpath].join(delimiter),
      'Launcher',
      home,
      String(port),
      settings.password,
      String(settings.pageCacheMiB),
      detached ? 'detached' : 'watch-stdin',
    ],
    { stdio: [detached ? 'ignore' : 'pipe', logFd, logFd], detached },
  );
  closeSync(logFd);
  if (detached) child.unref();

  const started = Date.now();
  await waitForReady(child, logFile, logOffset, settings.startTimeoutMs);
  log(
    `Neo4j ${version} is up on bolt://127.0.0.1:${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const pid = child.pid ?? -1;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    username: 'neo4j',
    password: settings.password,
    source: 'maven',
    pid,
    home,
    logFile,
    stop: () => stopProcess(pid, home, child),
    kill: async () => {
      if (!isAlive(pid)) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(pid, 'SIGKILL');
      await exited;
    },
    restart: () => launch(settings),
  };
}

async function waitForReady(
  child: ChildProcess,
  logFile: string,
  logOffset: number,
  timeoutMs: number,
): Promise<void> {
  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? -1;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const output = existsSync(logFile) ? readFileSync(logFile).subarray(logOffset).toString('utf8') : '';
    if (output.includes(READY_MARKER)) return;
    if (exitCode !== null) {
      throw new Neo4jHarnessError(
        'NEO4J_HARNESS_START_FAILED',
        `Neo4j exited with code ${exitCode} during start-up. Server log (${logFile}):\n${output}`,
      );
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  const output = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  throw new Neo4jHarnessError(
    'NEO4J_HARNESS_START_TIMEOUT',
    `Neo4j did not accept connections within ${timeoutMs / 1000} s. Server log (${logFile}):\n${output}`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a launcher JVM: SIGTERM runs Neo4j's clean shutdown; SIGKILL follows if it hangs. Removes
 * the server's temporary data folder afterwards.
 */
export async function stopProcess(pid: number, home: string, child?: ChildProcess): Promise<void> {
  if (pid > 0 && isAlive(pid)) {
    child?.stdin?.end();
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (home.includes('cartograph-neo4j-')) rmSync(home, { recursive: true, force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
