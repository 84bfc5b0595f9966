import {
  type Attributes,
  context,
  createNoopMeter,
  type Histogram,
  isSpanContextValid,
  type Meter,
  type MeterProvider,
  metrics,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { Neo4jError, type Transaction } from 'neo4j-driver';
import { CartographError } from '../errors';
import { redactParams } from './query-log';
import type { AccessMode, CompiledQuery } from './types';

/**
 * OpenTelemetry settings of a graph (`ConnectOptions.telemetry`). Cartograph uses only
 * `@opentelemetry/api`: without an SDK registered every span and measurement is a no-op.
 */
export interface TelemetryOptions {
  /** Emit spans and metrics; default true (they cost nothing until an SDK is registered). */
  enabled?: boolean;
  /** Tracer provider to use instead of the global one (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
  /** Meter provider to use instead of the global one (`metrics.getMeterProvider()`). */
  meterProvider?: MeterProvider;
  /** Record the Cypher text as `db.query.text`; default true (Cartograph's Cypher is parameterized). */
  captureQueryText?: boolean;
  /**
   * Record parameter values as `db.query.parameter.<name>` attributes; default false. Secret-looking
   * keys are masked as in the query log even then.
   */
  captureParameters?: boolean;
}

/** The class of the API's no-op meter: what a process without a metrics SDK gets. */
const NOOP_METER_CLASS = createNoopMeter().constructor;

function isNoopMeter(meter: Meter): boolean {
  return meter instanceof NOOP_METER_CLASS;
}

/** The instrumentation scope name of Cartograph's spans and metrics. */
export const INSTRUMENTATION_NAME = '@cartograph/core';
const VERSION = '0.1.0';

/** Span and metric attribute names (OpenTelemetry database semantic conventions, plus `cartograph.*`). */
export const ATTR = {
  system: 'db.system.name',
  namespace: 'db.namespace',
  operation: 'db.operation.name',
  queryText: 'db.query.text',
  statusCode: 'db.response.status_code',
  returnedRows: 'db.response.returned_rows',
  errorType: 'error.type',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  model: 'cartograph.model',
  mode: 'cartograph.access_mode',
  retries: 'cartograph.transaction.retries',
} as const;

/**
 * Spans and metrics of one connection, emitted by the executor: one `CLIENT` span per query (a child
 * of its transaction's span), one span per managed transaction (covering its retries), and the
 * `db.client.operation.duration` histogram. Attributes are only computed for recording spans, so
 * with no SDK installed a query pays for one no-op span.
 */
export class Telemetry {
  readonly #tracer: Tracer | undefined;
  readonly #duration: Histogram | undefined;
  readonly #server: Attributes;
  readonly #captureText: boolean;
  readonly #captureParams: boolean;
  readonly #attributeCache = new Map<string, Attributes>();
  readonly #operations = new Map<string, string>();
  /** The span of each open managed transaction, so its queries become its children without a context manager. */
  readonly #transactions = new WeakMap<Transaction, { span: Span; database: string | undefined }>();

  constructor(url: string, options: TelemetryOptions = {}) {
    const enabled = options.enabled ?? true;
    this.#captureText = options.captureQueryText ?? true;
    this.#captureParams = options.captureParameters ?? false;
    this.#server = { [ATTR.system]: 'neo4j', ...serverOf(url) };
    if (!enabled) return;
    this.#tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(
      INSTRUMENTATION_NAME,
      VERSION,
    );
    const meter: Meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(
      INSTRUMENTATION_NAME,
      VERSION,
    );
    // Without an SDK the meter records nothing, now or later (metrics have no proxy provider).
    if (isNoopMeter(meter)) return;
    this.#duration = meter.createHistogram('db.client.operation.duration', {
      description: 'Duration of database client operations (each query Cartograph runs).',
      unit: 's',
      advice: { explicitBucketBoundaries: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10] },
    });
  }

  /** A telemetry that records nothing. */
  static readonly disabled = new Telemetry('bolt://localhost', { enabled: false });

  /**
   * Starts the span of one query; `tx` links it to its managed transaction's span, `parent` to the
   * span of the retried auto-commit call it belongs to.
   */
  startQuery(
    query: CompiledQuery,
    mode: AccessMode,
    database: string | undefined,
    tx?: Transaction,
    parent?: Span,
  ): QueryTrace | undefined {
    const tracer = this.#tracer;
    if (!tracer) return undefined;
    const bound = tx ? this.#transactions.get(tx) : undefined;
    const parentSpan = bound?.span ?? parent;
    // Without an SDK the transaction's span is a no-op with an invalid context, and the query's
    // would be one too: it is not made, and without metrics nothing is.
    const traced = parentSpan === undefined || isSpanContextValid(parentSpan.spanContext());
    if (!traced && !this.#duration) return undefined;
    if (bound) database = bound.database;
    const operation = this.#operationOf(query.cypher);
    const started = performance.now();
    if (!traced) return { span: undefined, started, operation, database };
    const ctx = parentSpan ? trace.setSpan(context.active(), parentSpan) : context.active();
    const span = tracer.startSpan(operation, { kind: SpanKind.CLIENT }, ctx);
    if (span.isRecording()) {
      const model = query.model;
      span.updateName(spanName(operation, model, database));
      const attributes: Attributes = { ...this.#server, [ATTR.operation]: operation, [ATTR.mode]: mode };
      if (database) attributes[ATTR.namespace] = database;
      if (model) attributes[ATTR.model] = model;
      if (this.#captureText) attributes[ATTR.queryText] = query.cypher;
      if (this.#captureParams) {
        for (const [key, value] of Object.entries(redactParams(query.params))) {
          attributes[`db.query.parameter.${key}`] = parameterValue(value);
        }
      }
      span.setAttributes(attributes);
    }
    return { span, started, operation, database };
  }

  /** `operationOf`, remembered per query text (Cartograph's texts come from its compile cache). */
  #operationOf(cypher: string): string {
    let operation = this.#operations.get(cypher);
    if (operation === undefined) {
      operation = operationOf(cypher);
      if (this.#operations.size >= 1_000) this.#operations.clear();
      this.#operations.set(cypher, operation);
    }
    return operation;
  }

  /** Ends a query's span and records its duration. */
  endQuery(trace: QueryTrace | undefined, rows: number, error?: unknown): void {
    if (!trace) return;
    const { span } = trace;
    const errorType = error === undefined ? undefined : errorTypeOf(error);
    if (span?.isRecording()) {
      span.setAttribute(ATTR.returnedRows, rows);
      if (error !== undefined) failSpan(span, error, errorType as string);
    }
    span?.end();
    if (!this.#duration) return;
    const seconds = (performance.now() - trace.started) / 1000;
    this.#duration.record(seconds, this.#metricAttributes(trace.operation, trace.database, errorType));
  }

  /** The attributes of a measurement; those of successful queries are made once per operation and database. */
  #metricAttributes(
    operation: string,
    database: string | undefined,
    errorType: string | undefined,
  ): Attributes {
    const key = errorType === undefined ? `${operation}\u0000${database ?? ''}` : undefined;
    const cached = key === undefined ? undefined : this.#attributeCache.get(key);
    if (cached) return cached;
    const attributes: Attributes = { ...this.#server, [ATTR.operation]: operation };
    if (database) attributes[ATTR.namespace] = database;
    if (errorType) attributes[ATTR.errorType] = errorType;
    if (key !== undefined && this.#attributeCache.size < 1_000) this.#attributeCache.set(key, attributes);
    return attributes;
  }

  /** Starts the span of a managed transaction (a child of the caller's active span). */
  startTransaction(mode: AccessMode, database: string | undefined): Span | undefined {
    const tracer = this.#tracer;
    if (!tracer) return undefined;
    const span = tracer.startSpan(`${mode === 'READ' ? 'read' : 'write'} transaction`, {
      kind: SpanKind.INTERNAL,
    });
    if (span.isRecording()) {
      span.setAttributes({ ...this.#server, [ATTR.mode]: mode });
      if (database) span.setAttribute(ATTR.namespace, database);
    }
    return span;
  }

  /** Makes `tx` (one attempt of the transaction of `span`) the parent of the queries run in it. */
  bind(tx: Transaction, span: Span | undefined, database: string | undefined): void {
    if (span) this.#transactions.set(tx, { span, database });
  }

  /** Notes that the transaction of `span` is retried after `error`. */
  retry(span: Span | undefined, attempt: number, error: unknown): void {
    if (!span?.isRecording()) return;
    span.addEvent('retry', { attempt, [ATTR.errorType]: errorTypeOf(error) });
  }

  /** Ends a transaction's span. */
  endTransaction(span: Span | undefined, retries: number, error?: unknown): void {
    if (!span) return;
    if (span.isRecording()) {
      span.setAttribute(ATTR.retries, retries);
      if (error !== undefined) failSpan(span, error, errorTypeOf(error));
    }
    span.end();
  }
}

/** A started query: its span (none when no SDK traces) and what its measurement needs. */
export interface QueryTrace {
  readonly span: Span | undefined;
  readonly started: number;
  readonly operation: string;
  readonly database: string | undefined;
}

function failSpan(span: Span, error: unknown, errorType: string) {
  span.setAttribute(ATTR.errorType, errorType);
  const status = neo4jCode(error);
  if (status) span.setAttribute(ATTR.statusCode, status);
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
}

/** The Neo4j status code behind `error` (its own or its cause's), if any. */
function neo4jCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Neo4jError) return e.code;
  }
  return undefined;
}

/** `error.type`: the Neo4j status code, else Cartograph's error code, else the error's class name. */
export function errorTypeOf(error: unknown): string {
  const code = neo4jCode(error);
  if (code) return code;
  if (error instanceof CartographError) return (error as { code: string }).code;
  if (error instanceof Error) return error.name;
  return '_OTHER';
}

const KEYWORDS =
  /^\s*(?:(?:CYPHER|EXPLAIN|PROFILE)\b[^\n]*?\s+)?([A-Za-z]+(?:\s+(?:DISTINCT|CONSTRAINT|INDEX|CONSTRAINTS|INDEXES))?)/;

/** `db.operation.name`: the query's first clause (`MATCH`, `MERGE`, `CREATE INDEX`, `SHOW INDEXES`...). */
function operationOf(cypher: string): string {
  const match = KEYWORDS.exec(cypher);
  return match?.[1] ? match[1].replace(/\s+/g, ' ').toUpperCase() : 'CYPHER';
}

function spanName(operation: string, model: string | undefined, database: string | undefined): string {
  const target = model ?? database;
  return target ? `${operation} ${target}` : operation;
}

function serverOf(url: string): Attributes {
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : 7687;
    return { [ATTR.serverAddress]: parsed.hostname, [ATTR.serverPort]: port };
  } catch {
    return {};
  }
}

function parameterValue(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
