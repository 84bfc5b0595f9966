import 'reflect-metadata';
import { Graph } from '@cartograph/core';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';

let app: INestApplication;
let graph: Graph;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  graph = app.get(Graph);
  await graph.installSchema();
});

afterAll(async () => {
  await app.close();
});

const http = () => request(app.getHttpServer());
const countOf = async (label: string) =>
  Number((await graph.cypher(`MATCH (n:${label}) RETURN count(n) AS n`, {}, { mode: 'READ' }))[0]!.n);

describe('people API', () => {
  it('creates and reads people', async () => {
    const created = await http().post('/people').send({ email: 'ada@example.com', name: 'Ada' }).expect(201);
    expect(created.body).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    expect(created.body.uid).toEqual(expect.any(String));
    const list = await http().get('/people').expect(200);
    expect(list.body.map((p: { email: string }) => p.email)).toEqual(['ada@example.com']);
  });

  it('answers 409 for a duplicate e-mail', async () => {
    await http().post('/people').send({ email: 'ada@example.com', name: 'Ada again' }).expect(409);
  });

  it('hires a person in one transaction, creating the company', async () => {
    const hired = await http().post('/people/ada@example.com/employer').send({ company: 'Acme' }).expect(201);
    expect(hired.body).toEqual({ email: 'ada@example.com', employer: 'Acme', inTransaction: true });
    const person = await http().get('/people/ada@example.com').expect(200);
    expect(person.body.employer).toBe('Acme');
    await http().post('/people/nobody@example.com/employer').send({ company: 'Acme' }).expect(404);
  });

  it('rolls a @Transactional() handler back as a whole when it fails', async () => {
    const before = await countOf('Person');
    await http()
      .post('/people/batch')
      .send([
        { email: 'bob@example.com', name: 'Bob' },
        { email: 'ada@example.com', name: 'Duplicate' },
      ])
      .expect(409);
    expect(await countOf('Person')).toBe(before);
    const ok = await http()
      .post('/people/batch')
      .send([
        { email: 'bob@example.com', name: 'Bob' },
        { email: 'cy@example.com', name: 'Cy' },
      ])
      .expect(201);
    expect(ok.body).toHaveLength(2);
    expect(await countOf('Person')).toBe(before + 2);
  });

  it('reports Neo4j health through terminus', async () => {
    const health = await http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { neo4j: { status: 'up' } } });
  });

  it('closes the driver on application shutdown', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const other = moduleRef.createNestApplication({ logger: false });
    await other.init();
    const otherGraph = other.get(Graph);
    await other.close();
    await expect(otherGraph.cypher('RETURN 1', {})).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    Graph.setDefault(graph);
  });
});
