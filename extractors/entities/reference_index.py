"""What reference resolution reads and returns: the ``References`` result, the words it
uses (``Vocab``), the names found so far (``ReadingIndex``) and the helpers every kind of
reference shares (subjects, candidate mentions, class fit).

Used by :mod:`extractors.entities.coref`, :mod:`extractors.entities.plural_references`
and :mod:`extractors.entities.speakers`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from extractors.lexicon import Lexicon
from extractors.records import Entity, Mention
from ontology.classes import subclasses_of


@dataclass(frozen=True)
class References:
    """Pronouns and definite descriptions resolved in one document: token index -> mention."""

    by_token: Mapping[int, Mention] = field(default_factory=lambda: MappingProxyType({}))
    #: token index -> the several entities a plural description stands for ("the three
    #: countries" after "Britain, France and Germany"), one mention each, in list order
    groups: Mapping[int, tuple[Mention, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: verb token index -> the agent the text has established for an agentless passive
    #: ("OFAC designated six men ... X and Y are being designated" -> OFAC)
    agents: Mapping[int, Mention] = field(default_factory=lambda: MappingProxyType({}))

    def agent_of(self, verb: Token) -> Mention | None:
        """The established agent of an agentless passive verb, if any."""
        return self.agents.get(verb.i)

    def mention_at(self, token: Token) -> Mention | None:
        """The reference that covers ``token``, if any (one entity)."""
        return self.by_token.get(token.i)

    def mentions_at(self, token: Token) -> tuple[Mention, ...]:
        """All entities the reference covering ``token`` stands for: one, several or none."""
        m = self.by_token.get(token.i)
        return (m,) if m is not None else self.groups.get(token.i, ())


@dataclass(frozen=True)
class Vocab:
    """The lexicon's words for references, read once per lexicon."""

    pronouns: Mapping[str, frozenset[str]]    # pronoun -> classes it may stand for
    plural: frozenset[str]
    possessive: frozenset[str]
    state_heads: frozenset[str]               # "the Iraqi government"
    state_forces: frozenset[str]              # "the military": the state's own forces
    self_heads: frozenset[str]                # "the KH militia", unlike "the NYT report"
    kinds: Mapping[str, frozenset[str]]       # "the militia" -> ArmedGroup
    member_kinds: Mapping[str, frozenset[str]]  # "the rebels" -> ArmedGroup
    determiners: frozenset[str]
    expletive_heads: frozenset[str]           # "it seems", "it is clear that"
    plural_kinds: Mapping[str, frozenset[str]]  # "the three countries" -> Country
    numbers: Mapping[str, int]                # "three" -> 3, "both" -> 2
    speaker_pronouns: frozenset[str]          # "we" inside a quotation: its speaker
    speech_verbs: frozenset[str]
    author_pronouns: frozenset[str]           # "I" outside quotations: the document's author
    single_agent_acts: frozenset[str]         # "designate": one body's formal act
    single_agent_act_nouns: frozenset[str]    # "designation", "sanction": the act as a noun

    @classmethod
    def of(cls, lexicon: Lexicon) -> "Vocab":
        """The words of ``lexicon``, made once and then remembered (a lexicon is frozen)."""
        made = _VOCABS.get(id(lexicon))
        if made is None or made[0] is not lexicon:
            if len(_VOCABS) >= 8:  # tests make lexicons of their own
                _VOCABS.clear()
            made = _VOCABS[id(lexicon)] = (lexicon, cls._read(lexicon))
        return made[1]

    @classmethod
    def _read(cls, lexicon: Lexicon) -> "Vocab":
        def expand(names) -> frozenset[str]:
            return frozenset(c for n in names for c in subclasses_of(n))
        rows = lexicon.table("pronouns")
        state = lexicon.words("state_nouns")
        return cls(pronouns={w: expand(r[2:]) for w, r in rows.items()},
                   plural=frozenset(w for w, r in rows.items() if r[0] == "plural"),
                   possessive=frozenset(w for w, r in rows.items() if r[1] == "possessive"),
                   state_heads=state, state_forces=lexicon.words("state_force_nouns"),
                   self_heads=state | lexicon.words("compound_head_nouns"),
                   kinds={w: frozenset(r) for w, r in lexicon.table("description_kinds").items()},
                   member_kinds={w: frozenset(r) for w, r in
                                 lexicon.table("group_member_plurals").items()},
                   determiners=lexicon.words("definite_determiners"),
                   expletive_heads=lexicon.words("expletive_it_verbs"),
                   plural_kinds={w: expand(r) for w, r in
                                 lexicon.table("plural_description_kinds").items()},
                   numbers={w: int(r[0]) for w, r in lexicon.table("number_words").items()},
                   speaker_pronouns=lexicon.words("speaker_pronouns"),
                   speech_verbs=lexicon.words("speech_verbs"),
                   author_pronouns=lexicon.words("author_pronouns"),
                   single_agent_acts=lexicon.words("single_agent_acts"),
                   single_agent_act_nouns=lexicon.words("single_agent_act_nouns"))


