import { extractBlocks } from './markdown-blocks';

const page = [
  '# Title', // 1
  '', // 2
  '```ts', // 3
  'const a = 1;', // 4
  '```', // 5
  '<!-- ts hidden: test data', // 6
  'const b = 2;', // 7
  '-->', // 8
  '```bash', // 9
  'pnpm test', // 10
  '```', // 11
  '- a list item:', // 12
  '  ```ts compile-only: needs a Neo4j cluster', // 13
  '  const c = 3;', // 14
  '  ```', // 15
  '```ts file=migrations/1_x.ts', // 16
  'export async function up() {}', // 17
  '```', // 18
].join('\n');

describe('the blocks of a Markdown page', () => {
  it('are the ts fences and hidden comments, in page order, with the page line of their first code line', () => {
    const { blocks, problems } = extractBlocks(page);
    expect(problems).toEqual([]);
    expect(blocks.map((block) => [block.kind, block.line, block.lines])).toEqual([
      ['run', 4, ['const a = 1;']],
      ['hidden', 7, ['const b = 2;']],
      ['compile-only', 14, ['const c = 3;']],
      ['file', 17, ['export async function up() {}']],
    ]);
    expect(blocks[2]).toMatchObject({ reason: 'needs a Neo4j cluster', indent: 2 });
    expect(blocks[3]).toMatchObject({ file: 'migrations/1_x.ts' });
  });

  it('refuse a compile-only block without a reason, and an unknown option, at the fence line', () => {
    const { blocks, problems } = extractBlocks(
      ['```ts compile-only', 'x', '```', '```ts skip', 'y', '```'].join('\n'),
    );
    expect(blocks).toEqual([]);
    expect(problems.map((problem) => problem.line)).toEqual([1, 4]);
    expect(problems[0]?.message).toContain('needs a reason');
  });

  it('refuse a file outside the page folder', () => {
    const { problems } = extractBlocks(['```ts file=../models.ts', 'x', '```'].join('\n'));
    expect(problems[0]?.message).toContain('relative .ts path');
  });

  it('skip fences inside a longer fence (a page showing Markdown)', () => {
    const { blocks } = extractBlocks(['~~~~markdown', '```ts', 'not code', '```', '~~~~'].join('\n'));
    expect(blocks).toEqual([]);
  });
});
