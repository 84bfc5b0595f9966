/** Where a conversion happens, so errors can name the model and field. */
export interface ConversionContext {
  readonly model: string;
  readonly field: string;
}

/**
 * How one kind of property travels between JavaScript and Neo4j. Each type owns its checks and its
 * two conversions: `deflate` (JS -> driver value sent as a parameter) and `inflate` (driver value ->
 * JS). Conversions throw {@link PropertyConversionError}; `validate` returns messages instead, so
 * that one ValidationError can list every bad field.
 */
export interface PropertyType<T = unknown> {
  /** Short name used in messages, generated code and schema: `string`, `integer`, `datetime`... */
  readonly name: string;
  /** Neo4j property type for type constraints and `inspect`, e.g. `STRING`, `INTEGER`, `LIST<STRING NOT NULL>`. */
  readonly cypherType: string;
  /** The TypeScript type written by code generators, e.g. `string`, `Date`. */
  readonly tsType: string;
  /** Messages for a non-null value of the wrong shape; empty when valid. */
  validate(value: unknown): string[];
  deflate(value: T, context: ConversionContext): unknown;
  inflate(value: unknown, context: ConversionContext): T;
  /**
   * True when `inflate` already refuses every stored value whose result `validate` would refuse
   * (a BOOLEAN is a valid boolean), so that reads skip `validate`. Unset, reads run both: an email
   * type's inflate takes any STRING, and only `validate` sees that it is not an address.
   */
  readonly inflateValidates?: boolean;
  /** Value equality used for dirty tracking; defaults to `Object.is` on deflated values. */
  equals?(a: T, b: T): boolean;
}
