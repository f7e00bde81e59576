"""What a later reference points back to: "he", "the minister", "the company".

Decides which already-named speaker a pronoun or a role noun refers to, from the
order of attributions in the article: a pronoun ("he", "she") is the last person
credited; a role noun from ``speech.yml`` (``roles``) is the speaker whose title
holds that word, else the last person; a plural role ("officials") or "they" after
one is a plural subject, never a named speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.registry import Entity, Registry
from extract.resources import Resources


class References:
    """The speakers a following reference may point to, updated as sentences are read."""

    def __init__(self, registry: Registry, resources: Resources) -> None:
        self.registry = registry
        self.resources = resources
        self.last: Entity | None = None
        self.last_person: Entity | None = None
        self.last_plural = False

    def remember(self, entity: Entity) -> None:
        """The speaker that a following pronoun or role noun may refer to."""
        self.last = entity
        if entity.kind == "person":
            self.last_person = entity

    def resolve(self, subject: Token) -> tuple[Entity | None, str] | None:
        """The entity a reference word stands for and its category; None when the
        word is not a reference."""
        lowered = subject.lower_
        if lowered in self.resources.pronouns:
            return self.last_person, "pronoun"
        if lowered == "they":
            return None, "plural" if self.last_plural else "other"
        if subject.lemma_.casefold() in self.resources.role_nouns:
            if subject.tag_ in ("NNS", "NNPS"):
                return None, "plural"
            return self.by_role(subject.lemma_.casefold()), "role"
        return None

    def by_role(self, role: str) -> Entity | None:
        """The speaker whose title holds ``role``: the last person first."""
        last = self.last_person
        if last is not None and any(role in t.text.casefold() for t in last.titles):
            return last
        for entity in reversed(self.registry.entities):
            if any(role in t.text.casefold() for t in entity.titles):
                return entity
        return last


def via_preposition(token: Token, top: Token) -> bool:
    """True when ``token`` hangs from ``top`` through a preposition ("spokesman for X")."""
    node = token
    while node.i not in (top.i, node.head.i):
        if node.dep_ in ("pobj", "prep", "relcl", "acl"):
            return True
        node = node.head
    return False
