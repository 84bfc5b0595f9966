import 'reflect-metadata';
import {
  DoesNotExistError,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  StringProperty,
  ValidationError,
} from '../../src';
import { Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

/** A stock item whose hooks record what ran: preSave upper-cases the SKU, postSave/postCreate count. */
@Node()
class StockItem extends NodeEntity {
  declare static readonly nodes: NodeSet<StockItem>;
  static readonly ran: string[] = [];
  @StringProperty({ unique: true, required: true }) sku!: string;
  @IntegerProperty({ default: 0 }) quantity!: number;

  preSave() {
    this.sku = this.sku.toUpperCase();
    StockItem.ran.push(`preSave ${this.sku}`);
  }
  postCreate() {
    StockItem.ran.push(`postCreate ${this.sku}`);
  }
  postSave() {
    StockItem.ran.push(`postSave ${this.sku}`);
  }
}

const { graph, queries } = useTestGraph();

beforeAll(() => graph().installSchema());
beforeEach(async () => {
  await clearGraph(graph());
  StockItem.ran.length = 0;
});

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ email: `person${i}@example.com`, name: `Person ${i}`, age: 20 }));
const unwinds = () => queries.events.filter((e) => e.cypher.startsWith('UNWIND'));

describe('saveMany', () => {
  it('writes the changed instances in one UNWIND statement per batch', async () => {
    await Person.createMany(people(2500));
    const loaded = await Person.nodes.orderBy('email').all();
    for (const person of loaded.slice(0, 1500)) person.age = 31;
    queries.clear();

    await Person.saveMany(loaded, { batchSize: 1000 });

    expect(unwinds()).toHaveLength(2);
    expect(await Person.nodes.filter({ age: 31 }).count()).toBe(1500);
    expect(await Person.nodes.filter({ age: 20 }).count()).toBe(1000);
  });

  it('sends only the changed properties, so a concurrent change to another property survives', async () => {
    await Person.createMany(people(3));
    const [ada] = await Person.nodes.filter({ email: 'person0@example.com' }).all();
    // Another application renames the person after we loaded it.
    await graph().cypher("MATCH (p:Person {email: 'person0@example.com'}) SET p.name = 'Renamed elsewhere'");
    ada!.age = 44;
    queries.clear();

    await Person.saveMany([ada!]);

    const stored = await Person.nodes.get({ email: 'person0@example.com' });
    expect(stored.name).toBe('Renamed elsewhere');
    expect(stored.age).toBe(44);
    expect(unwinds()[0]!.params).toEqual({
      rows: [{ id: ada!.elementId, changes: { age: expect.anything() } }],
    });
  });

  it('creates new instances alongside changed ones, giving them element ids', async () => {
    const [existing] = await Person.createMany(people(1));
    existing!.name = 'Changed';
    const fresh = Object.assign(new Person(), {
      email: 'new@example.com',
      name: 'New',
    });

    await Person.saveMany([existing!, fresh]);

    expect(fresh.isSaved).toBe(true);
    expect((await Person.nodes.get({ email: 'new@example.com' })).elementId).toBe(fresh.elementId);
    expect((await Person.nodes.get({ email: 'person0@example.com' })).name).toBe('Changed');
    // Defaults were applied to the new instance, as save() does.
    expect(fresh.age).toBe(0);
  });

  it('skips unchanged instances: nothing is sent when nothing changed', async () => {
    await Person.createMany(people(5));
    const loaded = await Person.nodes.all();
    queries.clear();

    await Person.saveMany(loaded);

    expect(queries.events).toHaveLength(0);
  });

  it('validates every instance before writing anything, naming each invalid one', async () => {
    await Person.createMany(people(4));
    const loaded = await Person.nodes.orderBy('email').all();
    for (const person of loaded) person.age = 50;
    loaded[2]!.age = -1;
    loaded[3]!.email = 'not an email';

    const error = await Person.saveMany(loaded).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['[2].age', '[3].email']),
    );
    expect(await Person.nodes.filter({ age: 50 }).count()).toBe(0);
  });

  it('writes nothing when a changed instance was deleted meanwhile', async () => {
    await Person.createMany(people(3));
    const loaded = await Person.nodes.orderBy('email').all();
    for (const person of loaded) person.age = 60;
    await graph().cypher("MATCH (p:Person {email: 'person2@example.com'}) DELETE p");

    const error = await Person.saveMany(loaded).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DoesNotExistError);
    expect(await Person.nodes.filter({ age: 60 }).count()).toBe(0);
  });

  it('runs the lifecycle hooks as save() does: preSave before writing, postCreate and postSave after', async () => {
    const [kept] = await StockItem.createMany([{ sku: 'a-1', quantity: 1 }]);
    kept!.quantity = 5;
    const added = Object.assign(new StockItem(), { sku: 'b-2' });
    StockItem.ran.length = 0;

    await StockItem.saveMany([kept!, added]);

    expect(StockItem.ran).toEqual([
      'preSave A-1',
      'preSave B-2',
      'postSave A-1',
      'postCreate B-2',
      'postSave B-2',
    ]);
    expect((await StockItem.nodes.get({ sku: 'B-2' })).quantity).toBe(0);
    expect((await StockItem.nodes.get({ sku: 'A-1' })).quantity).toBe(5);
  });
});
