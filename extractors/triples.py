"""Subject-relation-object facts from the dependency parse.

Each rule reads one pattern of English and names itself in the facts it yields, so an
error in the graph can be traced to the rule that made it.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extractors.arguments import (all_mentions, argument_mentions, co_arguments, conjuncts,
                                  described, list_members, name_mentions)
from extractors.clauses import OBJ, OBJECT_CONTROL, shared_objects, subjects
from extractors.entities import EntityIndex
from extractors.factuality import SPEECH_VERBS, clause_head, factuality, reporter_token
from extractors.nominal import (LIGHT_VERBS, RESPONSE_VERBS, TARGET_PREPS, EventMemory,
                                event_agents, event_noun, nominal_facts)
from extractors.records import Fact, Factuality, Mention, Sentence

# verbs that say nothing of their own about the relation of two entities
_EMPTY_VERBS = {"be", "have", "include", "become", "do", "get", "make", "take", "give",
                "see", "use", "come", "go", "remain", "involve", "contain", "seem", "let",
                "follow", "mark", "lead", "cause", "help", "bring", "put", "keep", "show"}
# prepositions that attach time, place, manner or cause, not an argument
_ADJUNCT_PREPS = {"in", "on", "at", "during", "after", "before", "since", "until", "over",
                  "near", "inside", "outside", "across", "throughout", "amid", "despite",
                  "according", "within", "because", "as", "like", "for", "of", "by",
                  "following", "including", "without", "under", "around", "about", "than",
                  "via", "through", "per", "among", "beside", "besides", "while", "ago"}
# relations an act of violence or coercion can be threatened with ("threatened to strike X")
_HOSTILE = {"attacked", "killed", "injured", "sanctioned"}
# verbs whose infinitive states a threat ("threatened to attack", "vowed to hit")
_THREAT_VERBS = {"threaten", "vow", "warn", "pledge", "promise", "swear"}
# verbs whose object is a weapon that acts for the one who used it
_FIRING_VERBS = {"fire", "launch", "plant", "detonate", "drop", "throw", "shoot", "lob", "fly"}
# verbs of violence that kill when done "fatally" or "to death"
_LETHAL_MANNER = {"wound", "injure", "shoot", "stab", "beat", "gun", "hack", "bludgeon", "burn",
                  "strangle", "club", "stone", "hang", "poison"}
_PLACE_CLASSES = {"Country", "City", "Region", "Facility", "Place"}
# relations whose object can be a group's places and things
_PHYSICAL = {"attacked", "withdrewFrom", "visited"}
# verbs that sanction only when the label is a terrorist one ("designated X a terrorist group")
_LABELLING_VERBS = {"designate", "list"}
# relations whose object may be an event, standing for its agent
_JUDGING = {"condemned", "rejected"}
# receiving these from someone means being supported by them
_RECEIVING_VERBS = {"receive", "get", "obtain", "accept", "acquire"}
_AID_NOUNS = {"weapon", "weapons", "arms", "money", "aid", "assistance", "training", "equipment",
              "fund", "funds", "funding", "financing", "ammunition", "drone", "drones",
              "missile", "missiles", "backing", "support", "supply", "supplies"}
# relations whose events later sentences refer back to ("the airstrike", "the killing")
_EVENT_RELATIONS = {"attacked", "killed", "injured", "sanctioned"}
# relations that hold both ways ("met", "cooperated")
_SYMMETRIC = {"contacted", "cooperatedWith"}
# relations an event does for its agent ("the strike killed X")
_VIOLENT = {"attacked", "killed", "injured"}
_PRONOUNS = {"it", "they", "we", "he", "she"}


@dataclass(frozen=True)
class Cues:
    """The part of the ontology's cue table the verb and noun rules need."""

    verbs: dict[str, str]
    verb_phrases: dict[tuple[str, ...], str]
    nouns: dict[str, str] = field(default_factory=dict)


def _sentence(sent: Span, doc_text: str | None = None) -> Sentence:
    """The record of a sentence; ``doc_text`` (the Doc's text, read once) saves rebuilding it."""
    raw = (doc_text if doc_text is not None else sent.doc.text)[sent.start_char:sent.end_char]
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return Sentence(text=" ".join(text.split()), start=start, end=start + len(text))


