import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { Neo4jHarnessError } from './errors';
import type { JavaRuntime } from './java-runtime';

// The package's neo4j/ folder (pom.xml, Launcher.java): next to src/ in the repository and next to
// dist/ in an installed package.
const resourceDir = resolve(__dirname, '..', 'neo4j');

function resource(name: string): string {
  const file = join(resourceDir, name);
  if (!existsSync(file)) {
    throw new Neo4jHarnessError(
      'NEO4J_HARNESS_RESOURCE_MISSING',
      `@cartograph/testing is incomplete: ${file} is missing (the package must ship its neo4j/ folder). Reinstall @cartograph/testing.`,
    );
  }
  return file;
}

/** Folder that keeps resolved classpaths and the compiled launcher between runs. */
export function cacheDirFor(version: string): string {
  const root =
    process.env.CARTOGRAPH_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cartograph');
  const dir = join(root, `neo4j-${version}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Resolves the jars of Neo4j Community `version` with Maven (they land in ~/.m2) and caches the
 * classpath, so that a second start skips Maven entirely.
 */
export function resolveNeo4jClasspath(version: string, log: (line: string) => void): string {
  const file = join(cacheDirFor(version), 'classpath.txt');
  if (existsSync(file)) {
    const cached = readFileSync(file, 'utf8').trim();
    if (cached.length > 0 && cached.split(delimiter).every((jar) => existsSync(jar))) return cached;
  }
  log(`Resolving Neo4j ${version} from Maven Central (first run only; jars are cached in ~/.m2)...`);
  try {
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        resource('pom.xml'),
        'dependency:build-classpath',
        `-Dneo4j.version=${version}`,
        `-Dmdep.outputFile=${file}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
    );
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    throw new Neo4jHarnessError(
      'NEO4J_HARNESS_MAVEN_FAILED',
      `Maven could not resolve org.neo4j:neo4j:${version}. Check that Maven (mvn) is installed and Maven Central is reachable.\n${output}`,
    );
  }
  return readFileSync(file, 'utf8').trim();
}

/** Compiles the one-file launcher once per launcher source and Java version. */
export function compileLauncher(version: string, classpath: string, java: JavaRuntime): string {
  const source = resource('Launcher.java');
  const hash = createHash('sha256')
    .update(readFileSync(source))
    .update(String(java.major))
    .digest('hex')
    .slice(0, 12);
  const outDir = join(cacheDirFor(version), `launcher-${hash}`);
  if (existsSync(join(outDir, 'Launcher.class'))) return outDir;
  try {
    execFileSync(java.compiler, ['-cp', classpath, '-d', outDir, source], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Neo4jHarnessError(
      'NEO4J_HARNESS_LAUNCHER_COMPILE_FAILED',
      `Could not compile the Neo4j launcher with ${java.compiler}: ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
    );
  }
  return outDir;
}
