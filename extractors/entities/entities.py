"""Entity mentions of one document, grouped into entities.

The extractor works on spaCy's named entities (after :mod:`extractors.entities.ner_fixes`). This
module turns them into plain :class:`~extractors.records.Mention` records, gives each an
ontology class and groups the names that mean one thing within the document:

* countries by any name, demonym or government ("U.S.", "America", "Iranian",
  "Government of Iraq", "Washington" acting as a subject) via :mod:`extractors.entities.countries`;
* transliteration variants ("Kataeb"/"Kataib") via :func:`extractors.entities.names.variant_of`;
* acronyms defined in brackets or matching a long name's initials, when only one fits;
* surnames and titled names of one person ("Esper" after "Defense Secretary Mark Esper"),
  when only one person of the document fits;
* short names of facilities ("Taji" after "Camp Taji");
* names the text equates ("the Houthis, also known as Ansar Allah").

Data flows one way: the names are computed first; references (pronouns, definite
descriptions) are then resolved from them by :mod:`extractors.entities.coref` as a
separate result; :class:`EntityIndex` holds both, read-only, and the rules only read it.
Every merge keeps its reason, which the graph records and ``kgbuilder entities
--explain`` shows.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Doc, Token

from extractors.entities.coref import References, resolve_references
from extractors.entities.countries import load_countries
from extractors.entities.entity_classes import PRIORITY
from extractors.entities.grouping import canonical_name, collect_names, group_names
from extractors.entities.name_shapes import clean_name, titled_name
from extractors.entities.names import is_acronym, surname_of
from extractors.lexicon import Lexicon
from extractors.records import Entity, Mention

__all__ = ["EntityIndex", "index_entities"]


@dataclass(frozen=True)
class EntityIndex:
    """The entities of one Doc, its name mentions and its resolved references, read-only."""

    doc: Doc
    entities: Mapping[str, Entity]
    names: Mapping[int, Mention]                       # token index -> name mention
    references: References = References()
    # token index -> its name, else its reference: every rule asks, so one plain dict
    _at: dict[int, Mention] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_at", {**self.references.by_token, **self.names})

    def mention_at(self, token: Token) -> Mention | None:
        """The entity mention that covers ``token``, if any (names, then resolved references)."""
        return self._at.get(token.i)

    def mentions_at(self, token: Token) -> tuple[Mention, ...]:
        """Every entity ``token`` stands for: its name, its reference, or the several names
        a plural description stands for ("the three countries")."""
        m = self.names.get(token.i)
        return (m,) if m is not None else self.references.mentions_at(token)

    def agent_of(self, verb: Token) -> Mention | None:
        """The agent the text has established for an agentless passive verb, if any."""
        return self.references.agent_of(verb)

    def entity(self, mention: Mention) -> Entity:
        """The entity a mention belongs to."""
        return self.entities[mention.entity]


def index_entities(doc: Doc, *, lexicon: Lexicon) -> EntityIndex:
    """Group the named entities of ``doc`` into document-level entities.

    Names join when they are one country, transliteration variants, an acronym and its
    long form, or a surname and the one full name of the document it fits (see the
    module docstring); references ("he", "the militia") are resolved afterwards, from the
    names.
    """
    entities, names = _name_entities(doc, lexicon)
    found = _propagate_names(doc, entities, names)
    for key, n in found.items():
        entities[key] = replace(entities[key], mentions=entities[key].mentions + n)
    refs = resolve_references(doc, names, entities, lexicon=lexicon)
    return EntityIndex(doc, MappingProxyType(entities), MappingProxyType(names), refs)


def _name_entities(doc: Doc, lexicon: Lexicon) -> tuple[dict[str, Entity], dict[int, Mention]]:
    """The entities the names of ``doc`` form, and the name mention of each token."""
    entities: dict[str, Entity] = {}
    by_token: dict[int, Mention] = {}
    names, spans = collect_names(doc, lexicon=lexicon)
    groups = group_names(doc, names, spans, lexicon=lexicon)
    members: dict[int, list[int]] = {}
    for i in range(len(names)):
        members.setdefault(groups.root(i), []).append(i)
    entity_key: dict[int, str] = {}
    for root, idx in members.items():
        group = [names[i] for i in idx]
        head = canonical_name(group)
        votes = Counter()
        for n in group:
            votes.update(n.classes)
        cls = "Country" if head.country else max(
            head.classes, key=lambda c: (head.classes[c] + votes[c], -PRIORITY.index(c)))
        key = head.key
        while key in entities:
            key += "+"
        seen: list[str] = []
        for n in group:
            for span in n.spans:
                text = clean_name(span)
                if text not in seen:
                    seen.append(text)
                titled = titled_name(span, lexicon=lexicon)
                if titled and titled not in seen:
                    seen.append(titled)
        canonical = head.text
        aliases = tuple(t for t in seen if t != canonical)
        merges = []
        for i in idx:
            n = names[i]
            if i in groups.why:
                reason, other = groups.why[i]
                merges.append((n.text, f"{reason} ({other})"))
            merges.extend((text, why) for text, why in n.reasons.items() if text != canonical)
        entities[key] = Entity(key=key, name=canonical, cls=cls, aliases=aliases,
                               mentions=sum(len(n.spans) for n in group),
                               merges=tuple(dict.fromkeys(merges)))
        for i in idx:
            entity_key[i] = key
    for span, i in spans:
        mention = Mention(text=span.text, start=span.start_char, end=span.end_char,
                          entity=entity_key[i])
        for tok in span:
            by_token[tok.i] = mention
    return entities, by_token


def _propagate_names(doc: Doc, entities: Mapping[str, Entity], by_token: dict[int, Mention]
                     ) -> Counter:
    """Tag the other occurrences of a name the model found once but missed elsewhere.

    Names of two or more words and acronyms, spelt exactly. A lone word only for a
    non-person ("Hezbollah leader"), and only where it stands alone: not inside a longer
    capitalised name, and never a person's ("White" is too often an ordinary word).
    Adds the mentions to ``by_token`` and returns how many each entity gained.
    """
    found: Counter = Counter()
    text = doc.text  # built from the tokens on every access: read it once
    for key, ent in entities.items():
        for name in (ent.name, *ent.aliases):
            single = len(name.split()) < 2 and not is_acronym(name)
            if single and (ent.cls == "Person" or len(name) < 4 or load_countries().capital(name)):
                continue  # a capital stands for its country only where it acts
            for start, end in _occurrences(name, text):
                span = doc.char_span(start, end)
                if span is None or any(t.i in by_token for t in span):
                    continue
                if single and _in_longer_name(span):
                    continue
                mention = Mention(text=span.text, start=span.start_char, end=span.end_char,
                                  entity=key)
                for tok in span:
                    by_token[tok.i] = mention
                found[key] += 1
    _propagate_surnames(doc, entities, by_token, found)
    return found


def _occurrences(name: str, text: str):
    """``(start, end)`` of each occurrence of ``name`` in ``text`` with no word character
    or hyphen touching it, left to right, as ``(?<![\\w-])NAME(?![\\w-])`` finds them
    (without a regular expression per name: compiling one costs more than the search)."""
    start = text.find(name) if name else -1
    while start >= 0:
        end = start + len(name)
        if not (_in_word(text, start - 1) or _in_word(text, end)):
            yield start, end
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)


def _in_word(text: str, i: int) -> bool:
    """Whether ``text[i]`` exists and is a word character (as ``\\w``) or a hyphen."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def _propagate_surnames(doc: Doc, entities: Mapping[str, Entity], by_token: dict[int, Mention],
                        found: Counter) -> None:
    """Tag a lone surname the model missed ("Zubaidi phoned ..." after "Faleh al-Zubaidi")
    when it fits exactly one person of the document, is capitalised, is never written in
    lower case in the text (so not an ordinary word) and, opening a sentence, is its subject."""
    people = [e for e in entities.values() if e.cls == "Person" and len(e.name.split()) > 1]
    lower = {t.text for t in doc if t.is_lower}
    fitting: dict[str, set[str]] = {}  # a word -> the people it is a surname of, asked once
    for tok in doc:
        if tok.i in by_token or not tok.is_title or not tok.is_alpha or len(tok) < 4 \
                or tok.lower_ in lower:
            continue
        if tok.is_sent_start and tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if _in_longer_name(doc[tok.i:tok.i + 1]):
            continue
        fits = fitting.get(tok.text)
        if fits is None:
            fits = fitting[tok.text] = {e.key for e in people for n in (e.name, *e.aliases)
                                        if surname_of(tok.text, n)}
        if len(fits) == 1:
            key = next(iter(fits))
            by_token[tok.i] = Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                                      entity=key)
            found[key] += 1


def _in_longer_name(span) -> bool:
    """Whether capitalised words run on either side of a one-word span ("Hezbollah Brigades")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and t.is_alpha and t.text[:1].isupper() and not t.is_sent_start
               for t in (before, after))