def _subject_mentions(tok: Token, index: EntityIndex, cues: Cues, expand: bool = True,
                      memory: EventMemory | None = None) -> list[Mention]:
    """Mentions of a subject; an event noun stands for its agent, if the text names one.

    "The U.S. strike killed X" gives the U.S.; "the Kirkuk attack killed X" gives no one;
    "X fired the missile that killed Y" gives X.
    """
    out: list[Mention] = []
    for t in conjuncts(tok) if expand else [tok]:
        found = event_noun(t, cues.nouns) if index.mention_at(t) is None else None
        if found is not None:
            agents = event_agents(found[0], found[1], index)
            if not agents and memory is not None:
                agents = memory.recall(found[0], found[1])
            out.extend(m for m in agents if m not in out)
            continue
        found_m = argument_mentions(t, index, expand=False) if expand else described(t, index)
        if not found_m and t.dep_ in OBJ and t.head.lemma_ in _FIRING_VERBS:
            # a weapon fired by someone: "X fired the shots that killed Y"
            found_m = [m for s in subjects(t.head)[0] if not subjects(t.head)[1]
                       for m in argument_mentions(s, index)]
        out.extend(m for m in found_m if m not in out)
    return out


def _speaker_fallback(subj_toks: list[Token], verb: Token, index: EntityIndex) -> list[Mention]:
    """An unresolved pronoun subject of a reported clause is the speaker's.

    "Hamas said it would strike Ashdod": "it" is Hamas.
    """
    if len(subj_toks) != 1 or subj_toks[0].lower_ not in _PRONOUNS:
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


def _lethal(verb: Token) -> bool:
    """Whether a violent verb is marked as killing: "fatally shot", "beaten to death"."""
    for c in [*verb.children, *(g for o in verb.children if o.dep_ in OBJ for g in o.children)]:
        if c.dep_ == "advmod" and c.lower_ in {"fatally", "mortally", "dead"}:
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


def _phrase(lemma: str, words: list[str], preps: tuple[str, ...], cues: Cues) -> str | None:
    """The longest cue phrase that reaches the object: "carry out strike on" before "carry"."""
    for n in range(len(words), 1, -1):
        cands = [(lemma, *words[-n + 1:])] if n - 1 >= len(preps) else []
        if n == len(words):
            cands.insert(0, tuple(words))
        for cand in cands:
            rel = cues.verb_phrases.get(cand)
            if rel is not None:
                return rel
    return None


def _relation(verb: Token, preps: tuple[str, ...], dobj: Token | None, cues: Cues,
              has_dobj: bool = False) -> tuple[str, bool] | None:
    """The relation a verb expresses with an object reached through ``preps``.

    Returns (relation, is_open), or None when the object is not an argument of the
    relation the verb expresses ("attacked Riyadh from Iraq": Iraq is not attacked).
    """
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if not preps and lemma in _LETHAL_MANNER and _lethal(verb):
        return "killed", False  # "was shot to death", "fatally stabbed"
    words = [lemma, *particles]
    if dobj is not None:
        words.append(dobj.lemma_.lower())
    words.extend(preps)
    # light verb with an event object: "launched strikes against X", "imposed sanctions on Y"
    if dobj is not None and preps and lemma in LIGHT_VERBS | RESPONSE_VERBS:
        found = event_noun(dobj, cues.nouns)
        if found is not None and preps[-1] in TARGET_PREPS.get(found[1], ()):
            return found[1], False
    # a cue may name its object noun in the plural: "hold talks with"
    alt = [*words[:len(words) - len(preps) - 1], dobj.lower_, *preps] if dobj is not None else None
    for ws in ([words, alt] if alt and alt != words else [words]):
        found = _phrase(lemma, ws, preps, cues)
        if found is not None:
            return found, False
    base = cues.verb_phrases.get((lemma, *particles)) if particles else cues.verbs.get(lemma)
    if lemma in _LABELLING_VERBS and not _terror_label(verb):
        return None  # "re-designated the prototype as X" is no sanction
    if not preps:
        return (base, False) if base else ("_".join([lemma, *particles]), True)
    if base is not None:
        # a bare cue verb takes a prepositional target only through its own preposition
        # ("struck at the base"); other phrases are adjuncts of time, place or source
        ok = dobj is None and not has_dobj and preps[-1] in TARGET_PREPS.get(base, ())
        return (base, False) if ok else None
    if dobj is not None:
        return None  # a preposition on the object counts only in a cue phrase
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


