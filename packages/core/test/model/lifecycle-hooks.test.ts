import 'reflect-metadata';
import { IntegerProperty, Node, NodeEntity, StringProperty } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

const calls: string[] = [];

@Node()
class AuditedDocument extends NodeEntity {
  @StringProperty({ required: true }) title!: string;
  @StringProperty() slug!: string;
  @IntegerProperty({ default: 0 }) revision!: number;

  preSave() {
    calls.push(`preSave:${this.title}`);
    this.slug = this.title.toLowerCase().replaceAll(' ', '-');
    this.revision += 1;
  }
  postCreate() {
    calls.push('postCreate');
  }
  postSave() {
    calls.push('postSave');
  }
  preDelete() {
    calls.push(`preDelete:${this.isSaved}`);
  }
  postDelete() {
    calls.push(`postDelete:${this.isSaved}`);
  }
}

const { graph } = useTestGraph();

beforeEach(async () => {
  calls.length = 0;
  await clearGraph(graph());
});

it('runs preSave before validation and the write, then postCreate and postSave', async () => {
  const doc = await AuditedDocument.create({ title: 'Graph Basics' });

  expect(calls).toEqual(['preSave:Graph Basics', 'postCreate', 'postSave']);
  const { records } = await graph().driver.executeQuery(
    'MATCH (d:AuditedDocument) RETURN d.slug AS slug, d.revision AS revision',
  );
  expect(records[0]!.get('slug')).toBe('graph-basics');
  expect(records[0]!.get('revision').toNumber()).toBe(1);
  expect(doc.revision).toBe(1);
});

it('runs only postSave (not postCreate) when saving an existing node', async () => {
  const doc = await AuditedDocument.create({ title: 'Draft' });
  calls.length = 0;
  doc.title = 'Final';
  await doc.save();
  expect(calls).toEqual(['preSave:Final', 'postSave']);
});

it('runs preDelete while the node exists and postDelete after', async () => {
  const doc = await AuditedDocument.create({ title: 'Temp' });
  calls.length = 0;
  await doc.delete();
  expect(calls).toEqual(['preDelete:true', 'postDelete:false']);
});

it('stops the save when preSave throws, writing nothing', async () => {
  @Node()
  class GuardedNote extends NodeEntity {
    @StringProperty() text!: string;
    preSave() {
      throw new Error('notes are read-only today');
    }
  }
  await expect(GuardedNote.create({ text: 'x' })).rejects.toThrow('read-only');
  const { records } = await graph().driver.executeQuery('MATCH (n:GuardedNote) RETURN count(n) AS n');
  expect(records[0]!.get('n').toNumber()).toBe(0);
});
