import 'reflect-metadata';
import { Graph, Node, NodeEntity, StringProperty } from '@cartograph/core';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CartographModule, getModelToken, InjectGraph, InjectModel } from '../src';

@Node()
class Gadget extends NodeEntity {
  @StringProperty() name!: string;
}

class NotAModel {}

const connection = {
  url: process.env.NEO4J_URI!,
  auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
};

@Injectable()
class Uses {
  constructor(
    readonly graph: Graph,
    @InjectGraph('second') readonly second: Graph,
    @InjectModel(Gadget) readonly gadgets: typeof Gadget,
  ) {}
}

@Module({ imports: [CartographModule.forFeature([Gadget])], providers: [Uses] })
class FeatureModule {}

describe('CartographModule', () => {
  it('provides the default graph by type, named graphs by name, and registered models', async () => {
    @Module({
      imports: [
        CartographModule.forRoot({ ...connection, database: 'neo4j' }),
        CartographModule.forRoot({ ...connection, name: 'second', database: 'neo4j' }),
        FeatureModule,
      ],
    })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const uses = app.get(Uses);
    expect(uses.graph).toBeInstanceOf(Graph);
    expect(uses.second).toBeInstanceOf(Graph);
    expect(uses.second).not.toBe(uses.graph);
    expect(Graph.default).toBe(uses.graph);
    expect(uses.gadgets).toBe(Gadget);
    expect(app.get(getModelToken(Gadget), { strict: false })).toBe(Gadget);
    await uses.second.cypher('RETURN 1 AS one', {});
    await app.close();
    // Both drivers are closed on shutdown.
    await expect(uses.graph.cypher('RETURN 1', {})).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await expect(uses.second.cypher('RETURN 1', {})).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it("gives a named graph on another database the default graph's driver (forDatabase)", async () => {
    @Injectable()
    class Reports {
      constructor(
        readonly graph: Graph,
        @InjectGraph('reports') readonly reports: Graph,
      ) {}
    }
    @Module({
      imports: [
        CartographModule.forRoot({ ...connection, database: 'neo4j' }),
        CartographModule.forDatabase({ name: 'reports', database: 'neo4j' }),
      ],
      providers: [Reports],
    })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const { graph, reports } = app.get(Reports);
    expect(reports).not.toBe(graph);
    expect(reports.database).toBe('neo4j');
    expect(await reports.cypher('RETURN 1 AS one', {})).toEqual([{ one: 1 }]);
    // One driver: closing the default graph closes the named one too (a driver of its own would still answer).
    await graph.close();
    await expect(reports.cypher('RETURN 1', {})).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await app.close();
  });

  it('refuses a feature class that is not a model at start-up', async () => {
    @Module({ imports: [CartographModule.forFeature([NotAModel])] })
    class BadModule {}
    await expect(
      NestFactory.createApplicationContext(BadModule, { logger: false, abortOnError: false }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_MODEL' });
  });

  it('fails start-up with a ConfigurationError naming a bad option', async () => {
    @Module({ imports: [CartographModule.forRoot({ ...connection, maxConnectionPoolSize: 0 })] })
    class BadConfig {}
    await expect(
      NestFactory.createApplicationContext(BadConfig, { logger: false, abortOnError: false }),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIGURATION', option: 'maxConnectionPoolSize' });
  });
});