def _passive_agents(verb: Token, index: EntityIndex, cues: Cues,
                    memory: EventMemory | None = None) -> list[Mention]:
    """The agent of a passive verb: "by Y", or the agent of the event it happened in."""
    out: list[Mention] = []
    for c in verb.children:
        # "was killed by Y", "was killed by a U.S. drone strike"
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_subject_mentions(p, index, cues, memory=memory))
    if out:
        return out
    for c in verb.children:
        # agentless passive whose event is named: "were killed in a Turkish drone strike"
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "by"}:
            for p in c.children:
                found = event_noun(p, cues.nouns) if p.dep_ == "pobj" else None
                if found is not None:
                    out.extend(event_agents(found[0], found[1], index) or
                               (memory.recall(found[0], found[1]) if memory else []))
    if not out and (agent := index.agent_of(verb)) is not None:
        out.append(agent)  # the agent the text established for this act (references)
    return out


def _verb_objects(verb: Token, passive: bool, subj_toks: list[Token], index: EntityIndex
                  ) -> list[tuple[Token, tuple[str, ...], Token | None]]:
    """Argument tokens of a verb, with the prepositions that reach them."""
    if passive:
        # "X was killed by Y": X is the object
        objects = [(t, (), None) for t in subj_toks]
    else:
        objects = [(c, (), None) for c in verb.children if c.dep_ in OBJ]
    dobjs = [c for c in verb.children if c.dep_ in OBJ]
    if len(dobjs) > 1 and any(index.mention_at(d) for d in dobjs):
        # a second "object" beside a name describes it: "wounded Connally, then the governor"
        objects = [o for o in objects if o[0] not in dobjs or index.mention_at(o[0])]
    if passive or dobjs:
        objects.extend((t, (), None) for t in co_arguments(verb))
    if passive and all(index.mention_at(t) is None for t in subj_toks):
        # "Some were sanctioned by the US, including X": the list names the subject's
        # members even when the parse hangs it on the agent
        for agent in verb.children:
            if agent.dep_ == "agent":
                objects.extend((t, (), None) for p in agent.children if p.dep_ == "pobj"
                               for t in list_members(p))
    # prepositional objects, on the verb or on its direct object ("launched strikes on X")
    # a passive verb's object is its subject; its prepositions give place and time
    hosts = [verb, *dobjs] if not passive else []
    for host in hosts:
        for prep in host.children:
            if prep.dep_ not in {"prep", "dative"} or (prep.lower_ == "by" and passive) or \
                    prep.lower_ in {"including", "along", "together"}:
                continue
            for pobj, words in _prep_objects(prep):
                objects.append((pobj, words, host if host is not verb else None))
    return objects


def _reporter(verb: Token, index: EntityIndex) -> Mention | None:
    """The mention of the source a clause is reported from ("Ukrainian officials said")."""
    rep = reporter_token(verb)
    if rep is None:
        return None
    found = argument_mentions(rep, index)
    return found[0] if found else None


