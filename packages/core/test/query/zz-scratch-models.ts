import 'reflect-metadata';
import {
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  Relationship,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '../../src';
@Node()
export class BenchFirm extends NodeEntity {
  declare static readonly nodes: NodeSet<BenchFirm>;
  @StringProperty() name!: string;
}
@Node()
export class BenchMember extends NodeEntity {
  declare static readonly nodes: NodeSet<BenchMember>;
  @StringProperty() name!: string;
  @StringProperty() email?: string;
  @IntegerProperty() age?: number;
  @Relationship(() => BenchMember, 'KNOWS') friends!: RelationshipManager<BenchMember>;
  @RelationshipTo(() => BenchFirm, 'WORKS_AT') employer!: RelationshipManager<BenchFirm>;
}
