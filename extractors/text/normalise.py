"""Typography normalised for the parser, one character for one, so offsets stay true.

News pages write no-break and thin spaces inside names ("Tower\u00a022"), curly
apostrophes in possessives and transliterations ("Burma’s", "Jama’at") and non-breaking
hyphens or en dashes inside names ("al‑Shabab", "North Ossetia–Alania"). The small model
was trained on plain ASCII punctuation and splits or mislabels such names, so the parser
reads a copy in which each such character is replaced by its plain form. Every
replacement is one character for one, so a character offset into the copy is the same
offset into the original text, which the records keep for provenance.

The em dash stays: it separates clauses ("Los Choneros—a drug gang—was"), and the
tokenizer already splits it.
"""
from __future__ import annotations

_PLAIN = {
    # spaces: no-break, en/em/thin/hair and the other fixed-width spaces
    **{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                       "\u200a\u202f\u205f\u3000"},
    # apostrophes and single quotes, including the modifier letters of transliterations
    **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb"},
    # double quotes
    **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"},
    # hyphens and the dashes that join words: hyphen, no-break hyphen, figure and en dash, minus
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2212"},
}
_TABLE = str.maketrans(_PLAIN)


def normalise_for_parser(text: str) -> str:
    """``text`` with typographic spaces, quotes and joining dashes in their plain form,
    of the same length, so that every offset into it is an offset into ``text``.

    >>> normalise_for_parser("Burma\u2019s Tower\u00a022")
    "Burma's Tower 22"
    """
    return text.translate(_TABLE)
