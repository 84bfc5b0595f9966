import type { PlannedSchemaItem } from '@cartograph/core/internal';
import {
  diffSchema,
  parseLabelRename,
  parsePropertyRename,
  planRenames,
  renameCandidates,
  renameHint,
  type SchemaItem,
} from '../src';

// A film catalogue: the model renamed Movie.name to Movie.title (unique), and Person to Actor (indexed born).
const planned: PlannedSchemaItem[] = [
  {
    kind: 'constraint',
    name: 'movie_title_unique',
    entity: 'node',
    label: 'Movie',
    properties: ['title'],
    type: 'unique',
    source: 'Movie.title',
  },
  {
    kind: 'index',
    name: 'actor_born_range',
    entity: 'node',
    label: 'Actor',
    properties: ['born'],
    type: 'range',
    source: 'Actor.born',
  },
  {
    kind: 'index',
    name: 'movie_tagline_text',
    entity: 'node',
    label: 'Movie',
    properties: ['tagline'],
    type: 'text',
    source: 'Movie.tagline',
  },
];
const actual: SchemaItem[] = [
  {
    name: 'movie_name_unique',
    kind: 'constraint',
    entity: 'node',
    labels: ['Movie'],
    properties: ['name'],
    type: 'UNIQUENESS',
    options: {},
  },
  {
    name: 'person_born_range',
    kind: 'index',
    entity: 'node',
    labels: ['Person'],
    properties: ['born'],
    type: 'RANGE',
    options: {},
  },
  {
    name: 'movie_released_range',
    kind: 'index',
    entity: 'node',
    labels: ['Movie'],
    properties: ['released'],
    type: 'RANGE',
    options: {},
  },
];
const diff = diffSchema(planned, { edition: 'community', items: actual });

describe('rename detection', () => {
  it('pairs a dropped item with an added one of the same kind on the same label (property) or the same property (label)', () => {
    const candidates = renameCandidates(diff).map((c) => c.flag);
    expect(candidates).toEqual(['--rename Movie.name:title', '--rename-label Person:Actor']);
    // A text index vs a range index is no rename; nor a different label and property at once.
    expect(candidates.join(' ')).not.toMatch(/tagline|released/);
  });

  it('names the likely rename in a hint', () => {
    expect(renameHint(renameCandidates(diff)[0]!)).toMatch(
      /movie_name_unique .* declared by no model and .*movie_title_unique .*created: .*property Movie\.name renamed to title, pass --rename Movie\.name:title/,
    );
  });

  it('takes the renamed items out of the drops and creates', () => {
    const plan = planRenames(diff, {
      properties: [{ label: 'Movie', from: 'name', to: 'title' }],
      labels: [{ from: 'Person', to: 'Actor' }],
    });
    expect(plan.renames.map((r) => [r.dropped.name, r.created.name])).toEqual([
      ['movie_name_unique', 'movie_title_unique'],
      ['person_born_range', 'actor_born_range'],
    ]);
    expect(plan.diff.toDrop.map((i) => i.name)).toEqual(['movie_released_range']);
    expect(plan.diff.toCreate.map((i) => i.name)).toEqual(['movie_tagline_text']);
  });

  it('leaves the diff alone for a rename it has no items for', () => {
    const plan = planRenames(diff, { properties: [{ label: 'Movie', from: 'summary', to: 'plot' }] });
    expect(plan.renames).toEqual([]);
    expect(plan.diff.toDrop).toHaveLength(3);
  });

  it('parses the flags', () => {
    expect(parsePropertyRename('Movie.name:title')).toEqual({ label: 'Movie', from: 'name', to: 'title' });
    expect(parsePropertyRename('Movie:title')).toBeUndefined();
    expect(parseLabelRename('Film:Movie')).toEqual({ from: 'Film', to: 'Movie' });
    expect(parseLabelRename('Film.x:Movie')).toBeUndefined();
  });
});
