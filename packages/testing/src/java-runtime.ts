import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Neo4jHarnessError } from './errors';

/** A Java installation found on this machine. */
export interface JavaRuntime {
  readonly executable: string;
  readonly compiler: string;
  readonly major: number;
}

function majorVersionOf(executable: string): number | undefined {
  // `java -version` prints to stderr.
  const result = spawnSync(executable, ['-version'], { encoding: 'utf8' });
  return result.status === 0 ? parseMajor(`${result.stderr}${result.stdout}`) : undefined;
}

function parseMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function candidateHomes(): string[] {
  const homes: string[] = [];
  if (process.env.JAVA_HOME) homes.push(process.env.JAVA_HOME);
  const jvmRoot = '/usr/lib/jvm';
  if (existsSync(jvmRoot)) {
    for (const entry of readdirSync(jvmRoot)) homes.push(join(jvmRoot, entry));
  }
  return homes;
}

/**
 * Finds the oldest installed Java that is at least `minimumMajor`: Neo4j 5.26 is tested on Java 17,
 * the 2025.x line needs 21, and an older supported runtime is the safer choice for each.
 */
export function findJava(minimumMajor: number): JavaRuntime {
  const found: JavaRuntime[] = [];
  const seen = new Set<string>();
  const consider = (executable: string, compiler: string) => {
    if (seen.has(executable)) return;
    seen.add(executable);
    const major = majorVersionOf(executable);
    if (major !== undefined) found.push({ executable, compiler, major });
  };
  for (const home of candidateHomes()) {
    const executable = join(home, 'bin', 'java');
    if (existsSync(executable)) consider(executable, join(home, 'bin', 'javac'));
  }
  consider('java', 'javac');
  const suitable = found.filter((java) => java.major >= minimumMajor).sort((a, b) => a.major - b.major);
  const chosen = suitable.find((java) => existsSync(java.compiler) || java.compiler === 'javac');
  if (!chosen) {
    const seenVersions = found.map((java) => `${java.executable} (${java.major})`).join(', ') || 'none';
    throw new Neo4jHarnessError(
      'NEO4J_HARNESS_NO_JAVA',
      `Neo4j needs Java ${minimumMajor} or newer, but found ${seenVersions}. Install a JDK ${minimumMajor}+ or set JAVA_HOME to one.`,
    );
  }
  return chosen;
}

/** Java major version Neo4j `version` needs: calendar versions (2025.x and later) need 21. */
export function requiredJavaFor(neo4jVersion: string): number {
  return Number(neo4jVersion.split('.')[0]) >= 2025 ? 21 : 17;
}
