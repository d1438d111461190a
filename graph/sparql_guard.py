"""What a SPARQL text asks for, read before anything runs: query or update, and whether
it reaches outside the machine.

Oxigraph (and rdflib) follow ``SERVICE <http://…>`` and ``LOAD <http://…>`` by default:
run on a server, that is a request forgery, and on a laptop it is a surprise. So
kgbuilder refuses them unless the user allows remote access. The check reads tokens,
skipping comments, strings and IRIs, so a keyword inside a literal is no keyword.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.prefixes import WRITTEN

#: kgbuilder's own graphs: a FROM of one of them stays on this machine
_KGR = WRITTEN["kgr"]


class QueryRefused(ValueError):
    """A query that kgbuilder will not run as asked; the message is one line."""


_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<name>[A-Za-z_][\w.-]*(?::[\w.%:-]*)?|:[\w.%:-]*)
  | (?P<other>\S)
""", re.VERBOSE)

#: The first keyword of every SPARQL 1.1 update operation.
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def tokens(sparql: str) -> list[Token]:
    """The tokens of a SPARQL text, without comments.

    >>> [t.text for t in tokens('SELECT * { ?s ?p "SERVICE" } # LOAD')]
    ['SELECT', '*', '{', '?s', '?p', '"SERVICE"', '}']
    """
    return [Token(m.lastgroup, m.group()) for m in _TOKEN.finditer(sparql)
            if m.lastgroup != "comment"]


def is_update(sparql: str) -> bool:
    """True when the text is a SPARQL update (its first keyword after the prologue).

    >>> is_update("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }"), is_update("ASK {}")
    (True, False)
    """
    toks = tokens(sparql)
    i = 0
    while i < len(toks) and toks[i].text.upper() in ("PREFIX", "BASE"):
        i += 3 if toks[i].text.upper() == "PREFIX" else 2
    return i < len(toks) and toks[i].text.upper() in _UPDATE_WORDS


def _expand(tok: Token, declared: dict[str, str]) -> str | None:
    if tok.kind == "iri":
        return tok.text[1:-1]
    if tok.kind == "name" and ":" in tok.text:
        prefix, local = tok.text.split(":", 1)
        return declared[prefix] + local if prefix in declared else None
    return None


def remote_uses(sparql: str, *, prefixes: dict[str, str]) -> list[str]:
    """What in the text would make the engine go out: SERVICE, LOAD, or a FROM of a graph
    that is not kgbuilder's.

    >>> remote_uses("SELECT * { SERVICE <http://evil/> { ?s ?p ?o } }", prefixes={})
    ['SERVICE <http://evil/>']
    >>> remote_uses("SELECT * FROM kgd:a { ?s ?p ?o }", prefixes={"kgd": _KGR + "doc/"})
    []
    """
    toks = tokens(sparql)
    declared = dict(prefixes)
    found = []
    for i, tok in enumerate(toks):
        word = tok.text.upper() if tok.kind == "name" else ""
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            declared[toks[i + 1].text.rstrip(":")] = toks[i + 2].text[1:-1]
        after = " ".join(t.text for t in toks[i + 1:i + 3] if t.text.upper() != "SILENT")
        if word in ("SERVICE", "LOAD"):
            found.append(f"{tok.text} {after.split(' ')[0] if after else ''}".strip())
        elif word == "FROM":
            target = toks[i + 2] if i + 2 < len(toks) and toks[i + 1].text.upper() == "NAMED" \
                else (toks[i + 1] if i + 1 < len(toks) else None)
            iri = _expand(target, declared) if target else None
            if iri is None or not iri.startswith(_KGR):
                found.append(f"FROM {target.text if target else ''}".strip())
    return found


def check_sparql(sparql: str, *, prefixes: dict[str, str], allow_remote: bool,
                 allow_update: bool) -> bool:
    """Refuse what is not allowed; return True when the text is an update.

    Raises:
        QueryRefused: remote access or an update that was not allowed, in one line.
    """
    if not allow_remote:
        uses = remote_uses(sparql, prefixes=prefixes)
        if uses:
            raise QueryRefused(f"refused: the query reaches outside this machine ({uses[0]}); "
                               "kgbuilder runs queries offline unless --allow-remote is given")
    update = is_update(sparql)
    if update and not allow_update:
        raise QueryRefused("refused: this is a SPARQL update, which changes the store; "
                           "give --update to run it")
    return update


def syntax_message(err: SyntaxError) -> str:
    """Oxigraph's parser error in one line, "line L, column C: …" of the user's own text.

    >>> syntax_message(SyntaxError("error at 2:15: expected one of NOT,\\n REPLACE"))
    'invalid SPARQL at line 2, column 15: expected one of NOT, REPLACE'
    """
    text = " ".join(str(err).split())
    m = re.match(r"error at (\d+):(\d+): (.*)", text)
    if m:
        text = f"at line {m[1]}, column {m[2]}: {m[3]}"
    if len(text) > 240:
        text = text[:239] + "…"
    return f"invalid SPARQL {text}" if m else f"invalid SPARQL: {text}"
