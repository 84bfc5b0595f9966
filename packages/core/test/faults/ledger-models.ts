// A small ledger: entries carry a unique reference and payments a generated id (keys of their
// own); notes carry an optional unique code (relate by key needs a key at both ends).
import 'reflect-metadata';
import {
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  UniqueIdProperty,
  ZeroOrOne,
} from '../../src';

@Node()
export class LedgerEntry extends NodeEntity {
  declare static readonly nodes: NodeSet<LedgerEntry>;
  @IntegerProperty({ unique: true, required: true }) ref!: number;
  @IntegerProperty({ default: 0 }) amountCents!: number;
  /** The note that explains the entry (at most one). */
  @RelationshipTo(() => AuditNote, 'EXPLAINED_BY', { cardinality: ZeroOrOne })
  explanation!: RelationshipManager<AuditNote>;
}

@Node()
export class AuditNote extends NodeEntity {
  declare static readonly nodes: NodeSet<AuditNote>;
  @StringProperty({ required: true }) text!: string;
  @StringProperty({ unique: true }) code?: string;
}

@Node()
export class Payment extends NodeEntity {
  declare static readonly nodes: NodeSet<Payment>;
  @UniqueIdProperty() uid!: string;
  @IntegerProperty({ required: true }) amountCents!: number;
}
