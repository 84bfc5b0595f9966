import { type Attributes, context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { type DataPoint, type Histogram, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { Neo4jError } from 'neo4j-driver';
import { TELEMETRY_ATTRIBUTES as ATTR, Graph, type QueryEvent } from '../../src';
import { Company, Person } from '../support/social-models';
import { clearGraph } from '../support/test-graph';

/** A metric reader that collects on demand. */
class TestReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const reader = new TestReader();
const meterProvider = new MeterProvider({ readers: [reader] });
const url = new URL(process.env.NEO4J_URI!);
const logged: QueryEvent[] = [];
let graph: Graph;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  graph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
    database: 'neo4j',
    default: true,
    telemetry: { tracerProvider, meterProvider },
    logger: (event) => logged.push(event),
  });
  await clearGraph(graph);
});
beforeEach(() => {
  exporter.reset();
  logged.length = 0;
});
afterAll(async () => {
  await graph.close();
  context.disable();
});

const spans = () => exporter.getFinishedSpans();
const queriesOf = (parent: ReadableSpan) =>
  spans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
const transactions = () => spans().filter((span) => span.name.endsWith('transaction'));

describe('query spans', () => {
  it('describes a model query: database, operation, model, text, rows, server; no parameter values', async () => {
    await Person.create({ email: 'ada@example.com', name: 'Ada' });
    exporter.reset();
    const found = await Person.nodes.filter({ email: 'ada@example.com' }).all();
    expect(found).toHaveLength(1);

    const [query] = spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(query).toBeDefined();
    expect(query!.name).toBe('MATCH Person');
    expect(query!.attributes).toMatchObject({
      [ATTR.system]: 'neo4j',
      [ATTR.namespace]: 'neo4j',
      [ATTR.operation]: 'MATCH',
      [ATTR.model]: 'Person',
      [ATTR.returnedRows]: 1,
      [ATTR.serverAddress]: url.hostname,
      [ATTR.serverPort]: Number(url.port),
    });
    expect(query!.attributes[ATTR.queryText]).toContain('MATCH');
    expect(JSON.stringify(query!.attributes)).not.toContain('ada@example.com');
    // Its own read transaction is its parent.
    const [tx] = transactions();
    expect(query!.parentSpanContext?.spanId).toBe(tx!.spanContext().spanId);
    expect(tx!.attributes).toMatchObject({ [ATTR.mode]: 'READ', [ATTR.retries]: 0 });
  });

  it('names a query after the model it carries: a traversal after the set it returns', async () => {
    await Person.nodes.filter({ email: 'ada@example.com' }).traverse('employer').all();
    const [query] = spans().filter((span) => span.kind === SpanKind.CLIENT);
    // The text starts with (n0:Person): the model comes from the compiled query, not its text.
    expect(query!.attributes[ATTR.queryText]).toMatch(/^MATCH \(n0:Person\)/);
    expect(query!.name).toBe('MATCH Company');
    expect(query!.attributes[ATTR.model]).toBe('Company');
  });

  it('names writes after their model: a create, and a relationship written from its owner', async () => {
    const ada = await Person.create({ email: 'ada.writes@example.com', name: 'Ada' });
    const acme = await Company.create({ name: 'Acme', country: 'DE' });
    const [created] = spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(created!.name).toBe('CREATE Person');
    exporter.reset();
    await ada.employer.connect(acme);
    const [connect] = spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(connect!.attributes[ATTR.model]).toBe('Person');
  });

  it('gives raw Cypher no model, whatever labels its text names', async () => {
    await graph.cypher('MATCH (p:Person) RETURN count(p) AS n');
    const [query] = spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(query!.attributes[ATTR.model]).toBeUndefined();
    expect(query!.name).toBe('MATCH neo4j');
  });

  it('passes the model to the query log', async () => {
    await Company.nodes.filter({ name: 'Acme' }).count();
    await graph.cypher('RETURN 1 AS one');
    expect(logged.map((event) => event.model)).toEqual(['Company', undefined]);
  });

  it('puts the queries of a transaction under its span, itself under the caller span', async () => {
    const outer = tracerProvider.getTracer('test').startSpan('handler');
    await context.with(trace.setSpan(context.active(), outer), () =>
      graph.writeTransaction(async (tx) => {
        await Person.create({ email: 'bob@example.com', name: 'Bob' });
        await tx.run('MATCH (p:Person) RETURN count(p) AS n');
      }),
    );
    outer.end();
    const [tx] = transactions();
    expect(tx!.name).toBe('write transaction');
    expect(tx!.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    const children = queriesOf(tx!);
    expect(children.length).toBeGreaterThanOrEqual(2);
    expect(children.every((span) => span.kind === SpanKind.CLIENT)).toBe(true);
    expect(children.map((span) => span.attributes[ATTR.operation])).toEqual(
      expect.arrayContaining(['CREATE', 'MATCH']),
    );
  });

  it('records a failing query with its Neo4j error code and an error status', async () => {
    await expect(graph.cypher('RETURN 1 +', {})).rejects.toThrow();
    const [query] = spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(query!.status.code).toBe(SpanStatusCode.ERROR);
    expect(query!.attributes[ATTR.errorType]).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(query!.attributes[ATTR.statusCode]).toBe('Neo.ClientError.Statement.SyntaxError');
    const [tx] = transactions();
    expect(tx!.attributes[ATTR.errorType]).toBe('Neo.ClientError.Statement.SyntaxError');
  });

  it('counts the retries of a transaction and notes each with its error', async () => {
    let attempts = 0;
    await graph.writeTransaction(async () => {
      attempts += 1;
      await Person.create({ email: `retry${attempts}@example.com`, name: 'Retry' });
      if (attempts === 1) {
        throw new Neo4jError('lock', 'Neo.TransientError.Transaction.LockClientStopped', '50N42', 'x');
      }
    });
    const [tx] = transactions();
    expect(tx!.attributes[ATTR.retries]).toBe(1);
    expect(tx!.events.map((event) => [event.name, event.attributes?.[ATTR.errorType]])).toEqual([
      ['retry', 'Neo.TransientError.Transaction.LockClientStopped'],
    ]);
    expect(tx!.status.code).not.toBe(SpanStatusCode.ERROR);
    // Both attempts' queries hang under the one transaction span.
    expect(queriesOf(tx!).length).toBeGreaterThanOrEqual(2);
  });

  it('records parameter values only when asked, secrets still masked', async () => {
    const verbose = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: false,
      telemetry: { tracerProvider, meterProvider, captureParameters: true },
    });
    try {
      await verbose.cypher('RETURN $name AS name, $password AS p', { name: 'Cy', password: 'hunter2' });
    } finally {
      await verbose.close();
    }
    const [query] = spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(query!.attributes['db.query.parameter.name']).toBe('Cy');
    expect(query!.attributes['db.query.parameter.password']).toBe('***');
  });
});

