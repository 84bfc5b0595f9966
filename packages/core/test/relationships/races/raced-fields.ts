// The relationship fields the races run on, and the six mutations that race.
import { Car, Driver, Member, Runner, Student, Team, Topic } from '../../support/assignment-models';

/** `relate` is `Model.relate` by key (the nodes' unique names); the others are relationship-manager calls. */
export const operations = [
  'connect',
  'replace',
  'reconnect',
  'disconnect',
  'disconnectAll',
  'relate',
] as const;
export type Operation = (typeof operations)[number];

interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** A relationship field raced on, with the bounds of both its ends. */
export interface RacedField {
  readonly key: 'student-pick' | 'car-owner' | 'member-team' | 'runner-pacer';
  readonly description: string;
  readonly owner: {
    readonly model: typeof Student | typeof Car | typeof Member | typeof Runner;
    readonly label: string;
  };
  readonly target: {
    readonly model: typeof Topic | typeof Driver | typeof Team | typeof Runner;
    readonly label: string;
  };
  readonly field: 'pick' | 'owner' | 'team' | 'pacer';
  readonly type: string;
  readonly ownerBounds: Bounds;
  /** Of the reverse side declared on the target model. */
  readonly targetBounds: Bounds;
}

export const racedFields: readonly RacedField[] = [
  {
    key: 'student-pick',
    description: 'Student.pick (ZeroOrOne) / Topic.pickedBy (ZeroOrOne)',
    owner: { model: Student, label: 'Student' },
    target: { model: Topic, label: 'Topic' },
    field: 'pick',
    type: 'PICKED',
    ownerBounds: { min: 0, max: 1 },
    targetBounds: { min: 0, max: 1 },
  },
  {
    key: 'car-owner',
    description: 'Car.owner (One) / Driver.car (ZeroOrOne)',
    owner: { model: Car, label: 'Car' },
    target: { model: Driver, label: 'Driver' },
    field: 'owner',
    type: 'OWNED_BY',
    ownerBounds: { min: 1, max: 1 },
    targetBounds: { min: 0, max: 1 },
  },
  {
    key: 'member-team',
    description: 'Member.team (ZeroOrOne) / Team.members (OneOrMore)',
    owner: { model: Member, label: 'Member' },
    target: { model: Team, label: 'Team' },
    field: 'team',
    type: 'PLAYS_FOR',
    ownerBounds: { min: 0, max: 1 },
    targetBounds: { min: 1, max: Number.POSITIVE_INFINITY },
  },
];

/**
 * One model at both ends, so two writers can name the same two nodes in opposite roles
 * (`r1 -> r2` against `r2 -> r1`): they lock the same nodes, and only a fixed lock order keeps
 * them from deadlocking.
 */
export const selfField: RacedField = {
  key: 'runner-pacer',
  description: 'Runner.pacer (ZeroOrOne) / Runner.pacedBy (ZeroOrOne)',
  owner: { model: Runner, label: 'Runner' },
  target: { model: Runner, label: 'Runner' },
  field: 'pacer',
  type: 'PACES',
  ownerBounds: { min: 0, max: 1 },
  targetBounds: { min: 0, max: 1 },
};

/** Every raced field, by key (for the worker processes). */
export function racedField(key: string): RacedField {
  const field = [...racedFields, selfField].find((f) => f.key === key);
  if (!field) throw new Error(`no raced field ${key}`);
  return field;
}
