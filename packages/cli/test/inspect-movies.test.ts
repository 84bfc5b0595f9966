// `cartograph inspect` on the movies data set: the generated models compile with the repository's
// compiler settings, and reading every Movie and Person back through them gives the data back.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '@cartograph/core';
import { compileErrors } from './support/compile-check';
import { connectTestGraph } from './support/database-schema';
import { createTempProject, runBin, runTypeScript } from './support/run-bin';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const DATASETS = process.env.CARTOGRAPH_DATASETS ?? path.resolve(REPO_ROOT, '../shared/datasets');
const MOVIES = path.join(DATASETS, 'movies', 'movies.cypher');

// The one allowed skip: the shared data sets live outside the repository.
const maybe = existsSync(MOVIES) ? describe : describe.skip;
if (!existsSync(MOVIES))
  console.warn(`Skipping the inspect round trip: ${MOVIES} is missing (set CARTOGRAPH_DATASETS).`);

/** Reads the data back through the generated models, in a process that loads them with tsx. */
const ROUND_TRIP = `import { Graph } from '@cartograph/core';
import { Movie, Person } from './src/models/inspected';

async function main(): Promise<void> {
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
  });
  try {
    const movies = await Movie.nodes.all();
    const people = await Person.nodes.all();
    const keanu = people.find((p) => p.name === 'Keanu Reeves')!;
    const matrix = movies.find((m) => m.title === 'The Matrix')!;
    const actedIn = await keanu.actedIn.all();
    const role = await keanu.actedIn.relationship(matrix);
    const jessica = people.find((p) => p.name === 'Jessica Thompson')!;
    const reviews = await Promise.all((await jessica.reviewed.all()).map((m) => jessica.reviewed.relationship(m)));
    const cast = await matrix.actedInBy.all();
    process.stdout.write(JSON.stringify({
      movies: movies.length,
      people: people.length,
      withoutBorn: people.filter((p) => p.born === undefined || p.born === null).length,
      withoutTagline: movies.filter((m) => m.tagline === undefined || m.tagline === null).length,
      matrix: { released: matrix.released, tagline: matrix.tagline },
      keanu: { born: keanu.born, movies: actedIn.length, roles: role?.roles },
      cast: cast.map((p) => p.name).sort(),
      ratings: reviews.map((r) => r?.rating).sort(),
    }));
  } finally {
    await graph.close();
  }
}

void main();
`;

maybe('cartograph inspect on the movies data set', () => {
  let project: string;
  let graph: Graph;

  beforeAll(async () => {
    project = createTempProject('cartograph-inspect-');
    graph = await connectTestGraph();
    // The file is one statement (its CREATEs share variables): send it whole, minus the final ';'.
    const text = readFileSync(MOVIES, 'utf8').trim().replace(/;$/, '');
    await graph.driver.executeQuery(text);
  });
  afterAll(async () => {
    await graph.close();
    rmSync(project, { recursive: true, force: true });
  });

  it('writes models for every label and relationship type', async () => {
    expect((await runBin(['init', '--no-example'], project)).code).toBe(0);
    const result = await runBin(['inspect', '--json'], project);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as {
      files: string[];
      schema: { nodes: Array<{ className: string; relationships: Array<{ field: string }> }> };
    };
    expect(body.files.sort()).toEqual(['acted-in.ts', 'index.ts', 'movie.ts', 'person.ts', 'reviewed.ts']);
    const person = body.schema.nodes.find((n) => n.className === 'Person')!;
    expect(person.relationships.map((r) => r.field).sort()).toEqual([
      'actedIn',
      'directed',
      'follows',
      'followsBy',
      'produced',
      'reviewed',
      'wrote',
    ]);
    const dir = path.join(project, 'src', 'models', 'inspected');
    expect(readFileSync(path.join(dir, 'person.ts'), 'utf8')).toContain('@IntegerProperty() born?: number;');
    expect(readFileSync(path.join(dir, 'acted-in.ts'), 'utf8')).toContain(
      '@ArrayProperty(StringType, { required: true }) roles!: string[];',
    );
    expect(readFileSync(path.join(dir, 'reviewed.ts'), 'utf8')).toContain("@Rel('REVIEWED')");
    expect((await runBin(['inspect'], project)).code).toBe(2);
  });

  it('the models compile', () => {
    const dir = path.join(project, 'src', 'models', 'inspected');
    expect(compileErrors(readdirSync(dir).map((file) => path.join(dir, file)))).toEqual([]);
  });

  it('every Movie and Person reads back through them', async () => {
    writeFileSync(path.join(project, 'round-trip.ts'), ROUND_TRIP);
    const result = await runTypeScript('round-trip.ts', project);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      movies: 38,
      people: 133,
      withoutBorn: 5,
      withoutTagline: 1,
      matrix: { released: 1999, tagline: 'Welcome to the Real World' },
      keanu: { born: 1964, movies: 7, roles: ['Neo'] },
      cast: ['Carrie-Anne Moss', 'Emil Eifrem', 'Hugo Weaving', 'Keanu Reeves', 'Laurence Fishburne'],
      ratings: [45, 65, 68, 85, 92, 95],
    });
  });
});
