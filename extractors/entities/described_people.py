"""People and bodies their descriptions give away, repaired before entities are grouped.

"Harlan, a professor of history at Boston University", "Tal, a senior Defense Ministry
official": a name whose apposition is a person's role is a person's, though the model
tagged it an organisation or missed it. "Abu Bakr Shekau, the leader of Boko Haram": what
a leader, commander or member is "of" is a body, though the model took it for a person.
"Minister of Defense Oleksiy Reznikov", "Head of Presidential Administration Andriy Yermak":
the name after an office written out is a person's, whether the model missed it or ran the
body into it. Run by :func:`extractors.entities.missed_names.named_entity_fixes`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.entities.names import titles
from extractors.entities.span_lists import ent_at, replace_span
from extractors.lexicon import Lexicon


def _untagged_name(tok: Token) -> tuple[int, int] | None:
    """The capitalised proper-noun run a name token ends: "Tal", "Mark Hale"."""
    start = tok.i
    doc = tok.doc
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head == tok and doc[start - 1].is_title:
        start -= 1
    return (start, tok.i + 1) if tok.is_title and tok.is_alpha else None


def role_described_people(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A name a person's role describes is a person's: in apposition, "Harlan, a professor
    of history" (untagged), "Harrington, a professor at Queens College" (ORG); as the post
    its verb gives it, "Nabil Fahmi served as Egypt's foreign minister" (ORG)."""
    roles = lexicon.words("person_role_nouns")
    out = list(ents)
    for tok in doc:
        if tok.tag_ != "NN" or tok.lemma_.lower() not in roles or not tok.is_lower:
            continue
        named = _described_name(tok)
        if named is None or named.pos_ != "PROPN":
            continue
        ent = ent_at(out, named.i)
        if ent is None:
            span = _untagged_name(named) if tok.dep_ == "appos" else None
            if span is not None:
                out = replace_span(out, Span(doc, *span, label="PERSON"))
        elif ent.label_ in {"ORG", "NORP", "FAC"} and ent.root == named \
                and len(ent) <= 3 and not _any_lower(ent):
            out = replace_span(out, Span(doc, ent.start, ent.end, label="PERSON"))
    return out


def _described_name(role: Token) -> Token | None:
    """The name a role noun describes: the name it is in apposition to, set off by a comma
    ("Interfax the chief of X" is none), or the subject of "served as"/"is"/"became" it."""
    doc = role.doc
    if role.dep_ == "appos":
        named = role.head
        return named if named.i < role.i and doc[named.i + 1].text == "," else None
    verb = role.head
    if role.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif role.dep_ != "attr":
        return None
    if verb.lemma_ not in {"serve", "be", "become", "remain"}:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _any_lower(ent: Span) -> bool:
    return any(t.is_lower for t in ent)


def bodies_of_roles(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """What a role in a body is "of" is a body: "the leader of Boko Haram", "a member of
    Ansar Dine" (tagged PERSON by the model), unless a title marks a person there."""
    roles = lexicon.words("body_role_nouns")
    bodies = lexicon.words("state_body_nouns") | lexicon.words("institution_nouns")
    out = list(ents)
    for ent in ents:
        root = ent.root
        if ent.label_ != "PERSON" or root.dep_ != "pobj" or root.head.lower_ != "of":
            continue
        role = root.head.head
        if role.lemma_.lower() not in roles or not role.is_lower:
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in titles():
            continue  # "the leader of President X's party" has another head
        if any(t.lower_ in bodies for t in ent):
            continue  # "commander of the Soviet Navy Nikolai K.": a body and a name run together
        out = replace_span(out, Span(doc, ent.start, ent.end, label="ORG"))
    return out


def _body_words(lexicon: Lexicon) -> frozenset[str]:
    return (lexicon.words("institution_nouns") | lexicon.words("state_nouns")
            | lexicon.words("portfolio_words") | lexicon.words("state_body_nouns"))


def office_holders(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """The name after "TITLE of BODY" is a person's, the body a body's: "Minister of
    Defense Oleksiy Reznikov" (untagged), "Head of Presidential Administration Andriy
    Yermak" (one PERSON span for both). The body ends on its last body word; the name is
    two or more capitalised words after it."""
    office = titles() | lexicon.words("office_title_words")
    bodies = _body_words(lexicon)
    out = list(ents)
    for of in doc:
        if of.lower_ != "of" or of.i == 0 or not doc[of.i - 1].is_title \
                or doc[of.i - 1].lower_ not in office:
            continue
        start = of.i + 1 + (of.i + 1 < len(doc) and doc[of.i + 1].lower_ == "the")
        end = start
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        last = max((k for k in range(start, end) if doc[k].lower_ in bodies), default=None)
        if last is None or end - last - 1 < 2 or \
                any(doc[k].lower_ in bodies for k in range(last + 1, end)):
            continue
        name = Span(doc, last + 1, end, label="PERSON")
        body = Span(doc, start, last + 1, label="ORG")
        # a body the model ran into the name or missed; a portfolio ("of Defense") is none
        inside = [e for e in out if e.start < last + 1 and e.end > start]
        if doc[last].lower_ not in lexicon.words("portfolio_words") and \
                all(e.end > last for e in inside):
            out = replace_span(out, body)
        out = replace_span(out, name)
    return out
