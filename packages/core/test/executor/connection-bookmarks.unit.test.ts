import { ConnectionBookmarks } from '../../src/executor/connection-bookmarks';

describe('ConnectionBookmarks', () => {
  it('starts with no bookmarks', async () => {
    const bookmarks = new ConnectionBookmarks();

    expect(bookmarks.latest).toEqual([]);
    expect([...(await bookmarks.getBookmarks())]).toEqual([]);
  });

  it("replaces the bookmarks a write started from with the write's own", async () => {
    const bookmarks = new ConnectionBookmarks();
    await bookmarks.updateBookmarks([], ['b1']);

    await bookmarks.updateBookmarks(['b1'], ['b2']);

    expect(bookmarks.latest).toEqual(['b2']);
    expect([...(await bookmarks.getBookmarks())]).toEqual(['b2']);
  });

  it('keeps the bookmarks of concurrent writes that started from the same ones', async () => {
    const bookmarks = new ConnectionBookmarks();
    await bookmarks.updateBookmarks([], ['b1']);

    await bookmarks.updateBookmarks(['b1'], ['w1']);
    await bookmarks.updateBookmarks(['b1'], ['w2']);

    expect(bookmarks.latest).toEqual(['w1', 'w2']);
  });

  it('hands out a new list on each change, so a list already handed out never changes', async () => {
    const bookmarks = new ConnectionBookmarks();
    await bookmarks.updateBookmarks([], ['b1']);
    const before = bookmarks.latest;

    await bookmarks.updateBookmarks(['b1'], ['b2']);

    expect(before).toEqual(['b1']);
  });
});
