// The relationship fields the races run on, and the five mutations that race.
import { Car, Driver, Student, Topic } from '../../support/assignment-models';

export const operations = ['connect', 'replace', 'reconnect', 'disconnect', 'disconnectAll'] as const;
export type Operation = (typeof operations)[number];

/** A relationship field raced on, with the bounds of both its ends. */
export interface RacedField {
  readonly key: 'student-pick' | 'car-owner';
  readonly description: string;
  readonly owner: { readonly model: typeof Student | typeof Car; readonly label: string };
  readonly target: { readonly model: typeof Topic | typeof Driver; readonly label: string };
  readonly field: 'pick' | 'owner';
  readonly type: string;
  readonly ownerBounds: { readonly min: number; readonly max: number };
  readonly targetMax: number;
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
    targetMax: 1,
  },
  {
    key: 'car-owner',
    description: 'Car.owner (One) / Driver.car (ZeroOrOne)',
    owner: { model: Car, label: 'Car' },
    target: { model: Driver, label: 'Driver' },
    field: 'owner',
    type: 'OWNED_BY',
    ownerBounds: { min: 1, max: 1 },
    targetMax: 1,
  },
];
