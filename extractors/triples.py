"""Subject-relation-object facts from the dependency parse.

Each rule reads one pattern of English and names itself in the facts it yields, so an
error in the graph can be traced to the rule that made it.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extractors.entities import EntityIndex
from extractors.records import Fact, Factuality, Mention, Sentence

_SUBJ = {"nsubj"}
_PASS_SUBJ = {"nsubjpass"}
_OBJ = {"dobj", "obj"}
_MODALS = {"could", "would", "might", "may", "should", "can", "must", "will", "shall", "'d", "'ll"}
_PLAN_VERBS = {"plan", "intend", "aim", "seek", "want", "prepare", "hope", "expect", "try",
               "threaten", "vow", "pledge", "promise", "consider", "propose", "decide", "mull"}


@dataclass(frozen=True)
class Cues:
    """The part of the ontology's cue table the verb rules need."""

    verbs: dict[str, str]
    verb_phrases: dict[tuple[str, ...], str]


def _sentence(sent: Span) -> Sentence:
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Sentence(text=" ".join(text.split()), start=start, end=start + len(text))


def _conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Soleimani and Muhandis")."""
    return [tok, *tok.conjuncts]


def _mentions(tok: Token, index: EntityIndex) -> list[Mention]:
    """The entity mentions an argument token stands for, across coordination.

    A noun that is not itself a name stands for the name that modifies it
    ("U.S. forces", "KH facilities", "Iraq's army").
    """
    out = []
    for t in _conjuncts(tok):
        m = index.mention_at(t)
        if m is None and t.pos_ in {"NOUN", "PROPN"}:
            for child in t.children:
                if child.dep_ in {"compound", "poss", "amod", "nmod"}:
                    m = index.mention_at(child)
                    if m is not None:
                        break
        if m is not None and m not in out:
            out.append(m)
    return out


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of a verb and whether they are passive subjects."""
    v = verb
    while True:
        subj = [c for c in v.children if c.dep_ in _SUBJ]
        if subj:
            return subj, False
        psubj = [c for c in v.children if c.dep_ in _PASS_SUBJ]
        if psubj:
            return psubj, True
        # a relative clause's subject is the noun it modifies ("KH, which attacked ...")
        if v.dep_ == "relcl":
            return [v.head], any(c.dep_ == "auxpass" for c in v.children)
        # a coordinated verb shares its subject ("struck Taji and killed two")
        if v.dep_ == "conj" and v.head.pos_ in {"VERB", "AUX"}:
            v = v.head
            continue
        # control: "X ordered Y to withdraw" / "X plans to strike" gives the controller
        if v.dep_ == "xcomp":
            objs = [c for c in v.head.children if c.dep_ in _OBJ]
            if objs:
                return objs, False
            v = v.head
            continue
        return [], False


def _factuality(verb: Token, sent: Span) -> Factuality:
    """Whether the clause of ``verb`` asserts, negates, plans or supposes its event."""
    v = verb
    while v.dep_ == "conj" and v.head != v:
        v = v.head
    for tok in (verb, v):
        if any(c.dep_ == "neg" for c in tok.children):
            return Factuality.NEGATED
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
            return Factuality.HYPOTHETICAL
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children):
            return Factuality.HYPOTHETICAL
    if v.dep_ in {"xcomp", "ccomp"} and v.head.lemma_ in _PLAN_VERBS:
        return Factuality.PLANNED
    if v.dep_ == "advcl" and any(c.lower_ in {"if", "unless"} for c in v.children):
        return Factuality.HYPOTHETICAL
    if sent.text.rstrip().endswith("?"):
        return Factuality.HYPOTHETICAL
    return Factuality.ASSERTED


def _relation(verb: Token, preps: tuple[str, ...], dobj: Token | None, cues: Cues
              ) -> tuple[str, bool]:
    """The relation a verb expresses with an object reached through ``preps``."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    words = [lemma, *particles]
    if dobj is not None:
        words.append(dobj.lemma_.lower())
    words.extend(preps)
    # longest cue phrase first: "carry out strike on" before "carry"
    for n in range(len(words), 1, -1):
        for cand in (tuple(words[:n]), (lemma, *words[-n + 1:])):
            rel = cues.verb_phrases.get(cand)
            if rel is not None:
                return rel, False
    if (lemma, *particles) in cues.verb_phrases:
        return cues.verb_phrases[(lemma, *particles)], False
    if lemma in cues.verbs and not particles:
        return cues.verbs[lemma], False
    return "_".join([lemma, *particles, *preps]), True


