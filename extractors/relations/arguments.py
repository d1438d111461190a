"""What entity an argument token stands for.

A name stands for itself; a common noun may stand for the name that modifies it ("U.S.
forces", "KH facilities"), the group of a partitive ("25 of its fighters"), the members it
lists ("several groups, including X") or the name it describes ("Perez, a poet who").
"""
from __future__ import annotations

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.records import Mention
from extractors.relations.words import words
from ontology.terms import REL

#: relations whose target may be a group's things ("KH facilities", "positions of Hezbollah")
PHYSICAL = frozenset({REL.attacked, REL.withdrewFrom, REL.visited})


def conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Soleimani and Muhandis"), also where the
    parser hung the middle of a list of names as appositions ("A, B, C, and D": B an
    apposition of A, C of B, D a conjunct of C), which the final "and" shows."""
    out = [tok, *tok.conjuncts]
    chain, t = [], tok
    while (t := next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                      and c.i > t.i and not any(d.dep_ == "det" for d in c.children)),
                     None)) is not None:
        chain.append(t)
    if any(c.conjuncts for c in chain):
        out.extend(x for c in chain for x in (c, *c.conjuncts) if x not in out)
    return out


def _stance(m: Mention, tok: Token) -> bool:
    """Whether a name modifier states an attitude to it ("anti-US voices"), not belonging."""
    text = m.text.lower()
    if text.startswith(("anti", "pro-", "pro ", "non-")):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and \
        doc[tok.i - 2].lower_ in {"anti", "pro", "non"}


def modifier_mention(tok: Token, index: EntityIndex, depth: int = 0) -> Mention | None:
    """The name that modifies a common noun: "U.S. forces", "KH facilities", "Iraq's army"."""
    for child in tok.children:
        if child.dep_ in {"compound", "poss", "amod", "nmod"}:
            m = index.mention_at(child)
            if m is not None and _stance(m, child):
                continue
            if m is None and depth < 2 and child.dep_ == "compound":
                m = modifier_mention(child, index, depth + 1)
            if m is not None:
                return m
    return None


def _called(tok: Token, index: EntityIndex) -> Mention | None:
    """The name a common noun introduces: "a new group called X", "a premier named Y"."""
    if tok.pos_ != "NOUN":
        return None
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.lemma_ in {"call", "name", "dub", "know"}:
            for c in acl.children:
                if c.dep_ in {"oprd", "dobj", "attr"} and index.mention_at(c) is not None:
                    return index.mention_at(c)
    return None


def _individual(tok: Token) -> bool:
    """A single person named by a role noun ("a U.S. contractor"): not the state itself."""
    return tok.tag_ == "NN" and tok.lower_.endswith(tuple(words("agentive_suffixes"))) and \
        any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)


def _possessed_name(tok: Token, m: Mention | None, index: EntityIndex) -> Mention | None:
    """The name a name's possessive owns, where the parser hung it inside the owner's "of":
    in "the Department of the Treasury's Office of Foreign Assets Control (OFAC) sanctioned",
    the subject is the Office, not the Department."""
    if m is None:
        return None
    doc = tok.doc
    end = next((t.i for t in doc[tok.i:] if t.idx >= m.end), len(doc))
    if end + 1 >= len(doc) or doc[end].tag_ != "POS":
        return None
    owned = index.mention_at(doc[end + 1])
    head = doc[end + 1]
    while owned is not None and head.head.i != head.i and index.mention_at(head.head) == owned:
        head = head.head
    if owned is None or owned == m or head.dep_ != "pobj" or head.head.head.i != tok.i:
        return None
    return owned


def argument_mentions(tok: Token, index: EntityIndex, expand: bool = True,
                      physical: bool = False) -> list[Mention]:
    """The entity mentions an argument token stands for, across coordination.

    A noun that is not itself a name stands for the name that modifies it
    ("U.S. forces", "KH facilities", "Iraq's army"); a partitive stands for its
    group ("25 of its fighters"); the target of a physical act may be a group's
    things ("warehouses of the PMU") when ``physical`` is set.
    """
    out = []
    for t in conjuncts(tok) if expand else [tok]:
        kinds: list[Mention] = []
        if t is not tok and t.tag_ == "NN" and index.mention_at(t) is None:
            continue  # "Connally, then the Texas governor": a description, not a second party
        m = _called(t, index) or index.mention_at(t)
        m = _possessed_name(t, m, index) or m
        if m is None and len(many := index.mentions_at(t)) > 1:
            # a plural description: "the three countries" -> each country it stands for
            out.extend(x for x in many if x not in out)
            continue
        if m is None and t.pos_ in {"NUM", "PRON", "ADJ", "NOUN"} and \
                (t.pos_ == "NUM" or t.lower_ in words("partitive_heads")):
            # partitive: "two of the militia's commanders"
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and list_members(pobj) and \
                                index.mention_at(pobj) is None:
                            # "22 of the country's gangs, including X and Y": the members
                            out.extend(x for member in list_members(pobj)
                                       for x in argument_mentions(member, index) if x not in out)
                        elif pobj.dep_ == "pobj":
                            m = index.mention_at(pobj) or modifier_mention(pobj, index)
        if m is None and t.pos_ == "NOUN":
            # a description with its name: "the head of the agency, Kim Jae-kyu"
            m = next((index.mention_at(c) for c in t.children
                      if c.dep_ == "appos" and index.mention_at(c)), None)
            # a description given as apposition of a name: "Perez, a poet who ..."
            if m is None and t.dep_ == "appos":
                m = index.mention_at(t.head)
        if m is None and t.dep_ == "oprd" and t.pos_ == "NOUN":
            # a label the verb gives its object stands for the object: "calls the rebels
            # terrorists backed by X"
            m = next((index.mention_at(c) for c in t.head.children
                      if c.dep_ == "dobj" and index.mention_at(c)), None)
        if m is None and t.lemma_.lower() in words("place_nouns"):
            # a place named by its kind: "the town of Wad Madani", "the Kenyan town of
            # Mandera" (the town, not the country that modifies it); places named by their
            # kind in the plural are each named: "the towns of Afgoye, Balad and Jowhar"
            named = [x for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for p in prep.children if p.dep_ == "pobj" and index.mention_at(p)
                     for c in (conjuncts(p) if t.tag_ == "NNS" else [p])
                     for x in [index.mention_at(c)] if x is not None]
            m, kinds = (named[0], named[1:]) if named else (None, [])
        if m is None and t.pos_ in {"NOUN", "PROPN"} and not _individual(t):
            m = modifier_mention(t, index)
            if m is not None and t.lemma_.lower() in words("private_group_nouns") and \
                    index.entity(m).cls == "Country":
                m = None  # "Ecuadorian criminal organizations" are not Ecuador
        if m is None and physical and t.tag_ == "NNS":
            # a group's things: "warehouses of the PMU", "positions of Hezbollah"
            m = next((index.mention_at(p) for prep in t.children
                      if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj" and index.mention_at(p)), None)
        if m is None and physical and t.pos_ == "NOUN":
            m = _owner(t, index)
        if m is not None and m not in out:
            out.append(m)
        out.extend(x for x in kinds if x not in out)
        if m is not None and index.mention_at(t) is None and t.pos_ == "NOUN":
            # "two commanders, A and B": every name of the apposition
            out.extend(x for c in t.children if c.dep_ == "appos" and index.mention_at(c)
                       for x in name_mentions([c], index) if x not in out)
        # examples of a group: "several commanders, including X and Y"
        if index.mention_at(t) is None:
            for member in list_members(t):
                out.extend(x for x in argument_mentions(member, index) if x not in out)
    return out


def _owner(tok: Token, index: EntityIndex) -> Mention | None:
    """The group a place or thing belongs to: "depots belonging to Hezbollah", "a base used
    by U.S. forces"."""
    for acl in tok.children:
        if acl.dep_ != "acl" or acl.lemma_ not in words("owning_participles"):
            continue
        for prep in acl.children:
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "by"}:
                for p in prep.children:
                    if p.dep_ == "pobj":
                        m = index.mention_at(p) or modifier_mention(p, index)
                        if m is not None:
                            return m
    return None


