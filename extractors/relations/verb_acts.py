"""Verb rules for acts that state more than their verb: receiving aid, meeting each other,
sending an envoy, visiting a person, threatening, and holding someone culpable.

"X received weapons from Y" (Y supported X), "Putin and Xi met" (each contacted the
other), "Iran sent Larijani to Beirut" (Larijani visited Beirut), "vowed to strike X"
(a threat), "Iraq said Israel was behind the blasts" (an accusation).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.records import Fact, Factuality
from extractors.relations.arguments import argument_mentions, conjuncts
from extractors.relations.clauses import OBJ
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.factuality import factuality, reporter_token
from extractors.relations.nominal import event_noun
from extractors.relations import phrase_mentions
from extractors.relations.registry import Stage, rule
from extractors.relations.verb_frames import verb_frames
from extractors.relations.verb_relation import EVENT_RELATIONS
from extractors.relations.words import words
from ontology.classes import subclasses_of
from ontology.terms import REL

# relations an act of violence or coercion can be threatened with ("threatened to strike X")
_HOSTILE = {REL.attacked, REL.killed, REL.injured, REL.sanctioned}
_PLACE_CLASSES = subclasses_of("Place")


def receives_aid(verb: Token, preps: tuple[str, ...], ctx: DocContext,
                 dobj: Token | None = None) -> bool:
    """Whether an object is the giver in "received weapons and support from X".

    "had the backing of X" names the giver on the aid noun itself (``dobj``).
    """
    if verb.lemma_ not in words("receiving_verbs") or \
            preps != ("from",) and not (preps == ("of",) and dobj is not None):
        return False
    gifts = [dobj] if dobj is not None else [c for c in verb.children if c.dep_ in OBJ]
    return any(g.lemma_.lower() in words("aid_nouns") or
               ctx.cues.nouns.get(g.lemma_.lower()) == REL.supported
               for d in gifts for g in conjuncts(d))


@rule("verb-receive-aid", stage=Stage.VERB)
def receive_aid(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """ "The Houthis received drones from Iran": Iran supported the Houthis.

    "The militia has the backing of Iran": Iran supported the militia.
    """
    for frame in verb_frames(view, ctx):
        # receive/obtain -> dobj aid noun; -> prep from -> pobj (the giver)
        # have/enjoy -> dobj aid noun -> prep of -> pobj (the giver)
        for cand in frame.candidates:
            dobj = cand.dobj if cand.path == "object-prep" else None
            if not receives_aid(frame.verb, cand.preps, ctx, dobj):
                continue
            for giver in argument_mentions(cand.token, ctx.index):
                for receiver in frame.subjects:
                    yield from phrase_mentions.fact(giver, REL.supported, receiver, view,
                                                    "verb-receive-aid", frame=frame)


@rule("verb-reciprocal", stage=Stage.VERB)
def reciprocal(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """Coordinated parties of a symmetric act with no object met each other.

    "Putin and Xi met in Moscow", "Egypt and Qatar held talks on Sunday", "Chad and Niger
    agreed to reopen the border".
    """
    for frame in verb_frames(view, ctx):
        verb, bare, parties = frame.verb, frame.bare, frame.subjects
        rel = bare[0] if bare is not None and not bare[1] else None
        if rel is None and verb.lemma_ in words("light_verbs"):
            # light verb with a symmetric event object: "held talks"
            found = [event_noun(d, ctx.cues.nouns) for d in frame.event_dobjs]
            rel = next((f[1] for f in found if f is not None), None)
            if any(p.dep_ == "prep" for d in frame.event_dobjs for p in d.children
                   if p.lower_ == "with"):
                continue  # "held talks with X": the object is named
        if rel is None and not frame.event_dobjs:
            # a symmetric cue with its partner left out: "Chad and Niger cooperate", "... agreed"
            rel = ctx.cues.verb_phrases.get((verb.lemma_.lower(), "with"))
        others = [c for c in verb.children if c.dep_ in OBJ and c not in frame.event_dobjs]
        if rel not in ctx.cues.symmetric or len(parties) < 2 or others:
            continue
        if any(p.dep_ == "prep" and p.lower_ == "with" for p in verb.children):
            continue
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                if a.entity != b.entity:
                    yield Fact(subject=a, relation=rel, object=b, sentence=view.record(),
                               rule="verb-reciprocal", factuality=frame.factuality,
                               reported_by=frame.reported_by)


def mutual_verb(verb: Token) -> bool:
    """A verb of mutual violence with no object: "X and Y clashed", "X fought with Y"."""
    return verb.lemma_.lower() in words("mutual_violence_verbs") and \
        not any(c.dep_ in OBJ for c in verb.children)


def mutual_use(verb: Token) -> bool:
    """Whether such a verb says each party did it to the other: not a quarrel ("clashed
    over the budget") and no common enemy ("fought with US troops against ISIS": "with"
    names an ally)."""
    return mutual_verb(verb) and not any(p.dep_ == "prep" and p.lower_ in
                                         words("mutual_violence_blockers") for p in verb.children)


@rule("verb-mutual-fire", stage=Stage.VERB)
def mutual_fire(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An exchange of violence cued as "exchange fire with", or a verb that is one
    ("clash"): each party did it to the other.

    "Hezbollah exchanged fire with Israel", "North and South Korea exchanged artillery fire",
    "Israeli troops clashed with Hamas fighters", "the army and the RSF clashed".
    """
    index, cues = ctx.index, ctx.cues
    for frame in verb_frames(view, ctx):
        verb, lemma = frame.verb, frame.verb.lemma_.lower()
        # VERB -> dobj NOUN, where "VERB NOUN with" is a cue of a violent relation
        cued = [((lemma, c.lemma_.lower(), "with"), (verb, c)) for c in verb.children if c.dep_ in OBJ]
        if mutual_use(verb):
            # "X clashed with Y", "X and Y clashed": no object, the verb alone says both did it
            cued = [((lemma, "with"), (verb,))]
        for key, hosts in cued:
            # "clash with" is a cue; "fight" is one on its own ("fought with" is not: allies)
            rel = cues.verb_phrases.get(key) or (cues.verbs.get(lemma) if len(key) == 2 else None)
            if rel not in EVENT_RELATIONS or rel in cues.symmetric or rel == REL.sanctioned:
                continue
            # VERB|dobj -> prep with -> pobj (the other party)
            others = [m for host in hosts for p in host.children
                      if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj"
                      for m in argument_mentions(o, index, physical=True)]
            parties = [*frame.subjects, *(m for m in others if m not in frame.subjects)]
            for a in parties:
                for b in parties:
                    if a.entity != b.entity:
                        yield Fact(subject=a, relation=rel, object=b, sentence=view.record(),
                                   rule="verb-mutual-fire", factuality=frame.factuality,
                                   reported_by=frame.reported_by)