#: id of a lexicon -> (the lexicon, kept so its id stays its own, its Vocab)
_VOCABS: dict[int, tuple[Lexicon, Vocab]] = {}


@dataclass
class ReadingIndex:
    """What resolution reads: the names (and the references found so far, which later
    pronouns may follow), the entities, and the words. Private to this module."""

    by_token: dict[int, Mention]
    entities: Mapping[str, Entity]
    vocab: Vocab

    def entity(self, mention: Mention) -> Entity:
        return self.entities[mention.entity]


DESCRIPTION_WINDOW = 3   # sentences a definite description may reach back
# sentences "the rebels", "the militants" may reach back for the armed group in focus (a
# story names its group once, then speaks of "the rebels" through quotes and denials)
FOCUS_WINDOW = 8


def sentences(doc: Doc) -> list[Span]:
    return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]


def is_subject(tok: Token) -> bool:
    """A subject, or a name coordinated with one ("Hamas and Islamic Jihad fired")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"}


def pick(candidates: list[tuple[Token, Mention]], classes: frozenset, index: ReadingIndex
         ) -> Mention | None:
    """The one compatible entity among candidates, or the one of them that is a subject."""
    fitting = [(t, m) for t, m in candidates if index.entity(m).cls in classes]
    entities = {m.entity for _, m in fitting}
    if len(entities) == 1:
        return fitting[-1][1]
    subjects = {m.entity: m for t, m in fitting if is_subject(t)}
    if len(subjects) == 1:
        return next(iter(subjects.values()))
    return None


def mentions_in(tokens, index: ReadingIndex) -> list[tuple[Token, Mention]]:
    """The (head token, mention) pairs among tokens, one per mention."""
    out, seen = [], set()
    for tok in tokens:
        m = index.by_token.get(tok.i)
        if m is None or (m.start, m.end) in seen:
            continue
        # the head of a multi-word name is its last token inside the name
        head = tok
        while head.head.i != head.i and index.by_token.get(head.head.i) == m:
            head = head.head
        seen.add((m.start, m.end))
        out.append((head, m))
    return out


def mention_of(tok: Token, index: ReadingIndex) -> Mention | None:
    """The mention a noun phrase head stands for: its own, a name compounded with a kind
    noun ("the KH militia"), or a country whose government it is ("the Iraqi government")."""
    m = index.by_token.get(tok.i)
    if m is not None or tok.lemma_.lower() not in index.vocab.self_heads:
        return m
    for child in tok.children:
        cm = index.by_token.get(child.i)
        if cm is None:
            continue
        if child.dep_ == "compound" or (tok.lemma_ in index.vocab.state_heads
                                        and index.entity(cm).cls == "Country"):
            return cm
    return None


def agrees(noun: Token, plural: bool) -> bool:
    return (noun.tag_ in {"NNS", "NNPS"}) == plural


def fits(m: Mention, classes: frozenset, index: ReadingIndex) -> bool:
    """Whether the entity of a mention can be what the pronoun stands for.

    Number is not checked on names: news English says "they" of an organisation as often
    as "it".
    """
    return index.entity(m).cls in classes
