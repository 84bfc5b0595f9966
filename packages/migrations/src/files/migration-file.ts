/** One migration in the migrations folder. */
export interface MigrationFile {
  /** The digits before the first `_`, e.g. `20250114093000`; ordered numerically. */
  readonly version: string;
  /** The rest of the file name without extension, e.g. `add_account_index`. */
  readonly name: string;
  readonly kind: 'ts' | 'cypher';
  /** Absolute path of the `up` file. */
  readonly path: string;
  /** `.cypher` only: absolute path of the `.down.cypher` file, when there is one. */
  readonly downPath?: string;
  /** SHA-256 of the file (plus its `.down.cypher`), see `migrationChecksum`. */
  readonly checksum: string;
  /**
   * `.cypher`: a `.down.cypher` exists. `.ts`: the source exports `down` (a static check; the
   * loaded module decides when `down` runs).
   */
  readonly hasDown: boolean;
  /** `.cypher` only: the `.down.cypher` exists but has no statement (only comments or blanks). */
  readonly emptyDown?: boolean;
  /** `.cypher` only: it has a `// @precondition skip ...`, so it may stay pending while later ones run. */
  readonly conditional?: boolean;
  /**
   * `R__<name>.cypher` / `R__<name>.ts`: a repeatable migration (its `version` is `R__<name>`).
   * It runs after the versioned ones on `up`, and again whenever its checksum changes.
   */
  readonly repeatable?: boolean;
}
