"""Clause structure: who the subject of a verb is when the parse does not attach one.

Relative clauses, participles, control verbs, coordinated verbs and gerunds after a
preposition all leave their subject elsewhere in the sentence; these functions find it.
"""
from __future__ import annotations

from spacy.tokens import Token
from extractors.relations.words import words

SUBJ = {"nsubj"}
PASS_SUBJ = {"nsubjpass"}
OBJ = {"dobj", "obj"}
_REL_TAGS = {"WDT", "WP"}


def _has_passive_aux(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of ``verb`` and whether they are its passive subjects.

    When the subject is found by climbing to a controlling verb or to the verb of a
    gerund's preposition, it is the active subject of ``verb`` ("X was convicted of
    killing Y": X killed).
    """
    toks, passive, inherited = _subjects(verb)
    return toks, passive and not inherited


def _subjects(verb: Token) -> tuple[list[Token], bool, bool]:
    v = verb
    inherited = False
    for _ in range(6):
        subj = [c for c in v.children if c.dep_ in SUBJ]
        psubj = [c for c in v.children if c.dep_ in PASS_SUBJ]
        # relative pronoun subject: "KH, which attacked ..." stands for the noun it modifies
        if v.dep_ == "relcl" and any(c.tag_ in _REL_TAGS for c in subj + psubj):
            return [v.head], bool(psubj) or _has_passive_aux(v), inherited
        if subj:
            return subj, False, inherited
        if psubj:
            # a coordinated participle shares the passive: "was struck and killed by Y"
            return psubj, v is verb or verb.tag_ == "VBN", inherited
        # a relative clause's subject is the noun it modifies ("the militia that attacked")
        if v.dep_ == "relcl":
            rel_obj = [c for c in v.children if c.dep_ in OBJ and c.tag_ in _REL_TAGS]
            if rel_obj:
                return [], False, inherited  # "the base that KH attacked": the noun is the object
            return [v.head], _has_passive_aux(v), inherited
        # participle modifying a noun: "the coalition fighting ISIS", "a militia backed by Iran"
        if v.dep_ == "acl" and v.head.pos_ in {"NOUN", "PROPN"}:
            return [v.head], v.tag_ == "VBN", inherited
        # appositive participle of a name: "Adamson, convicted of murdering Bolles"
        if v.dep_ in {"appos", "advcl"} and v.tag_ == "VBN" and v.head.pos_ in {"NOUN", "PROPN"}:
            return [v.head], True, inherited
        # a coordinated verb shares its subject ("struck Taji and killed two")
        if v.dep_ == "conj" and v.head.pos_ in {"VERB", "AUX"}:
            v = v.head
            continue
        # control: "X asked Y to send" gives Y; "X plans to strike" gives X
        if v.dep_ == "xcomp":
            objs = [c for c in v.head.children if c.dep_ in OBJ]
            if objs and v.head.lemma_ in words("object_control_verbs"):
                return objs, False, True
            if objs:
                return [], False, True
            v = v.head
            inherited = True
            continue
        # gerund after a preposition shares the clause's subject ("acted alone in killing X",
        # "was convicted of murdering X")
        if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep" \
                and v.head.lower_ in words("gerund_aspect_prepositions") \
                and v.head.head.pos_ in {"VERB", "AUX"}:
            # a verb that holds its object to be the doer: "accused him of working for X"
            objs = [c for c in v.head.head.children if c.dep_ in OBJ]
            if objs and v.head.head.lemma_ in words("culprit_verbs"):
                return objs, False, True
            v = v.head.head
            inherited = True
            continue
        if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep":
            host = v.head.head
            # "accused the group of torturing Y": the accused object is the doer
            if host.dep_ in OBJ and host.head.lemma_ in words("culprit_verbs") \
                    and v.head.lower_ in words("gerund_aspect_prepositions"):
                return [host], False, True
        # adverbial participle: "..., killing two soldiers" takes the main subject
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.pos_ in {"VERB", "AUX"}:
            if v.head.lemma_ in words("speech_verbs"):
                # "X struck Y, officials said, killing Z": the reported clause's subject
                clause = [c for c in v.head.children if c.dep_ == "ccomp"]
                if not clause:
                    return [], False, inherited
                v = clause[0]
                continue
            v = v.head
            continue
        # purpose infinitive: "deployed jets to deter Russia" takes the main subject
        if v.dep_ == "advcl" and v.head.pos_ in {"VERB", "AUX"} and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            v = v.head
            inherited = True
            continue
        return [], False, inherited
    return [], False, inherited


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
