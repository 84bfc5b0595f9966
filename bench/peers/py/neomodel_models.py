"""The neomodel model of the bench, in a module of its own: neomodel resolves the class names of
relationship definitions ("Person") in the module that defines them."""

from neomodel import (
    IntegerProperty,
    RelationshipFrom,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
)


class Knows(StructuredRel):
    """KNOWS has no properties; neomodel needs a relationship model to filter along a path."""



class Person(StructuredNode):
    email = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    age = IntegerProperty(required=True)
    friends = RelationshipTo("Person", "KNOWS", model=Knows)
    # The reverse side, for filtering by a path (friends of friends).
    known_by = RelationshipFrom("Person", "KNOWS", model=Knows)
