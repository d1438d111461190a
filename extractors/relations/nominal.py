"""Nominal events: facts stated by an event noun and its arguments.

"US airstrikes on KH facilities", "the attack on Taji by X", "X's sanctions against Y",
"the assassination of X": the noun names the relation, a possessive, a name modifier or a
"by" phrase names the agent, and a preposition that the relation selects names the target.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extractors.relations.arguments import PHYSICAL, argument_mentions
from extractors.relations.clauses import subjects
from extractors.entities import EntityIndex
from extractors.relations.factuality import noun_factuality
from extractors.records import Factuality, Mention
from extractors.relations.words import words
from ontology.classes import subclasses_of

_ACTOR_CLASSES = subclasses_of("Actor") - {"Actor"}


def event_noun(tok: Token, nouns: dict[str, str]) -> tuple[Token, str] | None:
    """The event noun a token names, through quantity nouns, and its relation."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    rel = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)
    if rel is not None and tok.ent_type_ not in {"ORG", "GPE", "PERSON", "FAC", "LOC"}:
        return tok, rel
    # "a series of airstrikes": the quantity noun stands for its event
    if tok.lemma_.lower() in words("quantity_nouns") or tok.lower_ in words("quantity_nouns"):
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return event_noun(pobj, nouns)
    return None


def coordinated_names(tok: Token, index: EntityIndex) -> list[Mention]:
    """Mentions of a name token and its coordinated names."""
    out = []
    for t in (tok, *tok.conjuncts):
        m = index.mention_at(t)
        if m is not None and m not in out:
            out.append(m)
    return out


def _is_actor(m: Mention, index: EntityIndex) -> bool:
    return index.entity(m).cls in _ACTOR_CLASSES


def _event_hosts(noun: Token) -> list[Token]:
    """The noun and the quantity nouns above it, which carry its arguments too."""
    hosts = [noun]
    tok = noun
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in words("quantity_nouns"):
        tok = tok.head.head
        hosts.append(tok)
    return hosts


def event_agents(noun: Token, rel: str, index: EntityIndex, cues) -> list[Mention]:
    """Who carried out the event a noun names, when the text makes it explicit."""
    out: list[Mention] = []
    modifiers: list[Mention] = []
    for host in _event_hosts(noun):
        for c in host.children:
            # "the attack on X by Y"
            if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
                # "by the Sudanese army": a force stands for its country
                out.extend(m for p in c.children if p.dep_ == "pobj"
                           for m in argument_mentions(p, index))
            # "an attack attributed to Y", "a strike claimed by Y"
            elif c.dep_ in {"acl", "relcl"} and c.lemma_ in words("attribution_participles"):
                for prep in c.children:
                    if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "on", "by"}:
                        out.extend(m for p in prep.children if p.dep_ == "pobj"
                                   for m in coordinated_names(p, index))
            # "Israel's strikes", "US airstrikes", "Turkish drone strikes"
            elif c.dep_ in {"poss", "compound", "amod", "nmod"}:
                modifiers.extend(m for m in coordinated_names(c, index) if _is_actor(m, index))
    # "Kennedy's assassination" names the victim; "Israel's killing of X" the killer
    patient_first = rel in cues.possessive_objects and not _has_of_object(noun)
    return [m for m in out + ([] if patient_first else modifiers) if _is_actor(m, index)]


def _has_of_object(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" and
               any(p.dep_ == "pobj" for p in c.children) for c in noun.children)


def event_targets(noun: Token, rel: str, index: EntityIndex, cues) -> list[Mention]:
    """Whom or what the event a noun names was directed at: a group's things stand for
    the group only for physical acts ("strikes on Hezbollah positions", but "sanctions on
    officials of X" do not sanction X)."""
    preps = cues.target_preps.get(rel, frozenset())
    if noun.lemma_.lower() in cues.of_object_nouns or noun.lower_ in cues.of_object_nouns:
        preps = preps | {"of"}  # "the invasion of Ukraine"
    out: list[Mention] = []
    for host in _event_hosts(noun):
        for c in host.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(argument_mentions(p, index, physical=rel in PHYSICAL))
    # "Kennedy's assassination", "the Soleimani killing": the modifier is the victim
    if rel in cues.possessive_objects and not _has_of_object(noun):
        for c in noun.children:
            if c.dep_ in {"poss", "compound"}:
                out.extend(coordinated_names(c, index))
    return out


def culprit_tokens(noun: Token) -> list[Token]:
    """Who the sentence holds to have done the event a noun names.

    "X was convicted of the killing", "X claimed responsibility for the attack",
    "X had been responsible for attacks on Y", "the US blames X for the attack", "X was
    behind the attack on Y".
    """
    tok = noun
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.ent_type_ == "DATE":
        tok = tok.head   # "for the January 20, 2019, attack": the parser hung it on the date
    if tok.dep_ != "pobj" or tok.head.lower_ not in words("culprit_prepositions"):
        return []
    prep = tok.head
    host = prep.head
    # "X was behind the attack"
    if prep.lower_ == "behind" and host.lemma_ == "be":
        return subjects(host)[0]
    # "X was responsible for", "X claimed responsibility for", "a mastermind behind attacks"
    if host.pos_ != "VERB" and host.lemma_ in words("culpability_words"):
        own = [c for c in host.children if c.dep_ == "nsubj"]
        if own:
            return own
        verb = host.head
        if host.dep_ in {"acomp", "dobj", "attr"} and verb.pos_ in {"VERB", "AUX"}:
            return subjects(verb)[0]
        # "X was among those responsible for", "X was among the group responsible for"
        if host.dep_ == "amod" and verb.dep_ == "pobj" and verb.head.lower_ == "among" \
                and verb.head.head.lemma_ == "be":
            return subjects(verb.head.head)[0]
        return []
    # "was convicted of the killing", "the US blames KH for the attack"
    if host.pos_ == "VERB" and host.lemma_ in words("culprit_verbs"):
        toks, passive = subjects(host)
        if passive:
            return toks
        return [c for c in host.children if c.dep_ in {"dobj", "obj"}]
    return []


