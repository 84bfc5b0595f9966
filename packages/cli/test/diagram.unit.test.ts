import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ArrayProperty,
  IntegerProperty,
  Node,
  NodeEntity,
  One,
  Rel,
  Relationship,
  RelationshipEntity,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  StringType,
  ZeroOrOne,
} from '@cartograph/core';
import { registry } from '@cartograph/core/internal';
import { buildModelGraph } from '../src/diagram/model-graph';
import { renderDiagram } from '../src/diagram/render-diagram';
import { runCli } from '../src/main';
import { captureIO } from './support/capture-io';

@Rel('ACTED_IN')
class ActedIn extends RelationshipEntity {
  @ArrayProperty(StringType) roles?: string[];
}

@Node()
class Person extends NodeEntity {
  @StringProperty({ unique: true, required: true }) name!: string;
  @IntegerProperty() born?: number;
  @RelationshipTo(() => Movie, 'ACTED_IN', { model: ActedIn }) actedIn!: RelationshipManager<Movie, ActedIn>;
  @RelationshipTo(() => Studio, 'WORKS_AT', { cardinality: ZeroOrOne })
  employer!: RelationshipManager<Studio>;
  @Relationship(() => Person, 'KNOWS') knows!: RelationshipManager<Person>;
}

@Node({ labels: ['Movie', 'Work'] })
class Movie extends NodeEntity {
  @StringProperty({ required: true }) title!: string;
  @RelationshipFrom(() => Person, 'ACTED_IN', { model: ActedIn }) cast!: RelationshipManager<Person, ActedIn>;
  @RelationshipTo(() => Studio, 'MADE_BY', { cardinality: One }) studio!: RelationshipManager<Studio>;
}

@Node()
class Studio extends NodeEntity {
  @StringProperty() name?: string;
}

const graph = () => buildModelGraph(registry.nodes(), registry.relationshipModels());

describe('diagram', () => {
  it('draws each relationship once, even when both ends declare it', () => {
    const edges = graph().edges.map(
      (e) => `${e.from}-${e.type}->${e.to}:${e.cardinality}:${e.directed}:${e.model ?? ''}`,
    );
    expect(edges).toEqual([
      'Movie-MADE_BY->Studio:One:true:',
      'Person-ACTED_IN->Movie:ZeroOrMore:true:ActedIn',
      'Person-KNOWS->Person:ZeroOrMore:false:',
      'Person-WORKS_AT->Studio:ZeroOrOne:true:',
    ]);
  });

  it('Mermaid class diagram', () => {
    expect(renderDiagram(graph(), 'mermaid')).toBe(`classDiagram
  class ActedIn {
    <<rel ACTED_IN>>
    +list~string~ roles?
  }
  class Movie {
    <<Movie:Work>>
    +string title
  }
  class Person {
    <<Person>>
    +string name [unique]
    +integer born?
  }
  class Studio {
    <<Studio>>
    +string name?
  }
  Movie --> "1" Studio : MADE_BY
  Person --> "0..*" Movie : ACTED_IN (ActedIn)
  Person -- "0..*" Person : KNOWS
  Person --> "0..1" Studio : WORKS_AT
`);
  });

  it('Mermaid ER diagram', () => {
    const text = renderDiagram(graph(), 'er');
    expect(text.startsWith('erDiagram\n')).toBe(true);
    expect(text).toContain('  Person {\n    string name UK\n    integer born "optional"\n  }');
    expect(text).toContain('  Person }o--o{ Movie : "ACTED_IN {roles}"');
    expect(text).toContain('  Movie }o--|| Studio : "MADE_BY"');
    expect(text).toContain('  Person }o..o{ Person : "KNOWS"');
    expect(text).not.toContain('ActedIn {');
  });

  it('Graphviz DOT', () => {
    const text = renderDiagram(graph(), 'dot');
    expect(text).toContain('digraph cartograph {');
    expect(text).toContain('"Person" [label="{Person|name: string (unique)\\lborn?: integer\\l}"];');
    expect(text).toContain(
      '"ActedIn" [label="{ActedIn\\n[:ACTED_IN]|roles?: list\\<string\\>\\l}", style=dashed];',
    );
    expect(text).toContain('"Person" -> "Movie" [label="ACTED_IN (ActedIn)"];');
    expect(text).toContain('"Person" -> "Person" [label="KNOWS", dir=none];');
    expect(text.trimEnd().endsWith('}')).toBe(true);
  });

  it('`cartograph diagram` prints it, or writes it with --out', async () => {
    // The models are registered in this process already; the config only has to exist.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cartograph-diagram-'));
    writeFileSync(path.join(dir, 'cartograph.config.js'), 'module.exports = { models: [] };\n');
    try {
      const out = captureIO({ cwd: dir });
      expect(await runCli(['diagram', '--format', 'dot'], out.io)).toBe(0);
      expect(out.stdout()).toBe(renderDiagram(graph(), 'dot'));
      const written = captureIO({ cwd: dir });
      expect(await runCli(['diagram', '--out', 'docs/models.mmd'], written.io)).toBe(0);
      expect(readFileSync(path.join(dir, 'docs', 'models.mmd'), 'utf8')).toBe(
        renderDiagram(graph(), 'mermaid'),
      );
      expect(written.stdout()).toContain('wrote docs/models.mmd');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