describe('metrics', () => {
  it('records db.client.operation.duration per query, with the error type of failures', async () => {
    await graph.cypher('RETURN 1 AS one', {}, { mode: 'READ' });
    await expect(graph.cypher('RETURN 1 +', {})).rejects.toThrow();
    const { resourceMetrics } = await reader.collect();
    const metric = resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .find((m) => m.descriptor.name === 'db.client.operation.duration');
    expect(metric?.descriptor.unit).toBe('s');
    const points = metric!.dataPoints as DataPoint<Histogram>[];
    const count = (match: (a: Attributes) => boolean) =>
      points.filter((p) => match(p.attributes)).reduce((n, p) => n + p.value.count, 0);
    expect(count((a) => a[ATTR.system] === 'neo4j' && a[ATTR.operation] === 'RETURN')).toBeGreaterThanOrEqual(
      2,
    );
    expect(
      count((a) => a[ATTR.errorType] === 'Neo.ClientError.Statement.SyntaxError'),
    ).toBeGreaterThanOrEqual(1);
    expect(points.every((p) => (p.value.sum ?? 0) >= 0)).toBe(true);
  });
});

describe('without a tracing SDK', () => {
  it('still records the duration of each query when only metrics have one', async () => {
    const ownReader = new TestReader();
    const metricsOnly = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: false,
      telemetry: { meterProvider: new MeterProvider({ readers: [ownReader] }) },
    });
    try {
      await Person.nodes.withOptions({ graph: metricsOnly }).filter({ email: 'nobody@example.com' }).all();
      await metricsOnly.cypher('RETURN 1 AS one', {}, { mode: 'READ' });
    } finally {
      await metricsOnly.close();
    }

    const { resourceMetrics } = await ownReader.collect();
    const points = resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .filter((m) => m.descriptor.name === 'db.client.operation.duration')
      .flatMap((m) => m.dataPoints as DataPoint<Histogram>[]);
    expect(points.reduce((n, p) => n + p.value.count, 0)).toBe(2);
    expect(spans()).toEqual([]);
  });
});