def verb_facts(sent: Span, index: EntityIndex, cues: Cues, memory: EventMemory | None = None,
               sentence: Sentence | None = None) -> Iterator[Fact]:
    """Facts whose predicate is a verb: active, passive, prepositional objects.

    ``memory`` holds the document's earlier events, for "the strikes" without an agent.
    """
    sentence = sentence or _sentence(sent)
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        subj_toks, passive = subjects(verb)
        if passive:
            subj_mentions = _passive_agents(verb, index, cues, memory)
            rule = "verb-passive"
        else:
            # the noun a relative clause or participle modifies, without its coordinates
            own = verb.dep_ in {"relcl", "acl"} or clause_head(verb).dep_ in {"relcl", "acl"}
            subj_mentions = [m for t in subj_toks
                             for m in _subject_mentions(t, index, cues, not own, memory)]
            subj_mentions = subj_mentions or _speaker_fallback(subj_toks, verb, index)
            rule = "verb-active" if verb.dep_ != "relcl" else "verb-relative"
        if not subj_mentions:
            continue
        # an event's agent did what the event did only when it is violence: "the strike
        # killed X" gives the striker; "the strike angered X" does not
        event_subject = not passive and any(
            index.mention_at(t) is None and event_noun(t, cues.nouns) for t in subj_toks)
        # an open relation holds only between names that are the verb's own arguments
        name_toks = [p for a in verb.children if a.dep_ == "agent" for p in a.children
                     if p.dep_ == "pobj"] if passive else subj_toks
        named_subj = [m for m in subj_mentions
                      if m in name_mentions(name_toks, index)
                      or m not in all_mentions(name_toks, index)]
        objects = _verb_objects(verb, passive, subj_toks, index)
        shared = [(o, (), None) for o in shared_objects(verb)] if not passive else []
        fact_base = factuality(verb, sent)
        reported_by = _reporter(verb, index)
        has_dobj = any(c.dep_ in OBJ for c in verb.children)
        event_dobjs = [c for c in verb.children if c.dep_ in OBJ and event_noun(c, cues.nouns)]
        bare = _relation(verb, (), None, cues)
        yield from _reciprocal_facts(verb, bare, subj_mentions, event_dobjs, cues, sentence,
                                     fact_base, reported_by)
        if bare is not None and not bare[1] and bare[0] in _EVENT_RELATIONS \
                and fact_base == Factuality.ASSERTED:
            _note_event(verb, bare[0], subj_mentions, passive, cues, memory)
        for obj_tok, preps, dobj in objects + shared:
            if _receives_aid(verb, preps, cues):
                yield from _aid_facts(obj_tok, subj_mentions, index, sentence, fact_base,
                                      reported_by)
                continue
            if dobj is None and preps and event_dobjs:
                # "launched strikes against X" with the phrase hung on the verb
                dobj = event_dobjs[0]
            found = _relation(verb, preps, dobj, cues, has_dobj)
            if found is None:
                continue
            relation, is_open = found
            if event_subject and (is_open or relation not in _VIOLENT):
                continue
            is_shared = (obj_tok, preps, dobj) in shared
            if is_open and not _open_ok(verb, preps, dobj, has_dobj, is_shared):
                continue
            fact = fact_base
            # "asked Hezbollah to send X": the guideline reads the request as the sending
            if relation == "sent" and verb.dep_ == "xcomp" and verb.head.lemma_ in OBJECT_CONTROL:
                fact = Factuality.ASSERTED if factuality(verb.head, sent) == Factuality.ASSERTED \
                    else fact
            threat = _threat_source(verb, relation, fact, sent)
            if relation in _EVENT_RELATIONS and not is_open and fact == Factuality.ASSERTED:
                _note_event(verb, relation, subj_mentions, passive, cues, memory)
            if relation == "sent" and not preps:
                yield from _envoy_visits(verb, obj_tok, index, sentence, fact, reported_by)
            objs = argument_mentions(obj_tok, index, physical=relation in _PHYSICAL)
            if relation in _JUDGING and not objs:
                # condemning an event condemns who did it: "Iraq condemned the strikes"
                objs = _subject_mentions(obj_tok, index, cues, memory=memory) or \
                    _characterised_agent(verb, index)
            if is_open:
                objs = [m for m in objs if m in name_mentions([obj_tok], index)]
            for obj in objs:
                for subj in named_subj if is_open else subj_mentions:
                    if subj.entity == obj.entity:
                        continue
                    yield Fact(subject=subj, relation=relation, object=obj, sentence=sentence,
                               rule=rule + ("-prep" if preps else ""), open=is_open,
                               factuality=fact, reported_by=reported_by)
                    if relation == "visited" and index.entity(obj).cls == "Person" and \
                            len(obj.text.split()) > 1:
                        # visiting a person is meeting them
                        yield Fact(subject=subj, relation="contacted", object=obj,
                                   sentence=sentence, rule="verb-visit-person",
                                   factuality=fact, reported_by=reported_by)
                    if threat is not None:
                        yield Fact(subject=subj, relation="threatened", object=obj,
                                   sentence=sentence, rule="verb-threat-" + threat,
                                   factuality=threat_factuality(verb, threat, sent),
                                   reported_by=reported_by)


def _receives_aid(verb: Token, preps: tuple[str, ...], cues: Cues) -> bool:
    """Whether an object is the giver in "received weapons and support from X"."""
    if preps != ("from",) or verb.lemma_ not in _RECEIVING_VERBS:
        return False
    gifts = [c for c in verb.children if c.dep_ in OBJ]
    return any(g.lemma_.lower() in _AID_NOUNS or cues.nouns.get(g.lemma_.lower()) == "supported"
               for d in gifts for g in conjuncts(d))


