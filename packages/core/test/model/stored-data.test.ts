// Data another application wrote, breaking what the models declare: reads refuse it with a typed
// error naming the node and property (strict, the default), or skip it and report it (lenient).
import {
  CardinalityViolationError,
  EmailProperty,
  FloatProperty,
  HydrationError,
  type HydrationProblem,
  JsonProperty,
  Node,
  NodeEntity,
  type NodeSet,
  One,
  RegexProperty,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  UniqueIdProperty,
  ZeroOrOne,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph } = useTestGraph();

@Node()
class Ward extends NodeEntity {
  declare static readonly nodes: NodeSet<Ward>;
  @StringProperty({ required: true }) name!: string;
}

@Node()
class Doctor extends NodeEntity {
  declare static readonly nodes: NodeSet<Doctor>;
  @StringProperty({ required: true }) name!: string;
}

@Node()
class Patient extends NodeEntity {
  declare static readonly nodes: NodeSet<Patient>;
  @UniqueIdProperty() uid!: string;
  @StringProperty({ required: true }) name!: string;
  @EmailProperty() email?: string;
  @FloatProperty() weightKg?: number;
  @StringProperty({ choices: ['admitted', 'discharged'] }) status?: string;
  @RegexProperty(/^\d{4}$/, { sensitive: true }) pin?: string;
  @JsonProperty({ maxDepth: 10 }) chart?: unknown;
  @RelationshipTo(() => Ward, 'ADMITTED_TO', { cardinality: ZeroOrOne }) ward!: RelationshipManager<Ward>;
  @RelationshipTo(() => Doctor, 'TREATED_BY', { cardinality: One }) doctor!: RelationshipManager<Doctor>;
}

/** Runs Cypher as another application would, straight through the driver; returns the element id. */
async function write(cypher: string): Promise<string> {
  const { records } = await graph().driver.executeQuery(`${cypher} RETURN elementId(p) AS id`);
  return records[0]!.get('id') as string;
}

const goodPatient = (name: string) =>
  write(
    `CREATE (p:Patient {uid: randomUUID(), name: '${name}', email: '${name.toLowerCase()}@example.com'})` +
      `-[:TREATED_BY]->(:Doctor {name: 'House'})`,
  );

beforeEach(() => clearGraph(graph()));

describe('strict reads (the default)', () => {
  it('refuse a node missing a required property, naming node and property', async () => {
    const id = await write(`CREATE (p:Patient {uid: randomUUID()})`);

    const error = await Patient.nodes.all().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HydrationError);
    expect(error).toMatchObject({
      code: 'INVALID_STORED_DATA',
      model: 'Patient',
      labels: ['Patient'],
      elementId: id,
      property: 'name',
      storedType: 'NULL',
      expectedType: 'string (STRING)',
    });
  });

  it('refuse an invalid email', async () => {
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada', email: 'not-an-email'})`);

    await expect(Patient.nodes.all()).rejects.toMatchObject({
      code: 'INVALID_STORED_DATA',
      property: 'email',
      storedType: 'STRING',
      expectedType: 'email (STRING)',
    });
  });

  it('refuse a uid that is not a UUID', async () => {
    await write(`CREATE (p:Patient {uid: 'patient-42', name: 'Ada'})`);

    await expect(Patient.nodes.first()).rejects.toMatchObject({
      code: 'INVALID_STORED_DATA',
      property: 'uid',
    });
  });

  it('refuse a value outside the declared choices', async () => {
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada', status: 'escaped'})`);

    await expect(Patient.nodes.all()).rejects.toMatchObject({ property: 'status' });
  });

  it('refuse an INTEGER above 2^53 in a float property instead of rounding it', async () => {
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada', weightKg: 9007199254740993})`);

    await expect(Patient.nodes.all()).rejects.toMatchObject({
      property: 'weightKg',
      storedType: 'INTEGER',
      expectedType: 'float (FLOAT)',
    });
  });

  it('refuse JSON nested deeper than the property allows', async () => {
    const deep = `${'['.repeat(11)}${']'.repeat(11)}`;
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada', chart: '${deep}'})`);

    await expect(Patient.nodes.all()).rejects.toMatchObject({ property: 'chart', storedType: 'STRING' });
  });

  it('do not quote the stored value of a sensitive property', async () => {
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada', pin: 'hunter2-leaked'})`);

    const error = await Patient.nodes.all().catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'INVALID_STORED_DATA', property: 'pin' });
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('refuse bad data through get(), stream() and refresh()', async () => {
    const id = await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada'})`);
    const ada = await Patient.nodes.get({ name: 'Ada' });
    await graph().driver.executeQuery('MATCH (p) WHERE elementId(p) = $id SET p.email = 42', { id });

    const invalid = { code: 'INVALID_STORED_DATA', property: 'email', storedType: 'INTEGER' };
    await expect(Patient.nodes.get({ name: 'Ada' })).rejects.toMatchObject(invalid);
    await expect(ada.refresh()).rejects.toMatchObject(invalid);
    expect(ada.email).toBeUndefined();
    const streamed = (async () => {
      for await (const _ of Patient.nodes.stream());
    })();
    await expect(streamed).rejects.toMatchObject(invalid);
  });
});

