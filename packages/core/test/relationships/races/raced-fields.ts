// The relationship fields the races run on, and the five mutations that race.
import { Car, Driver, Member, Student, Team, Topic } from '../../support/assignment-models';

export const operations = ['connect', 'replace', 'reconnect', 'disconnect', 'disconnectAll'] as const;
export type Operation = (typeof operations)[number];

interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** A relationship field raced on, with the bounds of both its ends. */
export interface RacedField {
  readonly key: 'student-pick' | 'car-owner' | 'member-team';
  readonly description: string;
  readonly owner: { readonly model: typeof Student | typeof Car | typeof Member; readonly label: string };
  readonly target: { readonly model: typeof Topic | typeof Driver | typeof Team; readonly label: string };
  readonly field: 'pick' | 'owner' | 'team';
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