def light_verb_subject(noun: Token) -> Token | None:
    """The subject of a light verb whose object is the event ("X launched strikes on Y")."""
    tok = noun
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in words("quantity_nouns"):
        tok = tok.head.head
    if tok.dep_ in {"dobj", "obj"} and tok.head.pos_ == "VERB" and \
            tok.head.lemma_ in words("light_verbs"):
        return tok.head
    # response in kind: "X responded with strikes on Y", "retaliated with airstrikes"
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ == "VERB" \
            and tok.head.head.lemma_ in words("response_verbs"):
        return tok.head.head
    return None


def explicit_agents(tok: Token, rel: str, index: EntityIndex, cues, mentions, subject_mentions
                    ) -> tuple[list[Mention], str]:
    """The agents the sentence gives an event noun, and the rule that found them."""
    agents = event_agents(tok, rel, index, cues)
    if agents:
        return agents, "nominal-event"
    # the sentence names who did it: "X was responsible for attacks on Y"
    agents = [m for c in culprit_tokens(tok) for m in mentions(c)]
    if agents:
        return agents, "nominal-culprit"
    light = light_verb_subject(tok)
    if light is not None:
        # light verb: "carried out an attack on X", "imposed sanctions on Y"
        return subject_mentions(light), "nominal-light-verb"
    return [], ""


@dataclass
class EventMemory:
    """Who did the events a document has named, for definite references back to them.

    "The U.S. launched airstrikes on KH. ... The strikes killed 25 fighters": "the
    strikes" refers to the last strikes whose agent was named, a sentence or two before.
    """

    window: int = 2
    _events: list = field(default_factory=list)  # (token index, sentence no, rel, plural, agents)
    _sentence_no: int = 0
    target_preps: frozenset[str] = frozenset()  # the prepositions of any relation's target

    def scan(self, sent: Span, index: EntityIndex, cues, mentions,
             subject_mentions) -> None:
        """Remember the asserted event nouns of a sentence that name their agent."""
        self._sentence_no += 1
        self.target_preps = frozenset().union(*cues.target_preps.values())
        for tok in sent:
            found = event_noun(tok, cues.nouns) if tok.pos_ == "NOUN" else None
            if found is None or found[0] is not tok:
                continue
            agents, _ = explicit_agents(tok, found[1], index, cues, mentions, subject_mentions)
            if agents and noun_factuality(tok, sent) == Factuality.ASSERTED:
                self._events.append((tok.i, self._sentence_no, found[1], tok.tag_ == "NNS",
                                     agents, target_words(tok, self.target_preps)))

    def note_verb(self, verb: Token, rel: str, agents: list[Mention],
                  targets: frozenset[str] = frozenset()) -> None:
        """Remember an asserted event told by a verb ("the junta bombed a village")."""
        self._events.append((verb.i, self._sentence_no, rel, None, agents, targets))

    def recall(self, noun: Token, rel: str) -> list[Mention]:
        """The agents of the event a definite event noun refers back to, if clear."""
        if not any(c.dep_ == "det" and c.lower_ in words("definite_determiners")
                   for c in noun.children):
            return []
        if any(c.dep_ in {"compound", "amod", "poss"} and c.ent_type_ for c in noun.children):
            return []  # a modifier names another event: "the Kirkuk attack"
        # "the attack on the ferry" is the earlier event whose target was the ferry
        wanted = target_words(noun, self.target_preps)
        for i, no, r, plural, agents, targets in reversed(self._events):
            if i >= noun.i:
                continue
            if self._sentence_no - no > self.window:
                break
            if r == rel and plural in {None, noun.tag_ == "NNS"} and \
                    (not wanted or not targets or wanted & targets):
                return agents
        return []


def target_words(event: Token, preps: frozenset[str]) -> frozenset[str]:
    """The head nouns an event names as its target: "the attack on the ferry" -> {"ferry"}.

    For a verb, its direct objects and the objects of its target phrase ("fired at a ferry").
    """
    if event.pos_ in {"VERB", "AUX"}:
        heads = [c for c in event.children if c.dep_ in {"dobj", "obj"}]
    else:
        heads = []
    heads += [p for prep in event.children if prep.dep_ == "prep" and
              prep.lower_ in preps for p in prep.children if p.dep_ == "pobj"]
    # common nouns only: "the strikes on Rafah" may well be part of "bombed Gaza"
    return frozenset(h.lemma_.lower() for h in heads if h.pos_ == "NOUN" and not h.ent_type_)