def name_mentions(toks: list[Token], index: EntityIndex) -> list[Mention]:
    """Mentions of tokens that are names themselves, with their coordinated names."""
    return [m for t in toks for c in conjuncts(t) for m in [index.mention_at(c)] if m]


def all_mentions(toks: list[Token], index: EntityIndex) -> list[Mention]:
    """All mentions the tokens stand for, names or not."""
    return [m for t in toks for m in argument_mentions(t, index)]


def list_members(tok: Token) -> list[Token]:
    """Objects of "including" / "such as" under a token: the members of a group it names."""
    out = []
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        if prep.lower_ == "including" or such_as:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def co_arguments(verb: Token) -> list[Token]:
    """Arguments added to a verb's object by "along with", "together with", "including"."""
    out = list(list_members(verb))
    for prep in verb.children:
        # "killed X along with Y": Y shares X's role
        if prep.dep_ == "prep" and prep.lower_ in {"along", "together"}:
            out.extend(p for w in prep.children if w.lower_ == "with"
                       for p in w.children if p.dep_ == "pobj")
    return out


def described(tok: Token, index: EntityIndex) -> list[Mention]:
    """The name a noun modified by a relative clause or participle stands for.

    Only the noun's own name counts: "Perez, a poet who ..." and "Atwater is a native
    who ..." give the person; "a South Carolina native who ..." does not give the state.
    """
    m = _called(tok, index) or index.mention_at(tok)
    head = index.mention_at(tok.head) if tok.dep_ == "appos" else None
    if m is not None and head is not None and index.entity(head).cls == "Person" and \
            any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children):
        # "Derwinski, a Republican who served in Congress": the person, not the party
        return [head]
    if m is None and tok.pos_ == "NOUN":
        if tok.dep_ == "appos":
            m = index.mention_at(tok.head)
        elif tok.dep_ == "attr":
            # predicate noun of a copula: "X is a native who ..."
            m = next((index.mention_at(c) for c in tok.head.children
                      if c.dep_ == "nsubj" and index.mention_at(c)), None)
        if m is None:
            m = next((index.mention_at(c) for c in tok.children
                      if c.dep_ == "appos" and index.mention_at(c)), None)
        if m is None and tok.tag_ == "NNS":
            m = modifier_mention(tok, index)  # a state's forces: "NATO troops fighting X"
        if m is None:
            # a state's office holder: "Iraq's president choosing a premier"
            m = next((index.mention_at(c) for c in tok.children if c.dep_ == "poss"
                      and index.mention_at(c)
                      and index.entity(index.mention_at(c)).cls == "Country"), None)
    return [m] if m is not None else []
