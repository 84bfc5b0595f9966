import { Neo4jError } from 'neo4j-driver';
import { CartographError, QueryFailedError, UniquePropertyError } from '../errors';

// "Node(12) already exists with label `Person` and property `email` = 'a@example.com'"
const UNIQUE_MESSAGE = /already exists with label `([^`]+)` and propert(?:y|ies) `([^`]+)` = (.+)$/s;

/** Turns server errors into Cartograph's hierarchy; Cartograph's own errors pass through. */
export function translateNeo4jError(error: unknown, cypher?: string): unknown {
  if (error instanceof CartographError || !(error instanceof Neo4jError)) return error;
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const match = UNIQUE_MESSAGE.exec(error.message);
    if (match) return new UniquePropertyError(match[1]!, match[2]!, parseValue(match[3]!), { cause: error });
  }
  const where = cypher ? `\nQuery:\n${cypher}` : '';
  return new QueryFailedError(`Neo4j rejected the query (${error.code}): ${error.message}${where}`, {
    cause: error,
  });
}

function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1);
  const number = Number(trimmed);
  return Number.isNaN(number) ? trimmed : number;
}
