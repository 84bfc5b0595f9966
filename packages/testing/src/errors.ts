/** Raised when the test harness cannot provide a Neo4j server; `code` is stable. */
export class Neo4jHarnessError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Neo4jHarnessError';
  }
}
