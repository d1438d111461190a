"""Events with several parties: every pair of them took part together.

"Talks in Cairo among U.S., Israeli, Qatari and Egyptian officials" (each pair
contacted), "a meeting during which A, B and C agreed" (the same), "the United States
carried out strikes with the United Kingdom" (the partners cooperated), "a joint US-Iraqi
strategy" (the same).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.records import Factuality, Fact, Mention
from extractors.relations.arguments import argument_mentions, conjuncts
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.factuality import factuality, noun_factuality
from extractors.relations.clauses import OBJ, subjects
from extractors.relations.nominal import event_noun, event_targets
from extractors.relations.phrase_mentions import fact
from extractors.relations.registry import Stage, rule
from extractors.relations.verb_frames import verb_frames
from extractors.relations.words import words
from ontology.classes import subclasses_of
from ontology.terms import REL

_ACTORS = subclasses_of("Actor") - {"Actor"}
# what ends a noun phrase's names ("U.S., Israeli and Qatari officials in Cairo who ..."):
# a prepositional phrase or a clause
_PHRASE_ENDS = {"prep", "relcl", "acl"}


def party_mentions(tok: Token, index: EntityIndex) -> list[Mention]:
    """The actors a noun phrase names, its coordinates and name modifiers included."""
    out: list[Mention] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        found = [index.mention_at(t)] if index.mention_at(t) is not None else \
            argument_mentions(t, index, expand=False)
        out.extend(m for m in found if m is not None and m not in out
                   and index.entity(m).cls in _ACTORS)
        stack.extend(c for c in t.children if c.dep_ not in _PHRASE_ENDS)
    return sorted(out, key=lambda m: m.start)


def _pairs(parties: list[Mention], rel: str, view: SentenceView, name: str,
           fact: Factuality) -> Iterator[Fact]:
    for i, a in enumerate(parties):
        for b in parties[i + 1:]:
            if a.entity != b.entity:
                yield Fact(subject=a, relation=rel, object=b, sentence=view.record(), rule=name,
                           factuality=fact)


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    return [m for m in mentions if not (m.entity in seen or seen.add(m.entity))]


@rule("nominal-parties", stage=Stage.NOMINAL)
def event_parties(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A symmetric event noun with its parties: every pair of them did it together.

    "Talks among U.S., Israeli and Qatari officials", "a meeting between A and B",
    "the meeting, during which A, B and C discussed a truce".
    """
    index, sent = ctx.index, view.sent
    for noun in view.tokens:
        found = event_noun(noun, ctx.cues.nouns) if noun.pos_ == "NOUN" else None
        if found is None or found[0].i != noun.i or found[1] not in ctx.cues.symmetric:
            continue
        rel = found[1]
        # NOUN -> prep among/between -> pobj (a list of names, or names modifying a noun)
        parties = [m for prep in noun.children if prep.dep_ == "prep"
                   and prep.lower_ in words("party_prepositions")
                   for p in prep.children if p.dep_ == "pobj" for m in party_mentions(p, index)]
        yield from _pairs(_unique(parties), rel, view, "nominal-parties",
                          noun_factuality(noun, sent))
        # NOUN -> relcl VERB (-> prep during/at/in -> which) -> nsubj A, B and C
        for clause in noun.children:
            if clause.dep_ != "relcl" or not any(
                    p.dep_ == "prep" and any(w.tag_ == "WDT" for w in p.children)
                    for p in clause.children):
                continue
            members = [m for s in clause.children if s.dep_ == "nsubj"
                       for c in conjuncts(s) for m in party_mentions(c, index)]
            yield from _pairs(_unique(members), rel, view, "nominal-parties",
                              factuality(clause, sent))


