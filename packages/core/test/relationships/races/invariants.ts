// What must hold after every round, counted with plain Cypher rather than through the OGM.
import type { Driver as Neo4jDriver } from 'neo4j-driver';
import type { RacedField } from './raced-fields';
import type { Round } from './rounds';

/** Counts both ends with direct Cypher and describes every bound the graph now breaks. */
export async function violationsAfter(
  driver: Neo4jDriver,
  field: RacedField,
  round: Round,
): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (o:${field.owner.label})
     RETURN 'owner' AS side, o.name AS name, COUNT { (o)-[:${field.type}]->(:${field.target.label}) } AS n
     UNION ALL
     MATCH (t:${field.target.label})
     RETURN 'target' AS side, t.name AS name, COUNT { (:${field.owner.label})-[:${field.type}]->(t) } AS n`,
  );
  const violations: string[] = [];
  for (const record of records) {
    const [side, name, n] = [
      record.get('side') as string,
      record.get('name') as string,
      Number(record.get('n')),
    ];
    const startedWith = round.edges.filter(([o, t]) => (side === 'owner' ? o : t) === name).length;
    const bounds = side === 'owner' ? field.ownerBounds : field.targetBounds;
    const what = side === 'owner' ? field.type : `incoming ${field.type}`;
    if (n > bounds.max) violations.push(`${name} has ${n} ${what} (max ${bounds.max})`);
    // A node that started below its minimum (an empty start) may stay there; none may fall below it.
    if (n < bounds.min && startedWith >= bounds.min)
      violations.push(`${name} has ${n} ${what} (min ${bounds.min})`);
  }
  return violations;
}
