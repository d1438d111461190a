"""Clause structure: who the subject of a verb is when the parse does not attach one.

Relative clauses, participles, control verbs, coordinated verbs and gerunds after a
preposition all leave their subject elsewhere in the sentence; these functions find it.
"""
from __future__ import annotations

from spacy.tokens import Token

SUBJ = {"nsubj"}
PASS_SUBJ = {"nsubjpass"}
OBJ = {"dobj", "obj"}
# verbs whose object controls the subject of their infinitive ("asked Hezbollah to send")
OBJECT_CONTROL = {"ask", "urge", "order", "tell", "call", "press", "push", "force",
                  "allow", "help", "encourage", "invite", "instruct", "direct", "authorize",
                  "persuade", "convince", "pressure", "request", "enable", "lead", "want"}
# verbs after which a gerund describes a state of the subject, not an act it did
_ASPECT_PREPS = {"of", "for", "with", "in", "by", "after", "before", "while", "since"}


def _has_passive_aux(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of ``verb`` and whether they are its passive subjects.

    >>> # see tests/extractors/test_clauses.py for the patterns
    """
    v = verb
    controlled = False
    for _ in range(6):
        subj = [c for c in v.children if c.dep_ in SUBJ]
        if subj:
            return subj, False
        psubj = [c for c in v.children if c.dep_ in PASS_SUBJ]
        if psubj:
            # "X was ordered to leave": X is the active subject of "leave"
            return psubj, not controlled and (v is verb or verb.tag_ == "VBN")
        # a relative clause's subject is the noun it modifies ("KH, which attacked ...")
        if v.dep_ == "relcl":
            rel_obj = [c for c in v.children if c.dep_ in OBJ and c.tag_ in {"WDT", "WP"}]
            if rel_obj:
                return [], False  # "the base that KH attacked": the noun is the object
            return [v.head], _has_passive_aux(v)
        # participle modifying a noun: "the coalition fighting ISIS", "a militia backed by Iran"
        if v.dep_ == "acl" and v.head.pos_ in {"NOUN", "PROPN"}:
            return [v.head], v.tag_ == "VBN"
        # appositive participle of a name: "Adamson, convicted of murdering Bolles"
        if v.dep_ in {"appos", "advcl"} and v.tag_ == "VBN" and v.head.pos_ in {"NOUN", "PROPN"}:
            return [v.head], True
        # a coordinated verb shares its subject ("struck Taji and killed two")
        if v.dep_ == "conj" and v.head.pos_ in {"VERB", "AUX"}:
            v = v.head
            continue
        # control: "X asked Y to send" gives Y; "X plans to strike" gives X
        if v.dep_ == "xcomp":
            objs = [c for c in v.head.children if c.dep_ in OBJ]
            if objs and v.head.lemma_ in OBJECT_CONTROL:
                return objs, False
            if objs:
                return [], False
            v = v.head
            controlled = True
            continue
        # gerund after a preposition shares the clause's subject ("acted alone in killing X",
        # "was convicted of murdering X")
        if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep" \
                and v.head.lower_ in _ASPECT_PREPS and v.head.head.pos_ in {"VERB", "AUX"}:
            host = v.head.head
            subj = [c for c in host.children if c.dep_ in SUBJ | PASS_SUBJ]
            if subj:
                return subj, False
            v = host
            if v.dep_ in {"acl", "appos", "advcl", "relcl"} and v.head.pos_ in {"NOUN", "PROPN"}:
                return [v.head], False
            continue
        # adverbial participle: "..., killing two soldiers" takes the main subject
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.pos_ in {"VERB", "AUX"}:
            v = v.head
            continue
        return [], False
    return [], False


def shared_objects(verb: Token) -> list[Token]:
    """Objects a verb shares with a coordinated verb: "attacked and looted the base"."""
    if any(c.dep_ in OBJ for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            objs = [o for o in c.children if o.dep_ in OBJ]
            if objs:
                return objs
    return []
