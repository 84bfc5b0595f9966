// `tsx bench/telemetry-overhead.ts`: what the executor's telemetry costs per call with no
// OpenTelemetry SDK registered (the no-op API), against telemetry disabled. No Neo4j needed: it
// times what an auto-commit read does in isolation: its transaction span, the query under it, and
// their ends (span attributes, histogram record).
import { Telemetry } from '../packages/core/src/executor/telemetry';

const query = { cypher: 'MATCH (n:Person {email: $email}) RETURN n', params: { email: 'a@example.com' } };
const N = 1_000_000;

function time(telemetry: Telemetry): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const span = telemetry.startTransaction('READ', 'neo4j');
    telemetry.endQuery(telemetry.startQuery(query, 'READ', 'neo4j', undefined, span), 1);
    telemetry.endTransaction(span, 0);
  }
  return Number(process.hrtime.bigint() - started) / N;
}

const noSdk = new Telemetry('bolt://localhost:7687');
const off = Telemetry.disabled;
for (let round = 0; round < 2; round++) time(noSdk) + time(off); // warm up
const samples = { noSdk: [] as number[], off: [] as number[] };
for (let round = 0; round < 5; round++) {
  samples.noSdk.push(time(noSdk));
  samples.off.push(time(off));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `per query: no SDK ${median(samples.noSdk).toFixed(0)} ns, disabled ${median(samples.off).toFixed(0)} ns\n`,
);