@rule("verb-sent-to", stage=Stage.DERIVED)
def sent_to(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A person sent to a place went there: "Iran sent Larijani to Beirut"."""
    index = ctx.index
    for fact, frame, cand in view.verb_facts:
        if fact.relation != REL.sent or cand.preps:
            continue
        verb = frame.verb
        # VERB -> prep/dative to -> pobj place; VERB -> dobj person
        places = [m for prep in verb.children if prep.dep_ in {"prep", "dative"}
                  and prep.lower_ == "to" for p in prep.children if p.dep_ == "pobj"
                  for m in argument_mentions(p, index) if index.entity(m).cls in _PLACE_CLASSES]
        for person in argument_mentions(cand.token, index):
            if index.entity(person).cls == "Person":
                for place in places:
                    yield Fact(subject=person, relation=REL.visited, object=place,
                               sentence=view.record(), rule="verb-sent-to",
                               factuality=fact.factuality, reported_by=fact.reported_by)


@rule("verb-visit-person", stage=Stage.DERIVED)
def visit_person(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """Visiting a person is meeting them: "Blinken visited Mohammed bin Salman"."""
    for fact, _, _ in view.verb_facts:
        obj = fact.object
        if fact.relation == REL.visited and ctx.index.entity(obj).cls == "Person" and \
                len(obj.text.split()) > 1:
            yield Fact(subject=fact.subject, relation=REL.contacted, object=obj,
                       sentence=fact.sentence, rule="verb-visit-person",
                       factuality=fact.factuality, reported_by=fact.reported_by)


def _threat_factuality(verb: Token, how: str, sent) -> Factuality:
    """The factuality of the threat itself: that of the verb that makes it."""
    v = verb
    while v.dep_ in {"xcomp", "conj"} and how == "speech" and v.head.pos_ in {"VERB", "AUX"}:
        v = v.head
    return factuality(v.head, sent)


def _threats(view: SentenceView, how: str) -> Iterator[Fact]:
    for fact, frame, _ in view.verb_facts:
        if fact.relation not in _HOSTILE or fact.open or \
                fact.factuality in {Factuality.ASSERTED, Factuality.NEGATED}:
            continue
        if _threat_kind(frame.verb) == how:
            yield Fact(subject=fact.subject, relation=REL.threatened, object=fact.object,
                       sentence=fact.sentence, rule=f"verb-threat-{how}",
                       factuality=_threat_factuality(frame.verb, how, view.sent),
                       reported_by=fact.reported_by)


def _threat_kind(verb: Token) -> str | None:
    """How a planned or hypothetical hostile act is a threat, if it is one."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in words("threat_verbs"):
        return "xcomp"
    v = verb
    while v.dep_ in {"xcomp", "conj"} and v.head.pos_ in {"VERB", "AUX"}:
        v = v.head
    if v.dep_ == "ccomp" and v.head.lemma_ in words("speech_verbs") | words("threat_verbs"):
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ in words("announcing_pronouns"):
            return "speech"
    return None


@rule("verb-threat-xcomp", stage=Stage.DERIVED)
def threat_infinitive(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """The infinitive of a threat verb: "Hezbollah vowed to strike Haifa" -> threatened."""
    # VERB threaten/vow/warn -> xcomp hostile VERB
    return _threats(view, "xcomp")


@rule("verb-threat-speech", stage=Stage.DERIVED)
def threat_speech(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An actor announcing its own hostile plan: "The group said it will target the base"."""
    # speech VERB -> ccomp hostile VERB (future/plan) with a pronoun subject
    return _threats(view, "speech")


@rule("clause-culpability", stage=Stage.NOMINAL)
def culpability(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A source that says a party is behind something accuses it.

    "Iraq said Israel was behind the explosions": Iraq accused Israel.
    """
    index, sent = ctx.index, view.sent
    for tok in view.tokens:
        pred = _culpability_predicate(tok, ctx)
        # speech VERB -> ccomp (be behind / be responsible / was involved in an attack)
        if pred is None or pred.dep_ != "ccomp" or \
                pred.head.lemma_ not in words("speech_verbs") | {"warn"}:
            continue
        speaker = reporter_token(pred)
        speakers = argument_mentions(speaker, index) if speaker is not None else []
        accused = [m for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"}
                   for m in argument_mentions(c, index)]
        fact = factuality(pred, sent)
        for s in speakers:
            for a in accused:
                if s.entity != a.entity:
                    yield Fact(subject=s, relation=REL.accused, object=a, sentence=view.record(),
                               rule="clause-culpability", factuality=fact)


def _culpability_predicate(tok: Token, ctx: DocContext) -> Token | None:
    """The clause verb of "X was behind / responsible for / involved in (an attack)"."""
    if tok.lower_ == "behind" and tok.dep_ == "prep" and tok.head.lemma_ == "be":
        return tok.head
    if tok.lemma_ == "responsible" and tok.dep_ == "acomp":
        return tok.head
    if tok.lemma_ == "involve" and any(c.dep_ == "auxpass" for c in tok.children):
        # only involvement in a violent event: "involved in the attack"
        if any(p.dep_ == "prep" and p.lower_ == "in" and
               any((event_noun(o, ctx.cues.nouns) or ("", ""))[1] in EVENT_RELATIONS
                   for o in p.children if o.dep_ == "pobj")
               for p in tok.children):
            return tok
    return None


@rule("verb-hold-complement", stage=Stage.VERB)
def hold_complement(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A cue phrase whose second word is a clause on the verb: "Kyiv holds Moscow responsible".

    The parse hangs "responsible" on "hold" as a small clause whose subject is the
    accused; "we" in a quotation is the speaker (the frame's speaker fallback).
    """
    index = ctx.index
    for frame in verb_frames(view, ctx):
        verb = frame.verb
        for comp in verb.children:
            # VERB hold -> ccomp/oprd/acomp/advcl responsible -> nsubj (the object)
            if comp.dep_ not in {"ccomp", "oprd", "acomp", "advcl"}:
                continue
            rel = ctx.cues.verb_phrases.get((verb.lemma_.lower(), comp.lemma_.lower()))
            if rel is None:
                continue
            # "held Moscow responsible" parsed with Moscow as the verb's object; a list the
            # parser cut across both ("hold Mr. A, Mr. B and Mr. C responsible") gives both
            targets = [c for c in comp.children if c.dep_ == "nsubj"] + \
                [c for c in verb.children if c.dep_ in OBJ]
            for target in targets:
                for obj in argument_mentions(target, index):
                    for subj in frame.subjects:
                        if subj.entity != obj.entity:
                            yield Fact(subject=subj, relation=rel, object=obj,
                                       sentence=view.record(), rule="verb-hold-complement",
                                       factuality=frame.factuality,
                                       reported_by=frame.reported_by)


@rule("verb-refused-request", stage=Stage.VERB)
def refused_request(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """Refusing a request rejects its maker, who requested it of the refuser.

    "The UN requested access, but Myanmar refused the requests": Myanmar rejected the
    UN, the UN requested Myanmar; "Serbia rejected Kosovo's request" likewise.
    """
    index, cues = ctx.index, ctx.cues
    frames = verb_frames(view, ctx)
    for frame in frames:
        verb = frame.verb
        if cues.verbs.get(verb.lemma_.lower()) != REL.rejected or frame.passive:
            continue
        for noun in (c for c in verb.children if c.dep_ in OBJ):
            if cues.nouns.get(noun.lemma_.lower()) != REL.requested or \
                    index.mention_at(noun) is not None:
                continue
            # dobj request -> poss / prep of -> pobj (the requester named on the noun)
            makers = [m for c in noun.children if c.dep_ == "poss"
                      for m in argument_mentions(c, index)] + \
                [m for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "from"}
                 for o in p.children if o.dep_ == "pobj" for m in argument_mentions(o, index)]
            # the request's own factuality: its verb's, else the refusal's
            makers_fact = [(m, frame.factuality) for m in makers]
            if not makers:
                # a coordinated request verb: "X requested access, but Y refused the requests"
                makers_fact = [(m, other.factuality) for other in frames
                               if other.verb != verb and not other.passive
                               and cues.verbs.get(other.verb.lemma_.lower()) == REL.requested
                               and other.verb in verb.conjuncts
                               for m in other.subjects]
            for maker, asked in makers_fact:
                for refuser in frame.subjects:
                    if maker.entity == refuser.entity:
                        continue
                    for s, rel, o, fact in ((refuser, REL.rejected, maker, frame.factuality),
                                            (maker, REL.requested, refuser, asked)):
                        yield Fact(subject=s, relation=rel, object=o, sentence=view.record(),
                                   rule="verb-refused-request", factuality=fact,
                                   reported_by=frame.reported_by)


@rule("clause-while-in", stage=Stage.DERIVED)
def while_in(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A person speaking or acting "while in" a place is visiting it.

    "Mirzoyan said while in Paris that talks had stalled": Mirzoyan visited Paris.
    """
    index = ctx.index
    frames = {f.verb: f for f in verb_frames(view, ctx)}
    for tok in view.tokens:
        # CLAUSE -> mark while + prep in (next word) -> pobj place
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.lower_ != "while" or tok.dep_ not in {"mark", "prep"} or nxt is None or \
                nxt.lower_ != "in" or nxt.dep_ != "prep" or tok.head not in {nxt, nxt.head}:
            continue
        clause = nxt.head
        own = [c for c in clause.children if c.dep_ == "nsubj"]
        # between a verb and its clause ("said while in Paris that ..."), the phrase is
        # the verb's; otherwise the clause's own ("While in Paris, X met Y")
        host = clause.head if clause.dep_ in {"advcl", "ccomp"} and \
            clause.head.i < tok.i and all(tok.i < c.i for c in own) else clause
        frame = frames.get(host)
        if frame is None or frame.passive:
            continue
        places = [m for p in nxt.children if p.dep_ == "pobj"
                  for m in argument_mentions(p, index)
                  if index.entity(m).cls in _PLACE_CLASSES - {"Facility", "Place"}]
        for person in frame.subjects:
            if index.entity(person).cls != "Person":
                continue
            for place in places:
                yield from phrase_mentions.fact(person, REL.visited, place, view,
                                                "clause-while-in", frame=frame)
