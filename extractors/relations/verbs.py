"""Verb rules: one registered rule per way a verb reaches its subject and its object.

Every rule reads the sentence's verb frames (:func:`verb_frames`, the first pass) and
keeps the arguments of its own path; :func:`frame_facts` turns them into facts the same
way for all. A frame's subject found by a special path (an event noun, the speaker, an
agentless passive's event) names the rule whatever the object's path.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from extractors.records import Fact, Factuality
from extractors.relations.arguments import PHYSICAL, argument_mentions, name_mentions
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.factuality import factuality
from extractors.relations.phrase_mentions import is_city
from extractors.relations.registry import Stage, rule
from extractors.relations.verb_acts import mutual_verb, receives_aid
from extractors.relations.verb_frames import Candidate, VerbFrame, subject_mentions, verb_frames
from extractors.relations.words import words
from ontology.terms import REL

# relations whose object can be a group's places and things
# relations whose object may be an event, standing for its agent
_JUDGING = {REL.condemned, REL.rejected}
# relations whose object is a body one belongs to
_ROLES = {REL.memberOf, REL.leaderOf}
# relations an event does for its agent ("the strike killed X")
_VIOLENT = {REL.attacked, REL.killed, REL.injured}


def _open_ok(frame: VerbFrame, cand: Candidate) -> bool:
    """Whether an open relation is precise enough to keep: a real argument of a content verb."""
    lemma = frame.verb.lemma_.lower()
    if lemma in words("empty_verbs") or lemma in words("speech_verbs") or cand.path == "shared" or \
            cand.dobj is not None:
        return False
    if cand.preps:
        # adjuncts of a transitive verb are not its arguments; time and place are not either
        return not frame.has_dobj and cand.preps[0] not in words("adjunct_prepositions")
    return True


def _characterised_agent(verb: Token, ctx: DocContext) -> list:
    """The agent a characterisation names: "decried the strikes as an act by the coalition"."""
    return [m for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for noun in prep.children if noun.dep_ == "pobj"
            for by in noun.children if by.dep_ == "prep" and by.lower_ == "by"
            for agent in by.children if agent.dep_ == "pobj"
            for m in argument_mentions(agent, ctx.index)]


def frame_facts(view: SentenceView, ctx: DocContext, frame: VerbFrame,
                cands: Iterable[Candidate], name: str, *, judged: bool = False
                ) -> Iterator[Fact]:
    """The facts a frame states with the chosen arguments, named ``name``.

    With ``judged``, only the arguments that are events standing for their agent
    ("condemned the strikes"); without, only the arguments that name their entity.
    """
    index, verb = ctx.index, frame.verb
    for cand in cands:
        relation, is_open = cand.relation, cand.is_open
        if relation is None or receives_aid(verb, cand.preps, ctx):
            continue
        if frame.subject_kind == "event" and (is_open or relation not in _VIOLENT):
            continue
        if is_open and not _open_ok(frame, cand):
            continue
        fact = frame.factuality
        # "asked Hezbollah to send X": the guideline reads the request as the sending
        if relation == REL.sent and verb.dep_ == "xcomp" and \
                verb.head.lemma_ in words("object_control_verbs"):
            fact = Factuality.ASSERTED if factuality(verb.head, view.sent) == \
                Factuality.ASSERTED else fact
        objs = argument_mentions(cand.token, index, physical=relation in PHYSICAL)
        if relation in _ROLES:
            # the range of a role is an actor: one works in a city, not for it
            objs = [m for m in objs if not is_city(m, index, verb.doc)]
        if relation in _JUDGING and not objs:
            if not judged:
                continue
            # condemning an event condemns who did it: "Iraq condemned the strikes"
            objs = subject_mentions(cand.token, ctx) or _characterised_agent(verb, ctx)
        elif judged:
            continue
        if is_open:
            objs = [m for m in objs if m in name_mentions([cand.token], index)]
        # leading a body's thing is no head of the body: "leads the Houthis' efforts",
        # "commanded KNA battalions" -> memberOf
        heads = name_mentions([cand.token], index) if relation == REL.leaderOf else []
        for obj in objs:
            rel = REL.memberOf if relation == REL.leaderOf and obj not in heads else relation
            for subj in frame.named_subjects if is_open else frame.subjects:
                if subj.entity != obj.entity:
                    out = Fact(subject=subj, relation=rel, object=obj,
                               sentence=view.record(), rule=name, open=is_open,
                               factuality=fact, reported_by=frame.reported_by)
                    view.verb_facts.append((out, frame, cand))
                    yield out


def _paths(frame: VerbFrame, *paths: str) -> list[Candidate]:
    """The frame's arguments reached by one of ``paths`` (default: all), the manner-of-killing
    ones aside."""
    return [c for c in frame.candidates if (not paths or c.path in paths) and not c.lethal]


def _subject_rule(view: SentenceView, ctx: DocContext, kind: str, name: str) -> Iterator[Fact]:
    for frame in verb_frames(view, ctx):
        if frame.subject_kind == kind:
            yield from frame_facts(view, ctx, frame, _paths(frame), name)


@rule("verb-lethal-manner", stage=Stage.VERB)
def lethal_manner(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A violent verb marked as killing: "Gunmen fatally shot Ahmed Khan" -> killed."""
    for frame in verb_frames(view, ctx):
        # advmod "fatally" / prep "to death" / oprd "dead" on a verb of violence
        yield from frame_facts(view, ctx, frame, [c for c in frame.candidates if c.lethal],
                               "verb-lethal-manner")