def _aid_facts(giver_tok: Token, receivers: list[Mention], index: EntityIndex,
               sentence: Sentence, fact: Factuality, reported_by: Mention | None
               ) -> Iterator[Fact]:
    """ "X received weapons from Y": Y supported X."""
    for giver in argument_mentions(giver_tok, index):
        for receiver in receivers:
            if giver.entity != receiver.entity:
                yield Fact(subject=giver, relation="supported", object=receiver,
                           sentence=sentence, rule="verb-receive-aid", factuality=fact,
                           reported_by=reported_by)


def _reciprocal_facts(verb: Token, bare: tuple[str, bool] | None, parties: list[Mention],
                      event_dobjs: list[Token], cues: Cues, sentence: Sentence,
                      fact: Factuality, reported_by: Mention | None) -> Iterator[Fact]:
    """Coordinated parties of a symmetric act with no object met each other.

    "Putin and Xi met in Moscow", "Egypt and Qatar held talks on Sunday".
    """
    rel = bare[0] if bare is not None and not bare[1] else None
    if rel is None and verb.lemma_ in LIGHT_VERBS:
        found = [event_noun(d, cues.nouns) for d in event_dobjs]
        rel = next((f[1] for f in found if f is not None), None)
        if any(p.dep_ == "prep" for d in event_dobjs for p in d.children if p.lower_ == "with"):
            return  # "held talks with X": the object is named
    other_objects = [c for c in verb.children if c.dep_ in OBJ and c not in event_dobjs]
    if rel not in _SYMMETRIC or len(parties) < 2 or other_objects:
        return
    if any(p.dep_ == "prep" and p.lower_ == "with" for p in verb.children):
        return
    for i, a in enumerate(parties):
        for b in parties[i + 1:]:
            if a.entity != b.entity:
                yield Fact(subject=a, relation=rel, object=b, sentence=sentence,
                           rule="verb-reciprocal", factuality=fact, reported_by=reported_by)


def _characterised_agent(verb: Token, index: EntityIndex) -> list[Mention]:
    """The agent a characterisation names: "decried the strikes as an act by the coalition"."""
    return [m for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for noun in prep.children if noun.dep_ == "pobj"
            for by in noun.children if by.dep_ == "prep" and by.lower_ == "by"
            for agent in by.children if agent.dep_ == "pobj"
            for m in argument_mentions(agent, index)]


def _note_event(verb: Token, relation: str, agents: list[Mention], passive: bool, cues: Cues,
                memory: EventMemory | None) -> None:
    """Remember an asserted violent act told by a verb, for "the airstrike" later on.

    A verb whose object is itself an event noun ("launched airstrikes") is remembered
    through that noun, which keeps its number.
    """
    if memory is None or passive:
        return
    if any(c.dep_ in OBJ and event_noun(c, cues.nouns) for c in verb.children):
        return
    memory.note_verb(verb, relation, agents)


def _envoy_visits(verb: Token, obj_tok: Token, index: EntityIndex, sentence: Sentence,
                  fact: Factuality, reported_by: Mention | None) -> Iterator[Fact]:
    """A person sent to a place went there: "Iran sent Larijani to Beirut"."""
    places = [m for prep in verb.children if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to"
              for p in prep.children if p.dep_ == "pobj" for m in argument_mentions(p, index)
              if index.entity(m).cls in _PLACE_CLASSES]
    for person in argument_mentions(obj_tok, index):
        if index.entity(person).cls != "Person":
            continue
        for place in places:
            yield Fact(subject=person, relation="visited", object=place, sentence=sentence,
                       rule="verb-sent-to", factuality=fact, reported_by=reported_by)


def threat_factuality(verb: Token, how: str, sent: Span) -> Factuality:
    """The factuality of the threat itself: that of the verb that makes it."""
    v = verb
    while v.dep_ in {"xcomp", "conj"} and how == "speech" and v.head.pos_ in {"VERB", "AUX"}:
        v = v.head
    return factuality(v.head, sent)


