/** A `(:__CartographMigration)` node as read back. */
export interface MigrationRecord {
  readonly version: string;
  readonly name: string;
  /** `baseline` for the marker `baseline(version)` writes when no file has that version. */
  readonly kind: 'ts' | 'cypher' | 'baseline';
  readonly checksum: string | undefined;
  readonly state: 'applied' | 'failed' | 'baseline';
  readonly appliedAt: Date | undefined;
  readonly durationMs: number | undefined;
  readonly appliedBy: string | undefined;
  readonly error: string | undefined;
}

/** What is written for a record. */
export interface RecordPayload {
  readonly version: string;
  readonly name: string;
  readonly kind: MigrationRecord['kind'];
  readonly checksum: string | null;
  readonly state: MigrationRecord['state'];
  readonly durationMs: number;
  readonly appliedBy: string;
  readonly error: string | null;
}