@rule("verb-joint-event", stage=Stage.VERB)
def joint_event(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An event carried out with a partner: the doer and the partner cooperated.

    "The United States carried out strikes with the United Kingdom" -> cooperatedWith.
    """
    index = ctx.index
    for frame in verb_frames(view, ctx):
        if frame.passive or frame.verb.lemma_ not in words("light_verbs"):
            continue
        for event in frame.event_dobjs:
            rel = ctx.cues.nouns.get(event.lemma_.lower()) or ctx.cues.nouns.get(event.lower_)
            if rel is None or rel in ctx.cues.symmetric:
                continue  # "held talks with X" is the talk itself
            # light VERB -> dobj event noun -> prep with/alongside -> pobj partner
            partners = [m for host in (frame.verb, event) for prep in host.children
                        if prep.dep_ == "prep" and prep.lower_ in words("partner_prepositions")
                        for p in prep.children if p.dep_ == "pobj"
                        for m in party_mentions(p, index)]
            for partner in _unique(partners):
                for subj in frame.subjects:
                    yield from fact(subj, REL.cooperatedWith, partner, view, "verb-joint-event",
                                    frame=frame)


@rule("modifier-joint", stage=Stage.PHRASE)
def joint_doers(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """What is done jointly has its doers cooperating, each pair of them.

    "a joint US-Iraqi strategy", "Russia and China held joint drills", "the report, issued
    jointly by UNICEF and the WHO".
    """
    index, sent = ctx.index, view.sent
    for tok in view.tokens:
        host = tok.head
        if tok.lower_ not in words("joint_words") or host.i == tok.i:
            continue
        if tok.dep_ == "advmod" and host.pos_ == "VERB":
            # VERB -> advmod jointly; VERB -> nsubj A and B, or -> agent by -> pobj A and B
            agents = [p for c in host.children if c.dep_ == "agent" for p in c.children
                      if p.dep_ == "pobj"]
            sources, fact_of = agents or subjects(host)[0], factuality(host, sent)
        elif tok.dep_ == "amod" and host.pos_ == "NOUN":
            # NOUN -> amod joint; NOUN -> names on it ("US-Iraqi"), or -> prep by -> pobj
            sources = [c for c in host.children if c.i != tok.i and c.dep_ in
                       {"compound", "amod", "npadvmod", "poss"}]
            sources += [p for c in host.children if c.dep_ == "prep" and c.lower_ == "by"
                        for p in c.children if p.dep_ == "pobj"]
            if not any(party_mentions(s, index) for s in sources) and host.dep_ in OBJ:
                # "A and B held joint drills": the doers of the verb
                sources = subjects(host.head)[0]
            fact_of = noun_factuality(host, sent)
        else:
            continue
        parties = _unique([m for s in sources for c in conjuncts(s) for m in party_mentions(c, index)])
        yield from _pairs(parties, REL.cooperatedWith, view, "modifier-joint", fact_of)


@rule("verb-reciprocal-relative", stage=Stage.VERB)
def reciprocal_relative(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A symmetric act told by a relative clause on coordinated names: they did it together.

    "Erdogan and Aliyev, who met in Baku last week, signed a pact" -> contacted.
    """
    index = ctx.index
    for frame in verb_frames(view, ctx):
        verb, bare = frame.verb, frame.bare
        rel = bare[0] if bare is not None and not bare[1] else None
        if verb.dep_ != "relcl" or rel not in ctx.cues.symmetric or frame.has_dobj or any(
                p.dep_ == "prep" and p.lower_ in words("partner_prepositions")
                for p in verb.children):
            continue
        # NAME and NAME <- relcl VERB (who met): the whole coordination is the antecedent
        head = verb.head
        while head.dep_ == "conj":
            head = head.head
        parties = _unique([m for t in conjuncts(head) for m in [index.mention_at(t)]
                           if m is not None and index.entity(m).cls in _ACTORS])
        yield from _pairs(parties, rel, view, "verb-reciprocal-relative", frame.factuality)


def _participant_verb(noun: Token) -> Token | None:
    """The verb whose subject took part in an event noun: "led the attack", "took part in it"."""
    take = words("participation_words")
    # VERB (lead/join) -> dobj NOUN
    if noun.dep_ in OBJ and noun.head.pos_ == "VERB" and noun.head.lemma_ in take:
        return noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    host = noun.head.head
    # "played a key role - a key role in the bombing": the word said again
    while host.dep_ == "appos" and host.head.lemma_ == host.lemma_:
        host = host.head
    # participate/involved -> prep in -> NOUN
    if host.pos_ in {"VERB", "ADJ"} and host.lemma_ in take:
        return host
    # take part / play a role -> prep in -> NOUN, "in" on the noun or on the verb
    if host.pos_ == "NOUN" and host.lemma_ in take and host.dep_ in OBJ and host.head.pos_ == "VERB":
        return host.head
    if host.pos_ == "VERB" and any(c.dep_ in OBJ and c.lemma_ in take for c in host.children):
        return host
    return None


@rule("nominal-participation", stage=Stage.NOMINAL)
def participation(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """Who took part in an event with a target did it: "Omar led the attack on the hotel".

    "took part in the strikes on X", "played a key role in the bombing of X", "was
    involved in the raid on X" (negated: "denied that X was involved in ...").
    """
    index, sent = ctx.index, view.sent
    for noun in view.tokens:
        found = event_noun(noun, ctx.cues.nouns) if noun.pos_ == "NOUN" else None
        if found is None or found[0].i != noun.i or found[1] in ctx.cues.symmetric:
            continue
        verb = _participant_verb(noun)
        if verb is None:
            continue
        targets = event_targets(noun, found[1], index, ctx.cues)
        agents = [m for s in subjects(verb)[0] for m in argument_mentions(s, index)]
        for agent in _unique(agents):
            for target in _unique(targets):
                if agent.entity != target.entity:
                    yield Fact(subject=agent, relation=found[1], object=target,
                               sentence=view.record(), rule="nominal-participation",
                               factuality=factuality(verb, sent))