def _threat_source(verb: Token, relation: str, fact: Factuality, sent: Span) -> str | None:
    """Whether a planned or hypothetical hostile act is itself a threat.

    "threatened to attack X" and "X said it would strike Y" are threats; "might strike"
    in the writer's own voice is not.
    """
    if relation not in _HOSTILE or fact == Factuality.ASSERTED or fact == Factuality.NEGATED:
        return None
    # infinitive of a threat verb: "vowed to hit U.S. forces"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _THREAT_VERBS:
        return "xcomp"
    # a future or plan announced by the actor itself: "the group said it will target the
    # base", "says it is preparing to fight the Americans"
    v = verb
    while v.dep_ in {"xcomp", "conj"} and v.head.pos_ in {"VERB", "AUX"}:
        v = v.head
    if v.dep_ == "ccomp" and v.head.lemma_ in SPEECH_VERBS | _THREAT_VERBS:
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ in _PRONOUNS | {"i"}:
            return "speech"
    return None


def _open_ok(verb: Token, preps: tuple[str, ...], dobj: Token | None, has_dobj: bool,
             shared: bool) -> bool:
    """Whether an open relation is precise enough to keep: a real argument of a content verb."""
    lemma = verb.lemma_.lower()
    if lemma in _EMPTY_VERBS or lemma in SPEECH_VERBS or shared or dobj is not None:
        return False
    if preps:
        # adjuncts of a transitive verb are not its arguments; time and place are not either
        return not has_dobj and preps[0] not in _ADJUNCT_PREPS
    return True


def accusation_facts(sent: Span, sentence: Sentence, index: EntityIndex, cues: Cues
                     ) -> Iterator[Fact]:
    """A source that says a party is behind or responsible for something accuses it.

    "Iraq said Israel was behind the explosions", "the ministry said Hamas was responsible
    for the blast": the speaker accused the party.
    """
    for tok in sent:
        pred = _culpability_predicate(tok, cues)
        if pred is None or pred.dep_ != "ccomp" or pred.head.lemma_ not in SPEECH_VERBS | {"warn"}:
            continue
        speaker = reporter_token(pred)
        speakers = argument_mentions(speaker, index) if speaker is not None else []
        accused = [m for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"}
                   for m in argument_mentions(c, index)]
        fact = factuality(pred, sent)
        for s in speakers:
            for a in accused:
                if s.entity != a.entity:
                    yield Fact(subject=s, relation="accused", object=a, sentence=sentence,
                               rule="clause-culpability", factuality=fact)


def _culpability_predicate(tok: Token, cues: Cues) -> Token | None:
    """The clause verb of "X was behind / responsible for / involved in (an attack)"."""
    if tok.lower_ == "behind" and tok.dep_ == "prep" and tok.head.lemma_ == "be":
        return tok.head
    if tok.lemma_ in {"responsible", "guilty", "culpable"} and tok.dep_ == "acomp":
        return tok.head
    if tok.lemma_ == "involve" and any(c.dep_ == "auxpass" for c in tok.children):
        # only involvement in a violent event: "involved in the attack"
        if any(p.dep_ == "prep" and p.lower_ == "in" and
               any((event_noun(o, cues.nouns) or ("", ""))[1] in _EVENT_RELATIONS
                   for o in p.children if o.dep_ == "pobj")
               for p in tok.children):
            return tok
    return None


def extract_facts(doc, index: EntityIndex, cues: Cues, *, skip: set[int] = frozenset()
                  ) -> list[Fact]:
    """All facts of a Doc, deduplicated, in sentence order.

    ``skip`` holds the start offsets of sentences to leave out (boilerplate).
    """
    out: list[Fact] = []
    seen = set()
    memory = EventMemory()
    doc_text = doc.text

    def mentions(tok: Token) -> list[Mention]:
        return argument_mentions(tok, index, physical=True)

    def light_subjects(verb: Token) -> list[Mention]:
        toks, passive = subjects(verb)
        return [] if passive else [m for t in toks for m in _subject_mentions(t, index, cues)]

    for sent in doc.sents:
        if sent.start_char in skip:
            continue
        sentence = _sentence(sent, doc_text)
        if not sentence.text:
            continue
        if cues.nouns:
            memory.scan(sent, index, cues.nouns, mentions, light_subjects)
        facts = list(verb_facts(sent, index, cues, memory, sentence))
        facts.extend(accusation_facts(sent, sentence, index, cues))
        if cues.nouns:
            facts.extend(nominal_facts(sent, sentence, index, cues.nouns, mentions,
                                       light_subjects, memory))
        for fact in facts:
            key = (fact.subject.entity, fact.relation, fact.object.entity, fact.sentence.start,
                   fact.factuality)
            if key not in seen:
                seen.add(key)
                out.append(fact)
    return out
