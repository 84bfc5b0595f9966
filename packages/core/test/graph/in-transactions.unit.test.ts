import { usesInTransactions } from '../../src/graph/in-transactions';

describe('finding IN TRANSACTIONS in raw Cypher', () => {
  it.each([
    'UNWIND range(1, 10) AS i CALL (i) { CREATE (:Tick {i: i}) } IN TRANSACTIONS',
    'CALL (i) { CREATE (:Tick) } in transactions of 500 rows',
    'CALL () { MATCH (n) DETACH DELETE n }\n  IN\n  TRANSACTIONS OF 1000 ROWS ON ERROR CONTINUE',
    'CALL () { MATCH (n) DELETE n } IN /* batched */ TRANSACTIONS',
    'CALL () { MATCH (n) DELETE n } IN CONCURRENT TRANSACTIONS',
    'CALL () { MATCH (n) DELETE n } IN 4 CONCURRENT TRANSACTIONS OF 10 ROWS',
  ])('finds it in %j', (cypher) => {
    expect(usesInTransactions(cypher)).toBe(true);
  });

  it.each([
    "MATCH (n) WHERE n.note = 'runs IN TRANSACTIONS' RETURN n",
    'MATCH (n) WHERE n.note = "IN TRANSACTIONS" RETURN n',
    "MATCH (n) WHERE n.note = 'it\\'s IN TRANSACTIONS' RETURN n",
    'MATCH (n) // IN TRANSACTIONS\nRETURN n',
    'MATCH (n) /* CALL {} IN TRANSACTIONS */ RETURN n',
    'MATCH (n:`IN TRANSACTIONS`) RETURN n',
    'MATCH (n) WHERE n.x IN transactions_list RETURN n',
    'MATCH (n) WHERE n.x IN $transactions RETURN n',
  ])('does not find it in %j', (cypher) => {
    expect(usesInTransactions(cypher)).toBe(false);
  });
});
