/** Where a migration stands, as `status` reports it. */
export type MigrationState =
  | 'applied'
  | 'pending'
  | 'partial'
  | 'modified'
  | 'missing'
  | 'failed'
  | 'baseline'
  | 'outdated';

/** How far an interrupted run of a migration got in its batched steps. */
export interface MigrationProgress {
  /** The direction of the interrupted run. */
  readonly direction: 'up' | 'down';
  /** Rows of its batched steps whose batch committed. */
  readonly rows: number;
  readonly batches: number;
  readonly steps: ReadonlyArray<{ step: number; label: string; rows: number; done: boolean }>;
  /** e.g. `partially applied: 54000 rows in 6 committed batches`. */
  readonly summary: string;
}

/** The migration lock as `status` / `validate` see it. */
export interface HeldLock {
  /** Who took it: `<user@host> (pid <pid> on <host>, run <id>)`. */
  readonly owner: string;
  /** Absent only for a lock node written by hand without it. */
  readonly acquiredAt?: Date;
  /** How long it has been held, by the server's clock. */
  readonly ageMs?: number;
}

/** One row of {@link Migrator.status}: a file, a bookkeeping record, or both. */
export interface MigrationStatus {
  readonly version: string;
  readonly name: string;
  /**
   * `applied`: recorded and the file is unchanged. `pending`: a file with no record.
   * `modified`: applied, but the file changed since (checksum mismatch). `missing`: recorded,
   * but no file (the database is ahead of the code). `failed`: the last attempt failed.
   * `baseline`: marked as already present by `baseline`, never run. `partial`: a run was
   * interrupted (killed) after some batches of its batched steps committed; see `progress`.
   * `outdated`: a repeatable migration whose file changed since it last ran (`up` runs it again).
   */
  readonly state: MigrationState;
  /**
   * A repeatable migration (`R__<name>.cypher` / `.ts`; `version` is `R__<name>`): `pending`,
   * `applied`, `outdated` or `failed`, or `missing` when its file was removed (not a problem).
   */
  readonly repeatable?: boolean;
  /** Batches an interrupted (killed or failed) run committed; absent when there are none. */
  readonly progress?: MigrationProgress;
  readonly appliedAt?: Date;
  readonly durationMs?: number;
  readonly appliedBy?: string;
  /** The recorded checksum, or the file's when there is no record. */
  readonly checksum?: string;
  /** The file's checksum when it differs from the recorded one. */
  readonly fileChecksum?: string;
  /** The error a failed migration recorded. */
  readonly error?: string;
  /** The file, when there is one. */
  readonly path?: string;
}

/** One migration an `up` or `down` ran (or, on a dry run, would run). */
export interface MigrationRunItem {
  readonly version: string;
  readonly name: string;
  readonly kind: 'ts' | 'cypher';
  /**
   * The Cypher that ran, in order. On a dry run, the Cypher that would run for `.cypher` files;
   * empty for `.ts` files, whose statements are only known when their code runs (see `note`).
   */
  readonly statements: string[];
  /** Wall-clock time of the migration; absent on a dry run. */
  readonly durationMs?: number;
  readonly note?: string;
}

/** What {@link Migrator.up} or {@link Migrator.down} did. */
export interface MigrationRunResult {
  readonly direction: 'up' | 'down';
  readonly dryRun: boolean;
  /** In the order they ran (down: newest first). Empty when there was nothing to do. */
  readonly migrations: MigrationRunItem[];
  /** `up`: migrations left pending because a `// @precondition skip ...` did not hold. */
  readonly skipped?: { version: string; name: string; precondition: string }[];
}

/** What {@link Migrator.validate} found. */
export interface ValidationReport {
  /** True when there are no problems. */
  readonly ok: boolean;
  /** One sentence per problem, each saying what to do. */
  readonly problems: string[];
  /** Versions of pending migrations (a problem only with `allowPending: false`). */
  readonly pending: string[];
  readonly statuses: MigrationStatus[];
  /** The migration lock, when a run holds it (or a crashed one left it); not a problem by itself. */
  readonly lock?: HeldLock;
}

/** What {@link Migrator.repair} changed. */
export interface RepairReport {
  /** Applied migrations whose recorded checksum (and name) now matches the file. */
  readonly updated: Array<{ version: string; name: string; oldChecksum: string; newChecksum: string }>;
  /** Versions whose failed record was removed (they are pending again). */
  readonly removedFailed: string[];
  /** Versions recorded as applied whose files are missing; left as they are. */
  readonly missing: string[];
  /** Versions whose batch progress from an interrupted run was forgotten (they start over). */
  readonly clearedProgress: string[];
}
