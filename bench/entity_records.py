"""Generated document records whose entities merge the way news entities do.

Each document names a dozen entities drawn from pools that grow with the corpus (new
people and organisations keep appearing, as in real news), the popular ones far more
often than the rest (a Zipf-like draw), so the same entity is in thousands of documents.
Names come in the forms the cross-document rules read (:mod:`graph.aliases`): full
personal names with and without middle initials, bare surnames, transliteration
variants ("Qassem"/"Qasim"), acronyms and the names a document gives ("also known as"),
institutions in either order ("Ministry of Defense"/"Defense Ministry").

Used by ``bench/merge.py`` and ``bench/store_build.py``; no facts (entity merging and the
store's entity layer are what they measure), unless ``facts`` asks for them.
"""
from __future__ import annotations

import random

from extractors.records import DocumentRecord, Entity, Fact, Mention, Sentence

FIRST = ["Ali", "Hadi", "Mark", "Qassem", "Qasim", "Jamal", "Nouri", "Haider", "Ahmed", "Mahdi",
         "Sarah", "John", "Laura", "Omar", "Yusuf", "Karim", "Faleh", "Hussein", "Hassan", "Adel"]
SURNAMES = ["Soleimani", "Suleimani", "Esper", "Muhandis", "Sadr", "Amiri", "Maliki", "Abadi",
            "Khazali", "Kadhimi", "Fayyadh", "Rubaie", "Hakim", "Jaafari", "Allawi", "Obeidi"]
ORG_HEADS = ["Kataib", "Kataeb", "Asaib", "Harakat", "Saraya", "Jaish", "Liwa", "Badr",
             "Ansar", "Hezbollah", "Hizballah", "Popular", "National", "Islamic", "Northern"]
ORG_TAILS = ["Hezbollah", "Brigade", "Front", "Council", "Army", "Movement", "Organization",
             "Mobilization", "Guard", "Forces", "Alliance", "Party", "Committee"]
MINISTRIES = ["Defense", "Interior", "Foreign Affairs", "Oil", "Finance", "Justice", "Health"]
PLACES = ["Baghdad", "Basra", "Mosul", "Erbil", "Kirkuk", "Najaf", "Karbala", "Tikrit",
          "Fallujah", "Ramadi", "Samarra", "Balad", "Taji", "Qaim", "Sinjar", "Diyala"]
COUNTRIES = ["Iraq", "Iran", "Syria", "United States", "Turkey", "Saudi Arabia", "Israel"]
SYLLABLES = ["ka", "ta", "ib", "ha", "ru", "mi", "sa", "dr", "bu", "al", "fa", "zi", "no", "qe"]


def _word(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).capitalize()


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _pools(rnd: random.Random, n_docs: int) -> tuple[list, list, list]:
    """People, organisations and places; the longer the corpus, the more of each."""
    people = [f"{rnd.choice(FIRST)} {rnd.choice(SURNAMES)}" for _ in range(40)]
    people += [f"{rnd.choice(FIRST)} {_word(rnd)}" for _ in range(n_docs // 3)]
    orgs = [f"{h} {t}" for h in ORG_HEADS for t in ORG_TAILS[:4]]
    orgs += [f"Ministry of {m}" for m in MINISTRIES] + [f"{m} Ministry" for m in MINISTRIES]
    orgs += [f"{_word(rnd)} {rnd.choice(ORG_TAILS)}" for _ in range(n_docs // 5)]
    places = PLACES + [_word(rnd) for _ in range(n_docs // 10)]
    return people, orgs, places


def _pick(rnd: random.Random, pool: list, seen: int):
    """The popular entities far more often than the rest; only names met so far."""
    return pool[min(int(rnd.paretovariate(1.0)) - 1, max(seen, 1) - 1) % len(pool)]


def _person(rnd: random.Random, name: str) -> tuple[str, tuple[str, ...]]:
    first, last = name.split(" ", 1)
    roll = rnd.random()
    if roll < 0.15:
        return last, ()                                      # a bare surname
    if roll < 0.25:
        return f"{first} {rnd.choice('ABHKT')}. {last}", ()   # a middle initial
    return name, (last,) if roll < 0.6 else ()


def _org(rnd: random.Random, name: str) -> tuple[str, tuple[str, ...]]:
    roll = rnd.random()
    if roll < 0.15 and len(_acronym(name)) >= 2:
        return _acronym(name), ()                            # the acronym alone
    if roll < 0.4 and len(_acronym(name)) >= 2:
        return name, (_acronym(name),)                        # "X (XY)"
    return name, ()


def entity_records(n_docs: int, *, seed: int = 11, facts: bool = False) -> list[DocumentRecord]:
    """``n_docs`` document records of about twelve entities each."""
    return list(iter_entity_records(n_docs, seed=seed, facts=facts))


def iter_entity_records(n_docs: int, *, seed: int = 11, facts: bool = False):
    """The records of :func:`entity_records`, one at a time (none held)."""
    rnd = random.Random(seed)
    people, orgs, places = _pools(rnd, n_docs)
    for d in range(n_docs):
        seen = 40 + d // 3
        chosen: dict[str, Entity] = {}
        for _ in range(4):
            name, aliases = _person(rnd, _pick(rnd, people, seen))
            chosen.setdefault(name, Entity(f"e{len(chosen)}", name, "Person", aliases, 1 + d % 3))
        for _ in range(5):
            name, aliases = _org(rnd, _pick(rnd, orgs, 70 + d // 5))
            cls = "GovernmentBody" if "Ministry" in name else rnd.choice(["ArmedGroup", "Organization"])
            chosen.setdefault(name, Entity(f"e{len(chosen)}", name, cls, aliases, 1 + d % 2))
        for _ in range(2):
            name = _pick(rnd, places, 16 + d // 10)
            chosen.setdefault(name, Entity(f"e{len(chosen)}", name, "City", (), 1))
        country = rnd.choice(COUNTRIES)
        chosen.setdefault(country, Entity(f"e{len(chosen)}", country, "Country", (), 2))
        entities = tuple(chosen.values())
        text = ". ".join(e.name for e in entities) + "."
        yield DocumentRecord(f"gen{d:06d}", text, entities, _facts(text, entities) if facts else (),
                             title=f"Generated story {d}", date="2024-03-01")


def _facts(text: str, entities: tuple[Entity, ...]) -> tuple[Fact, ...]:
    """One asserted fact between the first entity and each of the next three."""
    out = []
    first = entities[0]
    start = text.index(first.name)
    subj = Mention(first.name, start, start + len(first.name), first.key)
    for ent in entities[1:4]:
        at = text.index(ent.name, start + 1)
        obj = Mention(ent.name, at, at + len(ent.name), ent.key)
        out.append(Fact(subj, "attacked", obj, Sentence(text[:at + len(ent.name)], 0,
                                                        at + len(ent.name)), "bench"))
    return tuple(out)
