"""Names a subject brings that the article's registry did not hold yet.

Decides, for a subject that no registered name covers, whether it is still a
speaker and under which name:

- an organisation glossed in brackets speaks under the name written first ("Nova
  stranka (New Party) said");
- a bare catalogue word ("a Commission spokesperson") is the catalogue organisation
  the article's other words point to (:func:`extract.organisations.catalogue_for_bare`);
- an office named by its country ("the US surgeon general") is one person when no
  named person holds or may hold it;
- a lone surname speaker takes the one full name the article writes untagged.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.doccache import token_strings
from extract.model import Mention
from extract.organisations import catalogue_for_bare
from extract.registry import Entity, Registry, capitalised, name_run
from extract.resources import Resources


def glossed_name(
    subject: Token, found: list[tuple[Token, Entity]], registry: Registry
) -> Entity | None:
    """ "Nova stranka (New Party) said": an organisation glossed in brackets speaks
    under the name written first, which NER often leaves untagged."""
    doc = subject.doc
    if subject.pos_ != "PROPN":
        return None
    for token, entity in found:
        opening = token.left_edge.i - 1
        if (
            entity.kind == "organisation"
            and token.dep_ == "appos"
            and token.head.i == subject.i
            and opening > subject.i
            and doc[opening].text == "("
        ):
            start = min([subject.i, *(c.i for c in subject.lefts if c.dep_ == "compound")])
            span = doc[start : subject.i + 1]
            if not capitalised(span[0]):
                return None
            named = registry.add(span, span.text, "organisation")
            gloss = doc[token.left_edge.i : token.right_edge.i + 1]
            named.aliases.append(
                Mention(gloss.text, gloss.start_char, gloss.end_char, kind="alias")
            )
            registry.mark(gloss, named)
            registry.organisations = [
                (m, named if m.start >= gloss.start and m.end <= gloss.end else e)
                for m, e in registry.organisations
            ]
            return named
    return None


def catalogued_bare(word: Token, registry: Registry, resources: Resources) -> Entity | None:
    """ "A Commission spokesperson", the Commission not named in full: the
    catalogue's commission that the article's other words point to."""
    doc = word.doc
    if word.pos_ != "PROPN":
        return None
    label = catalogue_for_bare(word.text, set(token_strings(doc).lower), resources)
    if label is None:
        return None
    return registry.add(doc[word.i : word.i + 1], label, "organisation", "alias")


def unnamed_office_holder(
    subject: Token, registry: Registry, resources: Resources
) -> Entity | None:
    """ "The US surgeon general has called for ...": one person identified by an
    office and the country it serves, named nowhere in the article, speaks under
    the office's words; a title some named speaker holds is that speaker, and
    "officials" or "a minister" are nobody in particular."""
    head = subject.lemma_.casefold()
    if head not in resources.title_heads or subject.tag_ not in ("NN", "NNP"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    lefts = [t for c in subject.lefts if c.dep_ != "det" for t in c.subtree]
    if not any(t.ent_type_ in ("GPE", "NORP") for t in lefts):
        return None
    if any(t.i in registry.by_token or t.ent_type_ == "PERSON" for t in lefts):
        return None
    people = [e for e in registry.entities if e.kind == "person"]
    if any(head in t.text.casefold().split() for e in people for t in e.titles):
        return None  # the office a named speaker holds
    if any(not e.titles and _named_before(e, subject.idx) for e in people):
        return None  # the office of someone named untitled ("X ... the commissioner")
    span = subject.doc[min(t.i for t in lefts) : subject.i + 1]
    return registry.add(span, span.text, "person")


def full_name_elsewhere(surname: Span, resources: Resources) -> Span | None:
    """The one full name NER left untagged that ends in ``surname`` (a proper-noun
    run of two to four capitalised words), when the article writes exactly one."""
    doc = surname.doc
    runs = set()
    found = None
    for token in doc:
        if token.text != surname.text or token.i == surname.start or token.i < 1:
            continue
        chain = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not chain or chain[-1].i != token.i - 1:
            continue
        run = name_run(doc, token.i - len(chain), token.i + 1, resources.title_vocabulary)
        if run is not None and run.end == token.i + 1:
            runs.add(run.text)
            found = run
    return found if len(runs) == 1 else None


def _named_before(entity: Entity, char: int) -> bool:
    return any(a.start < char for a in entity.aliases if a.kind == "name")
