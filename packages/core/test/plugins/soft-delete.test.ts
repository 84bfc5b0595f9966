import 'reflect-metadata';
import {
  count,
  DateTimeProperty,
  hardDelete,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  optional,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  softDelete,
  sum,
  usePlugins,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

@Node()
class Shelf extends NodeEntity {
  declare static readonly nodes: NodeSet<Shelf>;
  @StringProperty({ required: true, unique: true }) name!: string;
  @RelationshipFrom(() => Book, 'ON') books!: RelationshipManager<Book>;
}

@Node()
class Book extends NodeEntity {
  declare static readonly nodes: NodeSet<Book>;
  @StringProperty({ required: true }) title!: string;
  @StringProperty({ unique: true }) isbn?: string;
  @IntegerProperty() pages?: number;
  @DateTimeProperty() deletedAt?: Date;
  @RelationshipTo(() => Shelf, 'ON') shelf!: RelationshipManager<Shelf>;
}

usePlugins(Book, softDelete({ property: 'deletedAt' }));

const { graph, queries } = useTestGraph();
let shelf: Shelf;
let gone: Book;

beforeAll(async () => {
  await clearGraph(graph());
  shelf = await Shelf.create({ name: 'fiction' });
  await Shelf.create({ name: 'empty' });
  for (const [title, pages] of [
    ['Dune', 400],
    ['Emma', 300],
    ['Gone', 100],
  ] as const) {
    const book = await Book.create({ title, pages });
    await book.shelf.connect(shelf);
    if (title === 'Gone') gone = book;
  }
  // A shelf whose only book is deleted.
  const lonely = await Shelf.create({ name: 'lonely' });
  const lost = await Book.create({ title: 'Lost', pages: 50 });
  await lost.shelf.connect(lonely);
  await gone.delete();
  await lost.delete();
});

const titles = (books: readonly Book[]) => books.map((b) => b.title).sort();

describe('softDelete', () => {
  it('delete() sets the property and keeps the node', async () => {
    const [row] = await graph().run(
      { cypher: "MATCH (b:Book {title: 'Gone'}) RETURN b.deletedAt IS NOT NULL AS marked", params: {} },
      'READ',
      (r) => r.get('marked') as boolean,
    );
    expect(row).toBe(true);
    // The instance still stands for the (hidden) node, so it can be hard-deleted later.
    expect(gone.elementId).toEqual(expect.any(String));
  });

  it('filter, get, count, exists leave deleted nodes out', async () => {
    expect(titles(await Book.nodes.all())).toEqual(['Dune', 'Emma']);
    expect(titles(await Book.nodes.filter({ pages: { lt: 500 } }).all())).toEqual(['Dune', 'Emma']);
    expect(await Book.nodes.getOrNull({ title: 'Gone' })).toBeNull();
    expect(await Book.nodes.count()).toBe(2);
    expect(await Book.nodes.filter({ title: 'Gone' }).exists()).toBe(false);
  });

  it('values and aggregate leave deleted nodes out', async () => {
    expect((await Book.nodes.values('title')).map((r) => r.title).sort()).toEqual(['Dune', 'Emma']);
    expect(await Book.nodes.aggregate({ n: count(), total: sum('pages') })).toEqual({ n: 2, total: 700 });
  });

  it('traversals, has(), annotations and eager loading leave deleted nodes out', async () => {
    expect(titles(await Shelf.nodes.filter({ name: 'fiction' }).traverse('books').all())).toEqual([
      'Dune',
      'Emma',
    ]);
    const withBooks = await Shelf.nodes.has({ books: true }).values('name');
    expect(withBooks.map((r) => r.name)).toEqual(['fiction']);
    const counted = await Shelf.nodes
      .annotate({ n: count('books') })
      .orderBy('name')
      .values('name', 'n');
    expect(counted).toEqual([
      { name: 'empty', n: 0 },
      { name: 'fiction', n: 2 },
      { name: 'lonely', n: 0 },
    ]);
    const loaded = await Shelf.nodes.fetchRelations(optional('books')).orderBy('name').all();
    expect(loaded.map((s) => titles(s.books.cached!))).toEqual([[], ['Dune', 'Emma'], []]);
    // Not optional: a shelf whose books are all deleted has no path.
    const required = await Shelf.nodes.fetchRelations('books').all();
    expect(required.map((s) => s.name)).toEqual(['fiction']);
  });

  it('relationship manager reads leave deleted nodes out', async () => {
    expect(titles(await shelf.books.all())).toEqual(['Dune', 'Emma']);
    expect(await shelf.books.count()).toBe(2);
    expect(titles(await shelf.books.filter({ pages: { gte: 0 } }).all())).toEqual(['Dune', 'Emma']);
  });

  it('withDeleted() brings them back, on every position of the query', async () => {
    expect(titles(await Book.nodes.withDeleted().all())).toEqual(['Dune', 'Emma', 'Gone', 'Lost']);
    expect(await Book.nodes.withDeleted().count()).toBe(4);
    const counted = await Shelf.nodes
      .withDeleted()
      .annotate({ n: count('books') })
      .orderBy('name')
      .values('name', 'n');
    expect(counted.map((r) => r.n)).toEqual([0, 3, 1]);
    const deleted = await Book.nodes
      .withDeleted()
      .filter({ deletedAt: { isNull: false } })
      .all();
    expect(titles(deleted)).toEqual(['Gone', 'Lost']);
  });

  it('hardDelete removes a node the same instance soft-deleted before', async () => {
    const draft = await Book.create({ title: 'Twice' });
    await draft.delete();
    await hardDelete(draft);
    expect(await Book.nodes.withDeleted().filter({ title: 'Twice' }).count()).toBe(0);
  });

  it('hardDelete removes the node', async () => {
    const temp = await Book.create({ title: 'Temp' });
    await hardDelete(temp);
    expect(await Book.nodes.withDeleted().filter({ title: 'Temp' }).count()).toBe(0);
  });

  it("a set's delete() marks its nodes deleted and keeps them", async () => {
    await Book.createMany([{ title: 'Draft 1' }, { title: 'Draft 2' }]);
    expect(await Book.nodes.filter({ title: { startsWith: 'Draft' } }).delete()).toBe(2);
    expect(await Book.nodes.filter({ title: { startsWith: 'Draft' } }).count()).toBe(0);
    const kept = await graph().run(
      {
        cypher: "MATCH (b:Book) WHERE b.title STARTS WITH 'Draft' RETURN b.deletedAt IS NOT NULL AS marked",
        params: {},
      },
      'READ',
      (r) => r.get('marked') as boolean,
    );
    expect(kept).toEqual([true, true]);
  });

  it("a set's delete({ hard: true }) removes its nodes", async () => {
    await Book.createMany([{ title: 'Scrap 1' }, { title: 'Scrap 2' }]);
    expect(await Book.nodes.filter({ title: { startsWith: 'Scrap' } }).delete({ hard: true })).toBe(2);
    expect(
      await Book.nodes
        .withDeleted()
        .filter({ title: { startsWith: 'Scrap' } })
        .count(),
    ).toBe(0);
  });

  it('the generated Cypher names the property in every pattern', async () => {
    queries.clear();
    await Shelf.nodes.fetchRelations(optional('books')).all();
    expect(queries.events[0]?.cypher).toContain('deletedAt IS NULL');
  });

  it('models without the plugin are untouched', async () => {
    const { cypher } = Shelf.nodes.filter({ name: 'x' }).toCypher();
    expect(cypher).not.toContain('deletedAt');
  });
});

describe('softDelete and writes by key', () => {
  let withdrawn: Book;
  beforeAll(async () => {
    await Shelf.create({ name: 'returns' });
    await Book.create({ title: 'Kept', isbn: 'isbn-kept' });
    withdrawn = await Book.create({ title: 'Withdrawn', isbn: 'isbn-withdrawn' });
    await withdrawn.delete();
  });

  /** ON relationships of a shelf, deleted books included (plain Cypher, no plugin). */
  const onShelf = async (name: string) => {
    const { records } = await graph().driver.executeQuery(
      'MATCH (:Book)-[r:ON]->(:Shelf {name: $name}) RETURN count(r) AS n',
      { name },
    );
    return records[0]!.get('n').toNumber() as number;
  };

  it('relate finds no soft-deleted node by key, from either end, and writes nothing', async () => {
    const notFound = { code: 'NODES_NOT_FOUND', model: 'Book', property: 'isbn', values: ['isbn-withdrawn'] };

    await expect(Book.relate({ isbn: 'isbn-withdrawn' }, 'shelf', { name: 'returns' })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      Shelf.relate({ name: 'returns' }, 'books', { isbn: 'isbn-withdrawn' }),
    ).rejects.toMatchObject(notFound);
    expect(await onShelf('returns')).toBe(0);
  });

  it('relate still finds the live node next to it', async () => {
    await Book.relate({ isbn: 'isbn-kept' }, 'shelf', { name: 'returns' });

    expect(titles(await Shelf.nodes.get({ name: 'returns' }).then((s) => s.books.all()))).toEqual(['Kept']);
  });

  it('relateMany refuses a batch naming a soft-deleted node, and writes none of it', async () => {
    const batch = [
      { from: { isbn: 'isbn-kept' }, to: { name: 'empty' } },
      { from: { isbn: 'isbn-withdrawn' }, to: { name: 'empty' } },
    ];

    await expect(Book.relateMany('shelf', batch)).rejects.toMatchObject({
      code: 'NODES_NOT_FOUND',
      values: ['isbn-withdrawn'],
    });
    expect(await onShelf('empty')).toBe(0);
  });

  it('unrelateMany finds no soft-deleted node: its relationships stay', async () => {
    const archived = await Book.create({ title: 'Archived', isbn: 'isbn-archived' });
    await Book.relate({ isbn: 'isbn-archived' }, 'shelf', { name: 'lonely' });
    await archived.delete();

    await expect(
      Book.unrelateMany('shelf', [{ from: { isbn: 'isbn-archived' }, to: { name: 'lonely' } }]),
    ).rejects.toMatchObject({ code: 'NODES_NOT_FOUND', values: ['isbn-archived'] });
    expect(await onShelf('lonely')).toBe(2);
  });

  it('importMany skips a row whose key a soft-deleted node holds: the key stays taken, the node deleted', async () => {
    const summary = await Book.importMany([{ title: 'Withdrawn, again', isbn: 'isbn-withdrawn' }], {
      key: ['isbn'],
    });

    expect(summary).toMatchObject({ written: 0, skipped: 1 });
    expect(await Book.nodes.withDeleted().filter({ isbn: 'isbn-withdrawn' }).values('title')).toEqual([
      { title: 'Withdrawn' },
    ]);
    expect(await Book.nodes.getOrNull({ isbn: 'isbn-withdrawn' })).toBeNull();
  });
});
