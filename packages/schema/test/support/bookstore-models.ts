// A bookstore: books with ISBN, searchable titles and blurbs, embeddings and publication years;
// customers with a location; purchases (a relationship with its own properties); and gift cards
// whose constraints only Neo4j Enterprise can enforce.
import 'reflect-metadata';
import {
  ArrayProperty,
  DateTimeProperty,
  FloatType,
  type GeoPoint,
  IntegerProperty,
  Node,
  NodeEntity,
  PointProperty,
  Rel,
  RelationshipEntity,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '@cartograph/core';

@Rel('PURCHASED')
export class Purchase extends RelationshipEntity {
  @StringProperty({ unique: true }) orderRef!: string;
  @DateTimeProperty({ index: true }) purchasedAt!: Date;
}

@Node()
export class Book extends NodeEntity {
  @StringProperty({ unique: true }) isbn!: string;
  @StringProperty({ index: 'text' }) title!: string;
  @StringProperty({ index: 'fulltext' }) blurb!: string;
  @IntegerProperty({ index: true }) year!: number;
  @ArrayProperty(FloatType, { index: 'vector', vector: { dimensions: 4, similarity: 'cosine' } })
  embedding!: number[];
}

@Node()
export class Customer extends NodeEntity {
  @StringProperty({ unique: true }) email!: string;
  @PointProperty({ index: true }) location!: GeoPoint;
  @RelationshipTo(() => Book, 'PURCHASED', { model: Purchase }) purchases!: RelationshipManager<
    Book,
    Purchase
  >;
}

@Node({ nodeKey: ['issuer', 'number'] })
export class GiftCard extends NodeEntity {
  @StringProperty() issuer!: string;
  @StringProperty() number!: string;
  @StringProperty({ exists: true, typeConstraint: true }) holder!: string;
}
