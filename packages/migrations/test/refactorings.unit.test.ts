import {
  renameLabelPlan,
  renamePropertyPlan,
  renameRelationshipTypePlan,
  setDefaultPlan,
} from '../src/context/refactorings';

// The helpers' Cypher, built with the AST: scope-clause subqueries (no deprecated importing WITH),
// names escaped, values as parameters.
describe('batched refactoring queries', () => {
  it('renames a label in batches', () => {
    const plan = renameLabelPlan('Customer', 'CardHolder', 5000);
    expect(plan.count.cypher).toBe('MATCH (n:Customer)\nRETURN count(n) AS total');
    expect(plan.work.cypher).toBe(
      'MATCH (n:Customer)\nCALL (n) { SET n:CardHolder REMOVE n:Customer } IN TRANSACTIONS OF 5000 ROWS\nRETURN 1 AS done',
    );
  });

  it('retypes relationships keeping their properties', () => {
    const plan = renameRelationshipTypePlan('PAID_WITH', 'USES_CARD', 1000);
    expect(plan.count.cypher).toBe('MATCH (a)-[r:PAID_WITH]->(b)\nRETURN count(r) AS total');
    expect(plan.work.cypher).toBe(
      'MATCH (a)-[r:PAID_WITH]->(b)\nCALL (a, r, b) { CREATE (a)-[r2:USES_CARD]->(b) SET r2 = properties(r) DELETE r } IN TRANSACTIONS OF 1000 ROWS\nRETURN 1 AS done',
    );
  });

  it('renames a property idempotently, on nodes or relationships, escaping odd names', () => {
    expect(renamePropertyPlan('node', 'Account', 'risk score', 'riskScore', 10).work.cypher).toBe(
      'MATCH (n:Account) WHERE n.`risk score` IS NOT NULL\nCALL (n) { SET n.riskScore = coalesce(n.`risk score`, n.riskScore) REMOVE n.`risk score` } IN TRANSACTIONS OF 10 ROWS\nRETURN 1 AS done',
    );
    expect(renamePropertyPlan('relationship', 'SENT', 'amt', 'amount', 10).count.cypher).toBe(
      'MATCH ()-[n:SENT]->() WHERE n.amt IS NOT NULL\nRETURN count(n) AS total',
    );
  });

  it('sets defaults through a parameter', () => {
    const plan = setDefaultPlan('node', 'Account', 'status', 'active', 100);
    expect(plan.work.cypher).toBe(
      'MATCH (n:Account) WHERE n.status IS NULL\nCALL (n) { SET n.status = coalesce(n.status, $p0) } IN TRANSACTIONS OF 100 ROWS\nRETURN 1 AS done',
    );
    expect(plan.work.params).toEqual({ p0: 'active' });
  });
});