describe('lenient reads', () => {
  it('return the good rows and report each bad one', async () => {
    await goodPatient('Ada');
    await goodPatient('Grace');
    const bad = await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Mallory', email: 'nope'})`);
    const problems: HydrationProblem[] = [];

    const rows = await Patient.nodes
      .lenient((problem) => problems.push(problem))
      .orderBy('name')
      .all();

    expect(rows.map((p) => p.name)).toEqual(['Ada', 'Grace']);
    expect(problems).toEqual([expect.objectContaining({ elementId: bad, property: 'email' })]);
  });

  it('apply to streams', async () => {
    await goodPatient('Ada');
    await write(`CREATE (p:Patient {uid: 'x', name: 'Mallory'})`);
    const problems: HydrationProblem[] = [];
    const names: string[] = [];

    for await (const patient of Patient.nodes.lenient((problem) => problems.push(problem)).stream()) {
      names.push(patient.name);
    }

    expect(names).toEqual(['Ada']);
    expect(problems).toHaveLength(1);
  });

  it('stay lenient after further filters and ordering', async () => {
    await goodPatient('Ada');
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada', weightKg: 'heavy'})`);
    const problems: HydrationProblem[] = [];

    const rows = await Patient.nodes
      .lenient((problem) => problems.push(problem))
      .filter({ name: 'Ada' })
      .orderBy('uid')
      .all();

    expect(rows).toHaveLength(1);
    expect(problems).toHaveLength(1);
  });
});

describe('eager loading checks cardinality', () => {
  it('refuses two targets for a ZeroOrOne relation', async () => {
    await goodPatient('Ada');
    await graph().driver.executeQuery(
      `MATCH (p:Patient {name: 'Ada'}) CREATE (p)-[:ADMITTED_TO]->(:Ward {name: 'A'}), (p)-[:ADMITTED_TO]->(:Ward {name: 'B'})`,
    );

    await expect(Patient.nodes.fetchRelations('ward').all()).rejects.toThrow(CardinalityViolationError);
    await expect(Patient.nodes.fetchRelations('ward').all()).rejects.toThrow(/Patient.ward is ZeroOrOne/);
  });

  it('refuses a node missing its One relation instead of leaving it out', async () => {
    await goodPatient('Ada');
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Orphan'})`);

    await expect(Patient.nodes.fetchRelations('doctor').all()).rejects.toThrow(CardinalityViolationError);
  });

  it('lenient reads skip a row breaking cardinality and report it', async () => {
    await goodPatient('Ada');
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Orphan'})`);
    const problems: HydrationProblem[] = [];

    const rows = await Patient.nodes
      .lenient((problem) => problems.push(problem))
      .fetchRelations('doctor')
      .all();

    expect(rows.map((p) => p.name)).toEqual(['Ada']);
    expect(rows[0]!.doctor.cached!.map((d) => d.name)).toEqual(['House']);
    expect(problems).toEqual([expect.any(CardinalityViolationError)]);
  });

  it('refuses bad data on a loaded target', async () => {
    await write(`CREATE (p:Patient {uid: randomUUID(), name: 'Ada'})-[:TREATED_BY]->(:Doctor)`);

    await expect(Patient.nodes.fetchRelations('doctor').all()).rejects.toMatchObject({
      code: 'INVALID_STORED_DATA',
      model: 'Doctor',
      property: 'name',
    });
  });
});
