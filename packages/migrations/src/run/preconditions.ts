import { MigrationError } from '../errors';
import type { MigrationFile } from '../files/migration-file';
import type { RunSettings } from './settings';

/**
 * A condition a `.cypher` migration states in a header comment, checked before it runs:
 *
 * ```
 * // @precondition fail edition is enterprise
 * // @precondition skip version >= 5.20
 * // @precondition fail query MATCH (m:Movie) RETURN count(m) > 0
 * ```
 *
 * `fail` stops the run (nothing of the migration runs, nothing is recorded); `skip` leaves the
 * migration pending and goes on with the next one.
 */
export interface Precondition {
  readonly onFail: 'fail' | 'skip';
  readonly kind: 'edition' | 'version' | 'query';
  /** The text after the kind: `enterprise`, `>= 5.20`, or a Cypher query. */
  readonly argument: string;
  /** The comment as written, for messages. */
  readonly text: string;
}

const PRECONDITION = /^\s*\/\/\s*@precondition\s+(fail|skip)\s+(edition|version|query)\s+(.+?)\s*$/;

/** The preconditions in a `.cypher` file's comments; malformed ones are an error. */
export function parsePreconditions(text: string, id: string): Precondition[] {
  const found: Precondition[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!/^\s*\/\/\s*@precondition\b/.test(line)) continue;
    const match = PRECONDITION.exec(line);
    if (!match) {
      throw new MigrationError(
        'MIGRATION_INVALID_FILE',
        `${id}: cannot read "${line.trim()}". Write // @precondition <fail|skip> <edition is enterprise|community | version >= 5.20 | query <Cypher returning true or false>>.`,
      );
    }
    found.push({
      onFail: match[1] as 'fail' | 'skip',
      kind: match[2] as Precondition['kind'],
      argument: match[3]!.replace(/;$/, ''),
      text: line.trim().replace(/^\/\/\s*/, ''),
    });
  }
  return found;
}

/** The first precondition that does not hold, or `undefined` when all hold. */
export async function unmetPrecondition(
  settings: Pick<RunSettings, 'graph'>,
  file: MigrationFile,
  text: string,
): Promise<Precondition | undefined> {
  const id = `${file.version}_${file.name}`;
  const preconditions = parsePreconditions(text, id);
  if (preconditions.length === 0) return undefined;
  const rows = await settings.graph.readTransaction((tx) =>
    tx.run(
      "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
    ),
  );
  const server = rows[0]
    ? { version: String(rows[0].version), edition: String(rows[0].edition).toLowerCase() }
    : undefined;
  for (const precondition of preconditions) {
    if (!(await holds(settings, precondition, server, id))) return precondition;
  }
  return undefined;
}

async function holds(
  settings: Pick<RunSettings, 'graph'>,
  precondition: Precondition,
  server: { version: string; edition: string } | undefined,
  id: string,
): Promise<boolean> {
  const { kind, argument } = precondition;
  if (kind === 'edition') {
    const wanted = /^(?:is\s+)?(enterprise|community)$/i.exec(argument)?.[1]?.toLowerCase();
    if (!wanted)
      throw invalid(id, precondition, 'expected "edition is enterprise" or "edition is community"');
    return server?.edition === wanted;
  }
  if (kind === 'version') {
    const match = /^(>=|<=|>|<|=|==)\s*(\d+(?:\.\d+)*)$/.exec(argument);
    if (!match) throw invalid(id, precondition, 'expected e.g. "version >= 5.20"');
    const order = compareDotted(server?.version ?? '0', match[2]!);
    switch (match[1]) {
      case '>=':
        return order >= 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '<':
        return order < 0;
      default:
        return order === 0;
    }
  }
  const rows = await settings.graph.readTransaction((tx) => tx.run(argument));
  const first = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
  return first === true;
}

function invalid(id: string, precondition: Precondition, expected: string): MigrationError {
  return new MigrationError('MIGRATION_INVALID_FILE', `${id}: "${precondition.text}": ${expected}.`);
}

/** Compares `5.26.1` and `5.20` part by part (a missing part counts as 0). */
function compareDotted(a: string, b: string): number {
  const left = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const right = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
