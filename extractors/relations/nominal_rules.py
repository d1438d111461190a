"""Nominal rules: facts an event noun or an agent noun states with its arguments.

"US airstrikes on KH facilities" (the noun's own agent), "X was responsible for attacks
on Y" (the culprit the clause names), "X launched strikes on Y" (a light verb's subject),
"the strikes on Y" after "X bombed Z" (an earlier event), "Kennedy's assassin Oswald"
(an agent noun). Every event noun with a target is read once (:func:`_event_nouns`);
each rule keeps the agents found its way.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.records import Fact, Mention
from extractors.relations.arguments import argument_mentions
from extractors.relations.clauses import subjects
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.factuality import noun_factuality, reporter_token
from extractors.relations.nominal import (coordinated_names, event_noun, event_targets,
                                          explicit_agents, light_verb_subject)
from extractors.relations.registry import Stage, rule
from extractors.relations.verb_frames import subject_mentions


def _mentions(ctx: DocContext):
    """Token -> the mentions of an argument (names, "KH facilities")."""
    return lambda tok: argument_mentions(tok, ctx.index, physical=True)


def _light_subjects(ctx: DocContext):
    """Verb -> the mentions of its active subject, for light verbs."""
    def light(verb: Token) -> list[Mention]:
        toks, passive = subjects(verb)
        return [] if passive else [m for t in toks for m in subject_mentions(t, ctx)]
    return light


def scan_events(view: SentenceView, ctx: DocContext) -> None:
    """First pass: remember the sentence's asserted event nouns that name their agent."""
    if ctx.cues.nouns:
        ctx.events.scan(view.sent, ctx.index, ctx.cues, _mentions(ctx),
                        _light_subjects(ctx))


def _event_nouns(view: SentenceView, ctx: DocContext) -> list[tuple[str, Fact]]:
    """The facts of the sentence's event nouns with targets, each with how its agent was found."""
    cached = view.analyses.get("event_nouns")
    if cached is not None:
        return cached
    out: list[tuple[str, Fact]] = []
    index, sent = ctx.index, view.sent
    mentions = _mentions(ctx)
    for tok in view.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.lemma_.lower() in ctx.cues.agent_nouns:
            continue
        found = event_noun(tok, ctx.cues.nouns)
        if found is None or found[0] is not tok:
            continue
        targets = event_targets(tok, rel := found[1], index, ctx.cues)
        if not targets:
            continue
        agents, how = explicit_agents(tok, rel, index, ctx.cues, mentions, _light_subjects(ctx))
        if not agents:
            agents, how = ctx.events.recall(tok, rel), "nominal-anaphor"
        factuality = noun_factuality(tok, sent)
        light = light_verb_subject(tok)
        rep = reporter_token(light) if light is not None else None
        reported_by = index.mention_at(rep) if rep is not None else None
        for a in agents:
            for t in targets:
                if a.entity != t.entity:
                    out.append((how, Fact(subject=a, relation=rel, object=t,
                                          sentence=view.record(), rule=how,
                                          factuality=factuality, reported_by=reported_by)))
    view.analyses["event_nouns"] = out
    return out


def _found(view: SentenceView, ctx: DocContext, how: str) -> Iterator[Fact]:
    return (f for h, f in _event_nouns(view, ctx) if h == how)


@rule("nominal-event", stage=Stage.NOMINAL)
def event_with_agent(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An event noun names its agent: "US airstrikes on KH", "the attack on Taji by ISIS"."""
    # NOUN -> poss/compound/amod agent | prep by -> pobj | acl attributed to; prep on -> pobj
    return _found(view, ctx, "nominal-event")


@rule("nominal-culprit", stage=Stage.NOMINAL)
def culprit(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """The clause holds a party to be the doer: "ISIS claimed responsibility for attacks on Y"."""
    # responsible/blame/convict ... -> prep for/of -> pobj event noun -> prep -> target
    return _found(view, ctx, "nominal-culprit")


@rule("nominal-light-verb", stage=Stage.NOMINAL)
def light_verb(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A light verb's subject did the event: "Israel carried out an attack on Hezbollah"."""
    # nsubj <- light VERB -> dobj event noun -> prep target -> pobj
    return _found(view, ctx, "nominal-light-verb")


@rule("nominal-anaphor", stage=Stage.NOMINAL)
def anaphor(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A definite event noun refers back: "Israel bombed Gaza. The strikes on Rafah ..."."""
    # det the/these -> NOUN event, no agent here -> the last such event's agent
    return _found(view, ctx, "nominal-anaphor")


@rule("nominal-agent-noun", stage=Stage.NOMINAL)
def agent_noun(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An agent noun names both ends: "Kennedy's assassin Oswald", "Ray, King's assassin"."""
    index, sent = ctx.index, view.sent
    for tok in view.tokens:
        rel = ctx.cues.agent_nouns.get(tok.lemma_.lower()) if tok.pos_ in {"NOUN", "PROPN"} else None
        if rel is None:
            continue
        victims: list[Mention] = []
        agents: list[Mention] = []
        for c in tok.children:
            # NOUN -> poss/compound victim; NOUN -> prep of -> pobj victim; NOUN -> appos agent
            if c.dep_ in {"poss", "compound"}:
                victims.extend(coordinated_names(c, index))
            elif c.dep_ == "prep" and c.lower_ == "of":
                victims.extend(m for p in c.children if p.dep_ == "pobj"
                               for m in coordinated_names(p, index))
            elif c.dep_ == "appos":
                agents.extend(coordinated_names(c, index))
        # the agent noun as an apposition or title of the name: "Ray, King's assassin"
        if tok.dep_ == "appos" or (tok.dep_ == "compound" and tok.head.pos_ == "PROPN"):
            agents.extend(coordinated_names(tok.head, index))
        # "X's assassin Y": the possessive hangs on the name the agent noun modifies
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and not victims:
            victims.extend(m for c in tok.head.children if c.dep_ == "poss" and c.i < tok.i
                           for m in coordinated_names(c, index))
        if tok.dep_ == "attr":  # "Y was the assassin of X"
            agents.extend(m for s in tok.head.children if s.dep_ == "nsubj"
                          for m in coordinated_names(s, index))
        for a in agents:
            for v in victims:
                if a.entity != v.entity:
                    yield Fact(subject=a, relation=rel, object=v, sentence=view.record(),
                               rule="nominal-agent-noun", factuality=noun_factuality(tok, sent))