def _prep_objects(prep: Token) -> list[tuple[Token, tuple[str, ...]]]:
    """Objects of a preposition, with the preposition words that reach them.

    Complex prepositions chain in the parse: "pulled out of X" has "of" under "out".
    """
    out = []
    for child in prep.children:
        if child.dep_ == "pobj":
            out.append((child, (prep.lower_,)))
        elif child.dep_ == "prep":
            out.extend((pobj, (prep.lower_, *words)) for pobj, words in _prep_objects(child))
    return out


def verb_facts(sent: Span, index: EntityIndex, cues: Cues) -> Iterator[Fact]:
    """Facts whose predicate is a verb: active, passive, prepositional objects."""
    sentence = _sentence(sent)
    for verb in sent:
        if verb.pos_ not in {"VERB"}:
            continue
        subj_toks, passive = _subjects(verb)
        factuality = _factuality(verb, sent)
        agents = [c.children for c in verb.children if c.dep_ == "agent"]
        agent_toks = [p for kids in agents for p in kids if p.dep_ == "pobj"]
        if passive:
            # "X was killed by Y": Y is the subject, X the object
            objects = [(t, (), None) for t in subj_toks]
            subj_toks = agent_toks
            rule = "verb-passive"
        else:
            objects = [(c, (), None) for c in verb.children if c.dep_ in _OBJ]
            rule = "verb-active"
        dobjs = [c for c in verb.children if c.dep_ in _OBJ]
        # prepositional objects, on the verb or on its direct object ("launched strikes on X")
        hosts = [verb, *dobjs] if not passive else [verb]
        for host in hosts:
            for prep in host.children:
                if prep.dep_ != "prep" or prep.lower_ == "by" and passive:
                    continue
                for pobj, words in _prep_objects(prep):
                    objects.append((pobj, words, host if host is not verb else None))
        subjects = [m for t in subj_toks for m in _mentions(t, index)]
        if not subjects:
            continue
        for obj_tok, preps, dobj in objects:
            relation, is_open = _relation(verb, preps, dobj, cues)
            if is_open and dobj is not None:
                continue  # a preposition on the object counts only in a cue phrase
            if is_open and preps and any(c.dep_ in _OBJ for c in verb.children):
                continue  # adjuncts of a transitive verb are not its arguments
            for obj in _mentions(obj_tok, index):
                for subj in subjects:
                    if subj.entity == obj.entity:
                        continue
                    yield Fact(subject=subj, relation=relation, object=obj, sentence=sentence,
                               rule=rule + ("-prep" if preps else ""), open=is_open,
                               factuality=factuality)


def extract_facts(doc, index: EntityIndex, cues: Cues, *, skip: set[int] = frozenset()) -> list[Fact]:
    """All facts of a Doc, deduplicated, in sentence order.

    ``skip`` holds the start offsets of sentences to leave out (boilerplate).
    """
    out: list[Fact] = []
    seen = set()
    for sent in doc.sents:
        if sent.start_char in skip or not sent.text.strip():
            continue
        for fact in verb_facts(sent, index, cues):
            key = (fact.subject.entity, fact.relation, fact.object.entity, fact.sentence.start,
                   fact.factuality)
            if key not in seen:
                seen.add(key)
                out.append(fact)
    return out
