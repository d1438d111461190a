"""Which relation a verb states with an argument: its cue, phrase, light verb or manner.

"struck X" (a verb cue), "pulled out of X" (a cue phrase), "launched strikes against X"
(a light verb with an event noun), "fatally shot X" (a violent verb whose manner kills);
a verb outside the inventory gives an open relation ("praised X" -> ``praise``).
"""
from __future__ import annotations

from spacy.tokens import Token

from extractors.relations.clauses import OBJ
from extractors.relations.nominal import event_noun
from extractors.relations.words import words
from ontology.terms import REL

# relations whose events later sentences refer back to ("the airstrike", "the killing")
EVENT_RELATIONS = {REL.attacked, REL.killed, REL.injured, REL.sanctioned}
# verbs that sanction only when the label is a terrorist one ("designated X a terrorist group")
_LABELLING_VERBS = {"designate", "list"}


def lethal(verb: Token) -> bool:
    """Whether a violent verb is marked as killing: "fatally shot", "beaten to death"."""
    if verb.lemma_.lower() not in words("lethal_manner_verbs"):
        return False
    for c in [*verb.children, *(g for o in verb.children if o.dep_ in OBJ for g in o.children)]:
        if c.dep_ == "advmod" and c.lower_ in {"fatally", "dead"}:
            return True
        if c.dep_ in {"prep", "advmod"} and c.lower_ == "to" and \
                any(p.lower_ == "death" for p in c.children):
            return True
        if c.dep_ in {"oprd", "acomp", "advcl", "xcomp"} and c.lower_ == "dead":
            return True
    return False


def _terror_label(verb: Token) -> bool:
    """Whether a labelling verb names its object a terrorist or sanctioned party."""
    return any(t.lower_.startswith(("terror", "sanction", "blacklist"))
               for c in verb.children for t in c.subtree)


def _phrase(lemma: str, phrase: list[str], preps: tuple[str, ...], cues) -> str | None:
    """The longest cue phrase that reaches the object: "carry out strike on" before "carry"."""
    for n in range(len(phrase), 1, -1):
        cands = [(lemma, *phrase[-n + 1:])] if n - 1 >= len(preps) else []
        if n == len(phrase):
            cands.insert(0, tuple(phrase))
        for cand in cands:
            rel = cues.verb_phrases.get(cand)
            if rel is not None:
                return rel
    return None


def relation_of(verb: Token, preps: tuple[str, ...], dobj: Token | None, cues,
                has_dobj: bool = False) -> tuple[str, bool] | None:
    """The relation a verb expresses with an object reached through ``preps``.

    Returns (relation, is_open), or None when the object is not an argument of the
    relation the verb expresses ("attacked Riyadh from Iraq": Iraq is not attacked).
    """
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if not preps and lethal(verb):
        return REL.killed, False  # "was shot to death", "fatally stabbed"
    phrase = [lemma, *particles]
    if dobj is not None:
        phrase.append(dobj.lemma_.lower())
    phrase.extend(preps)
    # light verb with an event object: "launched strikes against X", "imposed sanctions on Y"
    if dobj is not None and preps and lemma in words("light_verbs") | words("response_verbs"):
        found = event_noun(dobj, cues.nouns)
        if found is not None and preps[-1] in cues.target_preps.get(found[1], ()):
            return found[1], False
    # a cue may name its object noun in the plural: "hold talks with"
    alt = [*phrase[:len(phrase) - len(preps) - 1], dobj.lower_, *preps] if dobj is not None else None
    for ws in ([phrase, alt] if alt and alt != phrase else [phrase]):
        found = _phrase(lemma, ws, preps, cues)
        if found is not None:
            return found, False
    if lemma in words("naming_verbs") and any(c.dep_ == "oprd" for c in verb.children):
        return None  # "calls the rebels terrorists": a label, no call
    base = cues.verb_phrases.get((lemma, *particles)) if particles else cues.verbs.get(lemma)
    if lemma in _LABELLING_VERBS and not _terror_label(verb):
        return None  # "re-designated the prototype as X" is no sanction
    if not preps:
        return (base, False) if base else ("_".join([lemma, *particles]), True)
    if base is not None:
        # a bare cue verb takes a prepositional target only through its own preposition
        # ("struck at the base"); other phrases are adjuncts of time, place or source
        ok = dobj is None and not has_dobj and preps[-1] in cues.target_preps.get(base, ())
        return (base, False) if ok else None
    if dobj is not None:
        return None  # a preposition on the object counts only in a cue phrase
    return "_".join([lemma, *particles, *preps]), True
