// A small ledger: entries carry a unique reference (a key of their own), notes carry none.
import 'reflect-metadata';
import { IntegerProperty, Node, NodeEntity, type NodeSet, StringProperty } from '../../src';

@Node()
export class LedgerEntry extends NodeEntity {
  declare static readonly nodes: NodeSet<LedgerEntry>;
  @IntegerProperty({ unique: true, required: true }) ref!: number;
  @IntegerProperty({ default: 0 }) amountCents!: number;
}

@Node()
export class AuditNote extends NodeEntity {
  declare static readonly nodes: NodeSet<AuditNote>;
  @StringProperty({ required: true }) text!: string;
}
