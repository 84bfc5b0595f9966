// Raw Cypher that Neo4j only runs in an auto-commit transaction: `CALL { ... } IN TRANSACTIONS`.
import { QueryFailedError } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph, queries } = useTestGraph();

beforeEach(() => clearGraph(graph()));

async function count(cypher: string): Promise<number> {
  const { records } = await graph().driver.executeQuery(cypher);
  return records[0]!.get('n').toNumber();
}

describe('graph.cypher with CALL { } IN TRANSACTIONS', () => {
  it('runs the statement in batches the server commits itself', async () => {
    await graph().cypher(
      'UNWIND range(1, $n) AS i CALL (i) { CREATE (:Reading {seq: i}) } IN TRANSACTIONS OF 100 ROWS',
      { n: 1000 },
    );

    expect(await count('MATCH (r:Reading) RETURN count(r) AS n')).toBe(1000);
  });

  it('returns the rows the statement produces', async () => {
    await graph().cypher('UNWIND range(1, 10) AS i CREATE (:Reading {seq: i})');

    const rows = await graph().cypher(
      `MATCH (r:Reading)
       CALL (r) { SET r.checked = true } IN TRANSACTIONS OF 3 ROWS
       RETURN count(r) AS checked`,
    );

    expect(rows).toEqual([{ checked: 10 }]);
    expect(queries.events.at(-1)?.cypher).toContain('IN TRANSACTIONS');
  });

  it('runs any statement in auto-commit when asked to', async () => {
    const rows = await graph().cypher(
      'CREATE (r:Reading {seq: 1}) RETURN r.seq AS seq',
      {},
      { autoCommit: true },
    );

    expect(rows).toEqual([{ seq: 1 }]);
  });

  it('joins the surrounding transaction, where Neo4j refuses IN TRANSACTIONS', async () => {
    await expect(
      graph().writeTransaction(() =>
        graph().cypher('UNWIND range(1, 3) AS i CALL (i) { CREATE (:Reading {seq: i}) } IN TRANSACTIONS'),
      ),
    ).rejects.toThrow(QueryFailedError);
    expect(await count('MATCH (r:Reading) RETURN count(r) AS n')).toBe(0);
  });
});
