import { count, InvalidCursorError, InvalidFilterError, type Page, type PageOptions } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { Person, seedSocialGraph } from './social-graph';

const { graph } = useTestGraph();

beforeAll(async () => {
  await clearGraph(graph());
  await seedSocialGraph();
});

/** Every page of `set`, following endCursor until hasNextPage is false. */
async function pages(
  set: { paginate(options: PageOptions): Promise<Page<{ name: string }>> },
  size: number,
): Promise<string[][]> {
  const result: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await set.paginate({ first: size, after });
    result.push(page.items.map((item) => item.name));
    if (!page.pageInfo.hasNextPage) return result;
    after = page.pageInfo.endCursor;
  }
}

describe('cursor pagination', () => {
  it('walks the set page by page', async () => {
    expect(await pages(Person.nodes.orderBy('name'), 2)).toEqual([
      ['Alice', 'Bob'],
      ['Carol', 'Dave'],
      ['Eve', 'Frank'],
    ]);
  });

  it('handles descending keys, missing values and ties', async () => {
    // score: Alice 4.5, Bob 3, Frank 1, Carol / Dave / Eve missing (first when descending).
    const expected = (await Person.nodes.orderBy('-score').all()).map((p) => p.name);
    expect((await pages(Person.nodes.orderBy('-score'), 2)).flat()).toEqual(expected);
    expect((await pages(Person.nodes.orderBy('score', '-name'), 4)).flat()).toEqual([
      'Frank',
      'Bob',
      'Alice',
      'Eve',
      'Dave',
      'Carol',
    ]);
    expect((await pages(Person.nodes.orderBy('active'), 1)).flat().sort()).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Eve',
      'Frank',
    ]);
  });

  it('orders by datetimes, related properties and annotations', async () => {
    expect((await pages(Person.nodes.orderBy('born', 'name'), 1)).flat()).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Eve',
      'Frank',
    ]);
    expect((await pages(Person.nodes.orderBy('employer.name', 'name'), 3)).flat()).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Frank',
      'Dave',
      'Eve',
    ]);
    const byFriends = Person.nodes
      .annotate({ friendCount: count('friends') })
      .orderBy('-friendCount', 'name');
    expect((await pages(byFriends, 2)).flat()).toEqual(['Alice', 'Bob', 'Carol', 'Dave', 'Frank', 'Eve']);
  });

  it('with no order keys, pages follow the element id', async () => {
    expect((await pages(Person.nodes, 4)).flat().sort()).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Eve',
      'Frank',
    ]);
  });

  it('reports the end, and an empty set', async () => {
    const page = await Person.nodes.filter({ name: 'Zoe' }).paginate({ first: 10 });
    expect(page).toEqual({ items: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('rejects foreign or damaged cursors and bad sizes', async () => {
    const { pageInfo } = await Person.nodes.orderBy('name').paginate({ first: 1 });
    await expect(
      Person.nodes.orderBy('age').paginate({ first: 1, after: pageInfo.endCursor }),
    ).rejects.toThrow(InvalidCursorError);
    await expect(Person.nodes.orderBy('name').paginate({ first: 1, after: 'not a cursor' })).rejects.toThrow(
      /malformed/,
    );
    await expect(Person.nodes.paginate({ first: 0 })).rejects.toThrow(InvalidFilterError);
    await expect(Person.nodes.limit(3).paginate({ first: 1 })).rejects.toThrow(
      /remove skip\(\) and limit\(\)/,
    );
  });
});
