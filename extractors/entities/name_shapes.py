"""What a name looks like where it stands: headline lines and datelines (where capitals no
longer mark names, or a town names where the story was filed), and names that start in lower
case yet are names ("al-Shabaab", "82nd Airborne Division", "Lebanon's parliament").

Also the name a span gives (:func:`clean_name`) and with its titles (:func:`titled_name`).
Read by :func:`extractors.entities.grouping.collect_names`.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.entities.countries import load_countries
from extractors.entities.names import strip_generic_tail, strip_titles, titles
from extractors.lexicon import Lexicon

# a name that opens with the Arabic article in lower case: "al-Shabaab", "al Qaeda"
ARTICLE_NAME = re.compile(r"(?:al|el)[- ][A-Z]|(?:ad|ash|as)-[A-Z]")


def is_dateline(span: Span) -> bool:
    """ "BAGHDAD —" at the head of a line: where the story was filed, not an actor in it."""
    doc = span.doc
    first = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ or doc[span.start - 1].is_space
    after = doc[span.end].text if span.end < len(doc) else ""
    return first and span.text.isupper() and len(span.text) >= 4 and after in {"-", "—", "–", "("}


def is_headline(sent: Span) -> bool:
    """A title-case line ("Iraqi President Names New Premier"): most of its words are
    capitalised, so capitals no longer mark names and the model guesses persons."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words) \
        and not sent.text.rstrip().endswith((".", "?", "!", '"'))


def is_title_line(sent: Span) -> bool:
    """A title-case headline standing as a line of its own ("Rebel Chief Dies in Port
    Raid" then a line break), unlike a dateline or a sentence of a one-line text."""
    doc = sent.doc
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    first, last = words[0], words[-1]

    def breaks(tok) -> bool:
        return "\n" in tok.whitespace_ or tok.is_space and "\n" in tok.text

    start = first.i == 0 or breaks(doc[first.i - 1])
    end = breaks(last) or last.i + 1 < len(doc) and breaks(doc[last.i + 1])
    return start and end and is_headline(doc[first.i:last.i + 1])


def starts_like_a_name(name: str, span: Span, lexicon: Lexicon) -> bool:
    """Whether a name starts as names do: a capital; also an Arabic article before one
    ("al-Shabab", "al Qaeda"), an ordinal unit ("82nd Airborne Division") and a lower-case
    state body the entity fixes made a name ("foreign ministry" of "Iran's foreign ministry")."""
    if name[0].isupper() or ARTICLE_NAME.match(name):
        return True
    if span.label_ != "ORG":
        return False
    return name[0].isdigit() and span[0].text[-2:].lower() in {"st", "nd", "rd", "th"} or \
        is_state_body(span, lexicon)


def is_state_body(span: Span, lexicon: Lexicon) -> bool:
    """Whether a span is a state's civil body written in lower case after the state's
    possessive ("Lebanon's parliament") or demonym ("the Tanzanian parliament")."""
    heads = {w.split()[-1] for w in lexicon.words("civil_body_nouns")}
    if span.label_ != "ORG" or span[-1].lower_ not in heads:
        return False
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].tag_ == "POS":
        return any(e.label_ in {"GPE", "NORP"} and e.end == span.start - 1 for e in doc.ents)
    return load_countries().demonym(span[0].text) is not None


def names_several(span: Span, lexicon: Lexicon) -> bool:
    """Whether a name ends in the plural of a facility's kind word, so that it names several
    places ("the U.S. Embassies in Riga and Vilnius") rather than one.

    >>> from extractors.lexicon import load_lexicon
    >>> import spacy; nlp = spacy.blank("en")
    >>> names_several(nlp("U.S. Embassies")[0:2], load_lexicon()), names_several(nlp("Camp Taji")[0:2], load_lexicon())
    (True, False)
    """
    word, kinds = span[-1].lower_, lexicon.words("facility_nouns")
    if word in kinds or not word.endswith("s"):
        return False
    singular = {word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else ""}
    return bool(singular & kinds)


def clean_name(span: Span) -> str:
    """The name a span gives, without a leading article, possessive, rank or kind word."""
    toks = list(span)
    while toks and (toks[0].lower_ in {"the", "a", "an"} or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].lower_ in {"'s", "’s", "'"} or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks:
        return ""
    text = " ".join(span.doc[toks[0].i:toks[-1].i + 1].text.split())
    if span.label_ == "PERSON":
        text = strip_titles(text)
    return strip_generic_tail(text)


# title words that are not part of how a person is addressed ("former President X")
_NOT_ADDRESS = {"former", "late", "acting"}


def titled_name(span: Span, *, lexicon: Lexicon) -> str | None:
    """The person's name with the capitalised titles in front of it ("President John Smith"),
    whether the model's span holds them or they stand just before it; None without a title.
    """
    if span.label_ != "PERSON":
        return None
    name = clean_name(span)
    address = titles() - _NOT_ADDRESS
    start = span.start
    while (start > 0 and span.doc[start - 1].text[:1].isupper()
           and span.doc[start - 1].text.rstrip(".").lower() in address):
        start -= 1
    words = span.doc[start:span.start].text.split()
    k = 0
    while k < len(span) and span[k].text.rstrip(".").lower() in address:
        words.append(span[k].text)
        k += 1
    if not words or not name:
        return None
    return " ".join([*words, name])
