import { Graph, type QueryEvent } from '../../src';

/** Every query the OGM ran in this file, for assertions on round trips and emitted Cypher. */
export interface QueryRecorder {
  readonly events: QueryEvent[];
  /** Forgets what was recorded so far. */
  clear(): void;
}

/**
 * Connects the default graph for a test file and closes it afterwards. Every file that uses it
 * also checks that no query the OGM generated drew a deprecation notification from Neo4j.
 */
export function useTestGraph(): { graph: () => Graph; queries: QueryRecorder } {
  let graph: Graph | undefined;
  const events: QueryEvent[] = [];
  const deprecations: string[] = [];
  beforeAll(async () => {
    graph = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: true,
      logger: (event) => {
        events.push(event);
        for (const notification of event.notifications) {
          if (notification.category === 'DEPRECATION' || notification.code.includes('Deprecat')) {
            deprecations.push(`${notification.title}: ${notification.description}\n${event.cypher}`);
          }
        }
      },
    });
  });
  afterAll(async () => {
    await graph?.close();
    expect(deprecations).toEqual([]);
  });
  return {
    graph: () => {
      if (!graph) throw new Error('the test graph is connected in beforeAll');
      return graph;
    },
    queries: { events, clear: () => events.splice(0, events.length) },
  };
}

/** Empties the database (used between tests that need a clean slate). */
export async function clearGraph(graph: Graph): Promise<void> {
  await graph.driver.executeQuery('MATCH (n) DETACH DELETE n');
}
