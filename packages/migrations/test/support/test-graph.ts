import { Graph } from '@cartograph/core';

/** A connection for one test file, plus every log line and deprecation warning it saw. */
export interface TestConnection {
  graph(): Graph;
  /** Lines from the Migrator's `log` option, when tests pass {@link TestConnection.log}. */
  readonly lines: string[];
  readonly log: (line: string) => void;
  /** Deprecation notifications drawn by queries run through the Graph. */
  readonly deprecations: string[];
}

/** Connects in beforeAll, closes in afterAll, and fails the file if Neo4j reported deprecations. */
export function useConnection(): TestConnection {
  let graph: Graph | undefined;
  const lines: string[] = [];
  const deprecations: string[] = [];
  beforeAll(async () => {
    graph = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      logger: (event) => {
        for (const notification of event.notifications) {
          if (notification.category === 'DEPRECATION')
            deprecations.push(`${notification.title}\n${event.cypher}`);
        }
      },
    });
  });
  afterAll(async () => {
    await graph?.close();
    expect(deprecations).toEqual([]);
    expect(lines.filter((line) => line.includes('deprecation'))).toEqual([]);
  });
  return {
    graph: () => {
      if (!graph) throw new Error('connected in beforeAll');
      return graph;
    },
    lines,
    log: (line) => lines.push(line),
    deprecations,
  };
}

/** Runs Cypher and returns plain rows. */
export async function rows(
  graph: Graph,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  return graph.cypher(cypher, params);
}

/** A single number from a `RETURN count(...) AS n` query. */
export async function count(
  graph: Graph,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<number> {
  const [row] = await rows(graph, cypher, params);
  return Number(row?.n ?? 0);
}

/** Empties data (not schema) between tests that want a clean graph. */
export async function clearData(graph: Graph): Promise<void> {
  await graph.cypher('MATCH (n) DETACH DELETE n');
}