@rule("verb-judged-event", stage=Stage.VERB)
def judged_event(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """Condemning an event condemns its agent: "Iraq condemned the U.S. strikes" -> the U.S."""
    for frame in verb_frames(view, ctx):
        # dobj is an event noun whose agent is named (or remembered)
        yield from frame_facts(view, ctx, frame, _paths(frame),
                               "verb-judged-event", judged=True)


@rule("verb-event-subject", stage=Stage.VERB)
def event_subject(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An event subject does violence for its agent: "The U.S. strike killed Abu Ali"."""
    # nsubj is an event noun -> its agent; only attacked/killed/injured
    return _subject_rule(view, ctx, "event", "verb-event-subject")


@rule("verb-speaker-subject", stage=Stage.VERB)
def speaker_subject(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An unresolved pronoun is the speaker: "Hamas said it would strike Ashdod"."""
    # nsubj pronoun of a ccomp under a speech verb -> the speech verb's subject
    return _subject_rule(view, ctx, "speaker", "verb-speaker-subject")


@rule("verb-passive-event", stage=Stage.VERB)
def passive_event(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An agentless passive in a named event: "Two men were killed in an Israeli strike"."""
    # nsubjpass + prep in/during/by -> pobj event noun with an agent
    return _subject_rule(view, ctx, "passive-event", "verb-passive-event")


@rule("verb-passive-established", stage=Stage.VERB)
def passive_established(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An agentless passive of a formal act whose agent the text established:
    "OFAC designated two brokers on Monday. Both were designated under its terrorism powers"."""
    # nsubjpass, no agent -> the one active subject of the same act nearby (references)
    return _subject_rule(view, ctx, "passive-established", "verb-passive-established")


@rule("verb-passive", stage=Stage.VERB)
def passive(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A passive with its agent: "Ismail Haniyeh was killed by Israel"."""
    for frame in verb_frames(view, ctx):
        if frame.subject_kind == "passive-by":
            # nsubjpass + agent/pobj; "along with" co-arguments share the subject's role
            yield from frame_facts(view, ctx, frame,
                                   _paths(frame, "passive-subject", "co-argument"),
                                   "verb-passive")


@rule("verb-passive-list", stage=Stage.VERB)
def passive_list(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A list hung on the agent names the subject's members.

    "Several groups were sanctioned by the EU, including Hamas" -> the EU sanctioned Hamas.
    """
    for frame in verb_frames(view, ctx):
        if frame.subject_kind == "passive-by":
            # agent/pobj <- prep including/such as <- pobj
            yield from frame_facts(view, ctx, frame, _paths(frame, "passive-list"),
                                   "verb-passive-list")


def _named_rule(view: SentenceView, ctx: DocContext, kind: str, paths: tuple[str, ...],
                name: str) -> Iterator[Fact]:
    for frame in verb_frames(view, ctx):
        # "clashed with", "X and Y fought": both parties did it, :func:`verb_acts.mutual_fire`'s
        # case, or a quarrel; read as any other verb with an object ("fought the army") or
        # an enemy ("fought with US troops against ISIS")
        if frame.subject_kind == kind and (not mutual_verb(frame.verb) or any(
                p.dep_ == "prep" and p.lower_ == "against" for p in frame.verb.children)):
            yield from frame_facts(view, ctx, frame, _paths(frame, *paths), name)


@rule("verb-active", stage=Stage.VERB)
def active(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A subject and direct object: "The Taliban attacked Kandahar on Sunday"."""
    # nsubj <- VERB -> dobj
    return _named_rule(view, ctx, "named", ("object",), "verb-active")


@rule("verb-active-prep", stage=Stage.VERB)
def active_prep(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A prepositional object: "France withdrew from Mali", "Hezbollah fired rockets at Haifa"."""
    # nsubj <- VERB -> prep -> pobj (the cue phrase or the verb's own target preposition)
    return _named_rule(view, ctx, "named", ("prep",), "verb-active-prep")


@rule("verb-object-prep", stage=Stage.VERB)
def object_prep(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """The target of a light verb's event object: "Israel launched strikes on Hezbollah"."""
    # nsubj <- VERB -> dobj (event noun) -> prep -> pobj
    return _named_rule(view, ctx, "named", ("object-prep",), "verb-object-prep")


@rule("verb-co-argument", stage=Stage.VERB)
def co_argument(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An object added by "along with": "Israel killed Nasrallah along with Ali Karaki"."""
    # VERB -> prep along/together -> with -> pobj; VERB -> prep including -> pobj
    return _named_rule(view, ctx, "named", ("co-argument",), "verb-co-argument")


@rule("verb-shared-object", stage=Stage.VERB)
def shared_object(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A coordinated verb's object: "Militants attacked and looted the Sadr base"."""
    # VERB (no dobj) -> conj VERB -> dobj
    return _named_rule(view, ctx, "named", ("shared",), "verb-shared-object")


@rule("verb-relative", stage=Stage.VERB)
def relative(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A relative clause's subject is the noun it modifies: "Hamas, which attacked Israel"."""
    # NOUN -> relcl VERB -> dobj (the relative pronoun or nothing as subject)
    return _named_rule(view, ctx, "relative", ("object", "co-argument", "shared"),
                       "verb-relative")


@rule("verb-relative-prep", stage=Stage.VERB)
def relative_prep(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A relative clause with a prepositional object: "France, which withdrew from Mali"."""
    # NOUN -> relcl VERB -> prep -> pobj
    return _named_rule(view, ctx, "relative", ("prep", "object-prep"), "verb-relative-prep")
