"""The first pass over a sentence's verbs: who the subject is, what objects the verb reaches.

A :class:`VerbFrame` is computed once per verb (and cached on the sentence view); the
verb rules (:mod:`extractors.relations.verbs`) only read frames and choose the paths
they serve. Computing a frame also notes the violent events it tells, for "the
airstrike" in later sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.records import Factuality, Mention
from extractors.relations.arguments import (all_mentions, argument_mentions, co_arguments,
                                            conjuncts, described, list_members, name_mentions)
from extractors.relations.clauses import OBJ, shared_objects, subjects
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.factuality import clause_head, factuality, reporter_token
from extractors.relations.nominal import event_agents, event_noun, target_words
from extractors.relations.verb_relation import EVENT_RELATIONS, lethal, relation_of
from extractors.relations.words import words



@dataclass(frozen=True)
class Candidate:
    """An argument a verb reaches, how it reaches it, and the relation it would state.

    ``path`` is one of ``object`` (direct object), ``prep`` (a preposition on the verb),
    ``object-prep`` (a preposition on the direct object), ``co-argument`` ("along with
    X"), ``shared`` (the object of a coordinated verb), ``passive-subject`` and
    ``passive-list`` ("some were sanctioned, including X").
    """

    path: str
    token: Token
    preps: tuple[str, ...]
    dobj: Token | None
    relation: str | None
    is_open: bool = False
    lethal: bool = False  # the relation is "killed" by the verb's manner ("fatally shot")


@dataclass
class VerbFrame:
    """A verb with its subject, factuality, reporter and the arguments it reaches.

    ``subject_kind`` says how the subject was found: ``named`` (its own subject),
    ``relative`` (the noun a relative clause modifies), ``speaker`` (an unresolved pronoun
    read as the speaker), ``event`` (an event noun standing for its agent), ``passive-by``
    (a by-agent), ``passive-event`` ("killed in a Turkish drone strike") or
    ``passive-established`` (the agent the text gave the same act before).
    """

    verb: Token
    passive: bool
    subject_tokens: list[Token]
    subjects: list[Mention]
    subject_kind: str
    named_subjects: list[Mention]
    factuality: Factuality
    reported_by: Mention | None
    has_dobj: bool
    event_dobjs: list[Token]
    bare: tuple[str, bool] | None
    candidates: list[Candidate] = field(default_factory=list)


def subject_mentions(tok: Token, ctx: DocContext, expand: bool = True) -> list[Mention]:
    """Mentions of a subject; an event noun stands for its agent, if the text names one.

    "The U.S. strike killed X" gives the U.S.; "the Kirkuk attack killed X" gives no one;
    "X fired the missile that killed Y" gives X.
    """
    index, nouns = ctx.index, ctx.cues.nouns
    out: list[Mention] = []
    for t in conjuncts(tok) if expand else [tok]:
        found = event_noun(t, nouns) if index.mention_at(t) is None else None
        if found is not None:
            agents = event_agents(found[0], found[1], index, ctx.cues) or \
                ctx.events.recall(found[0], found[1])
            out.extend(m for m in agents if m not in out)
            continue
        found_m = argument_mentions(t, index, expand=False) if expand else described(t, index)
        if not found_m and t.dep_ in OBJ and t.head.lemma_ in words("firing_verbs"):
            # a weapon fired by someone: "X fired the shots that killed Y"
            found_m = [m for s in subjects(t.head)[0] if not subjects(t.head)[1]
                       for m in argument_mentions(s, index)]
        out.extend(m for m in found_m if m not in out)
    return out


def _speaker_fallback(subj_toks: list[Token], verb: Token, index: EntityIndex) -> list[Mention]:
    """An unresolved pronoun subject of a reported clause is the speaker's.

    "Hamas said it would strike Ashdod": "it" is Hamas.
    """
    if len(subj_toks) != 1 or subj_toks[0].lower_ not in words("pronoun_subjects"):
        return []
    rep = reporter_token(verb)
    found = argument_mentions(rep, index, expand=False) if rep is not None else []
    if not found:
        return []
    m = found[0]
    # the pronoun must agree with the speaker: "he" for a person, "it"/"they" for a body
    person = index.entity(m).cls == "Person"
    pronoun = subj_toks[0].lower_
    if pronoun in {"they", "we"}:
        return [m]
    return [m] if person == (pronoun in {"he", "she"}) else []


def _passive_agents(verb: Token, ctx: DocContext) -> tuple[list[Mention], str]:
    """The agent of a passive verb: "by Y", or the agent of the event it happened in."""
    out: list[Mention] = []
    for c in verb.children:
        # "was killed by Y", "was killed by a U.S. drone strike"
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(subject_mentions(p, ctx))
        # who gave the order: "appointed by decree of the president", "murdered on the
        # orders of X"
        if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "on", "at", "upon"}:
            out.extend(m for p in c.children if p.dep_ == "pobj"
                       and p.lemma_.lower() in words("authority_nouns")
                       for of in p.children if of.dep_ == "prep" and of.lower_ == "of"
                       for g in of.children if g.dep_ == "pobj"
                       for m in subject_mentions(g, ctx) if m not in out)
    if out:
        return out, "passive-by"
    for c in verb.children:
        # agentless passive whose event is named: "were killed in a Turkish drone strike"
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "by"}:
            for p in c.children:
                found = event_noun(p, ctx.cues.nouns) if p.dep_ == "pobj" else None
                if found is not None:
                    out.extend(event_agents(found[0], found[1], ctx.index, ctx.cues) or
                               ctx.events.recall(found[0], found[1]))
    if out:
        return out, "passive-event"
    # the agent the text established for this very act earlier ("OFAC designated six
    # individuals ... X and Y are being designated"): computed with the references
    agent = ctx.index.agent_of(verb)
    return ([agent], "passive-established") if agent is not None else ([], "passive-event")


def prep_objects(prep: Token) -> list[tuple[Token, tuple[str, ...]]]:
    """Objects of a preposition, with the preposition words that reach them.

    Complex prepositions chain in the parse: "pulled out of X" has "of" under "out".
    """
    out = []
    for child in prep.children:
        if child.dep_ == "pobj":
            out.append((child, (prep.lower_,)))
        elif child.dep_ == "prep":
            out.extend((pobj, (prep.lower_, *chain)) for pobj, chain in prep_objects(child))
    return out


def _arguments(verb: Token, passive: bool, subj_toks: list[Token], index: EntityIndex
               ) -> list[tuple[str, Token, tuple[str, ...], Token | None]]:
    """Argument tokens of a verb, each with its path and the prepositions that reach it."""
    dobjs = [c for c in verb.children if c.dep_ in OBJ]
    if passive:
        # "X was killed by Y": X is the object
        out = [("passive-subject", t, (), None) for t in subj_toks]
    else:
        out = [("object", c, (), None) for c in dobjs]
    if len(dobjs) > 1 and any(index.mention_at(d) for d in dobjs):
        # a second "object" beside a name describes it: "wounded Connally, then the governor"
        out = [o for o in out if o[1] not in dobjs or index.mention_at(o[1])]
    if passive or dobjs:
        out.extend(("co-argument", t, (), None) for t in co_arguments(verb))
    if passive and all(index.mention_at(t) is None for t in subj_toks):
        # "Some were sanctioned by the US, including X": the list names the subject's
        # members even when the parse hangs it on the agent
        out.extend(("passive-list", t, (), None) for agent in verb.children
                   if agent.dep_ == "agent" for p in agent.children if p.dep_ == "pobj"
                   for t in list_members(p))
    # prepositional objects, on the verb or on its direct object ("launched strikes on X");
    # a passive verb's object is its subject; its prepositions give place and time
    for host in ([verb, *dobjs] if not passive else []):
        for prep in host.children:
            if prep.dep_ not in {"prep", "dative"} or \
                    prep.lower_ in {"including", "along", "together"}:
                continue
            for pobj, chain in prep_objects(prep):
                out.append(("prep" if host is verb else "object-prep", pobj, chain,
                            host if host is not verb else None))
    return out


def _frame(verb: Token, view: SentenceView, ctx: DocContext) -> VerbFrame | None:
    index, cues, sent = ctx.index, ctx.cues, view.sent
    subj_toks, passive = subjects(verb)
    if passive:
        subj, kind = _passive_agents(verb, ctx)
    else:
        # the noun a relative clause or participle modifies, without its coordinates
        own = verb.dep_ in {"relcl", "acl"} or clause_head(verb).dep_ in {"relcl", "acl"}
        subj = [m for t in subj_toks for m in subject_mentions(t, ctx, not own)]
        # a relative clause's subject is the noun it modifies unless it has its own
        kind = "relative" if verb.dep_ == "relcl" and verb.head in subj_toks else "named"
        if not subj:
            subj, kind = _speaker_fallback(subj_toks, verb, index), "speaker"
        elif any(index.mention_at(t) is None and event_noun(t, cues.nouns) for t in subj_toks):
            # an event's agent did what the event did only when it is violence
            kind = "event"
    if not subj:
        return None
    # an open relation holds only between names that are the verb's own arguments
    name_toks = [p for a in verb.children if a.dep_ == "agent" for p in a.children
                 if p.dep_ == "pobj"] if passive else subj_toks
    named = [m for m in subj if m in name_mentions(name_toks, index)
             or m not in all_mentions(name_toks, index)]
    has_dobj = any(c.dep_ in OBJ for c in verb.children)
    frame = VerbFrame(
        verb=verb, passive=passive, subject_tokens=subj_toks, subjects=subj, subject_kind=kind,
        named_subjects=named, factuality=factuality(verb, sent),
        reported_by=_reporter(verb, index), has_dobj=has_dobj,
        event_dobjs=[c for c in verb.children if c.dep_ in OBJ and event_noun(c, cues.nouns)],
        bare=relation_of(verb, (), None, cues))
    args = _arguments(verb, passive, subj_toks, index)
    if not passive:
        args.extend(("shared", o, (), None) for o in shared_objects(verb))
    for path, tok, preps, dobj in args:
        if dobj is None and preps and frame.event_dobjs:
            # "launched strikes against X" with the phrase hung on the verb
            dobj = frame.event_dobjs[0]
        found = relation_of(verb, preps, dobj, cues, has_dobj)
        rel, is_open = found if found is not None else (None, False)
        frame.candidates.append(Candidate(path, tok, preps, dobj, rel, is_open,
                                          lethal=not preps and lethal(verb)))
    _note_events(frame, ctx)
    return frame


def _reporter(verb: Token, index: EntityIndex) -> Mention | None:
    """The mention of the source a clause is reported from ("Ukrainian officials said")."""
    rep = reporter_token(verb)
    if rep is None:
        return None
    found = argument_mentions(rep, index)
    return found[0] if found else None


def _note_events(frame: VerbFrame, ctx: DocContext) -> None:
    """Remember an asserted violent act told by a verb, for "the airstrike" later on.

    A verb whose object is itself an event noun ("launched airstrikes") is remembered
    through that noun, which keeps its number.
    """
    if frame.passive or frame.factuality != Factuality.ASSERTED or frame.event_dobjs:
        return
    rels = [frame.bare[0]] if frame.bare is not None and not frame.bare[1] else []
    rels += [c.relation for c in frame.candidates if c.relation and not c.is_open]
    targets = target_words(frame.verb, ctx.events.target_preps)
    for rel in rels:
        if rel in EVENT_RELATIONS:
            ctx.events.note_verb(frame.verb, rel, frame.subjects, targets)


def verb_frames(view: SentenceView, ctx: DocContext) -> list[VerbFrame]:
    """The frames of a sentence's verbs, computed once (the first pass) and then read."""
    frames = view.analyses.get("verb_frames")
    if frames is None:
        frames = [f for verb in view.tokens if verb.pos_ == "VERB"
                  for f in [_frame(verb, view, ctx)] if f is not None]
        view.analyses["verb_frames"] = frames
    return frames
