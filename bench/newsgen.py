"""A generated news corpus for the scale benchmarks: deterministic, growing vocabulary.

Documents of about 400 words (a headline, a dateline, paragraphs, quotes) are filled from
our own sentence templates (``bench/news_templates.py``) about attacks, sanctions, visits,
leaders and alliances. Their actors are drawn as in real news: a few recurring ones get
most of the mentions (each use makes the next more likely), and new people, armed groups
and towns keep appearing, their names built from syllable pools, so the vocabulary grows
with the corpus. The same ``--seed`` gives the same corpus, and a smaller ``--docs`` gives
the first documents of a larger one.

Usage:
    python bench/newsgen.py --docs 10000 --out corpus.jsonl      # or .jsonl.gz
    python bench/newsgen.py --docs 200 --out corpus/              # one .txt file a document
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_templates import BACKGROUND, CLOSINGS, HEADLINES, QUOTES, TOPIC  # noqa: E402

COUNTRIES = {  # the recurring states: name -> adjective
    "the United States": "American", "Russia": "Russian", "China": "Chinese", "Iran": "Iranian",
    "Israel": "Israeli", "Turkey": "Turkish", "France": "French", "Britain": "British",
    "Ukraine": "Ukrainian", "Syria": "Syrian", "Iraq": "Iraqi", "Yemen": "Yemeni",
    "Saudi Arabia": "Saudi", "Egypt": "Egyptian", "Germany": "German", "Pakistan": "Pakistani",
    "Nigeria": "Nigerian", "Mali": "Malian", "Somalia": "Somali", "Sudan": "Sudanese",
    "Ethiopia": "Ethiopian", "Lebanon": "Lebanese", "Jordan": "Jordanian", "Libya": "Libyan",
}
ORGS = ["the United Nations", "NATO", "the European Union", "the African Union",
        "the Arab League", "the International Committee of the Red Cross"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "last week", "earlier this month", "overnight"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ONSETS = ["ka", "ma", "ra", "ta", "sa", "na", "da", "ba", "ha", "za", "lo", "ve", "mi", "ro",
          "su", "te", "fa", "go", "ni", "ye", "ko", "lu", "pe", "wa", "dri", "sto", "bra",
          "kel", "mor", "tan", "jo", "qa", "shi", "vo", "el", "ar", "om", "us"]
CODAS = ["n", "r", "l", "s", "m", "d", "k", "", "", ""]
SURNAME_ENDS = ["ov", "ani", "ez", "sson", "i", "a", "o", "en", "ić", "adze", "ouf", ""]
TOWN_ENDS = ["abad", "grad", "pur", "ville", "ka", "ia", "ovo", "ene", "ir", "o"]
GROUP_SHAPES = ["{adj} {noun} Front", "{name} Brigade", "Ansar al-{name}", "Army of {town}",
                "{town} Liberation Movement", "{adj} Resistance Council", "{name} Battalions",
                "People's {noun} Army", "{adj} Guard of {town}"]
GROUP_ADJ = ["Northern", "Southern", "Popular", "National", "Revolutionary", "United",
             "Islamic", "Free", "Eastern", "Western", "Democratic", "Patriotic"]
GROUP_NOUN = ["Liberation", "Defence", "Salvation", "Unity", "Justice", "Freedom", "Victory"]
TITLES = ["foreign minister", "defence minister", "interior minister", "prime minister",
          "army chief", "intelligence chief", "envoy", "ambassador", "governor"]
WIRE = "(Kgb Wire) -"


@dataclass
class Pool:
    """Actors of one kind: every use makes the next use more likely; new ones keep coming."""

    new: float  # chance that a pick is a new actor
    actors: list = field(default_factory=list)
    uses: list = field(default_factory=list)  # one entry per use: picks follow popularity

    def pick(self, rnd: random.Random, make) -> object:
        if not self.uses or rnd.random() < self.new:
            actor = make()
            self.actors.append(actor)
        else:
            actor = rnd.choice(self.uses)
        self.uses.append(actor)
        return actor


def _syllables(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(ONSETS) for _ in range(n)) + rnd.choice(CODAS)


class Newsroom:
    """The state of the generator: its random source and its pools of actors."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.people = Pool(new=0.3)
        self.groups = Pool(new=0.12)
        self.towns = Pool(new=0.2)
        self.regions = Pool(new=0.15)
        self.names: set[str] = set()

    def _unique(self, make) -> str:
        while (name := make()) in self.names:
            pass
        self.names.add(name)
        return name

    def _person(self) -> str:
        rnd = self.rnd
        return self._unique(lambda: f"{_syllables(rnd, 2).title()} "
                                    f"{(_syllables(rnd, rnd.choice([2, 3])) + rnd.choice(SURNAME_ENDS)).title()}")

    def _town(self) -> tuple[str, str]:
        rnd = self.rnd
        name = self._unique(lambda: (_syllables(rnd, rnd.choice([1, 2])) + rnd.choice(TOWN_ENDS)).title())
        return name, rnd.choice(list(COUNTRIES))

    def _region(self) -> str:
        return self._unique(lambda: f"{_syllables(self.rnd, 2).title()} province")

    def _group(self) -> str:
        rnd = self.rnd
        return self._unique(lambda: rnd.choice(GROUP_SHAPES).format(
            adj=rnd.choice(GROUP_ADJ), noun=rnd.choice(GROUP_NOUN),
            name=_syllables(rnd, 2).title(), town=self.towns.pick(rnd, self._town)[0]))

    def cast(self) -> dict[str, list]:
        """The actors of one document, the first of each kind its main one."""
        rnd = self.rnd
        return {"p": self._some(self.people, self._person, rnd.randint(3, 5)),
                "g": self._some(self.groups, self._group, rnd.randint(2, 3)),
                "city": self._some(self.towns, self._town, 3),
                "c": rnd.sample(list(COUNTRIES), 3),
                "region": self._some(self.regions, self._region, 2),
                "org": [rnd.choice(ORGS)]}

    def _some(self, pool: Pool, make, n: int) -> list:
        chosen: list = []
        while len(chosen) < n:
            actor = pool.pick(self.rnd, make)
            if actor not in chosen:
                chosen.append(actor)
        return chosen

    def _slots(self, cast: dict[str, list]) -> dict[str, str]:
        """One sentence's slots: the main actor of a kind half the time, another of the cast else."""
        rnd = self.rnd
        slots = {}
        for kind, actors in cast.items():
            first = actors[0] if rnd.random() < 0.5 else rnd.choice(actors)
            second = rnd.choice([a for a in actors if a != first] or actors)
            slots[kind], slots[kind + "2"] = first, second
        (slots["city"], slots["city_c"]), (slots["city2"], _) = slots["city"], slots["city2"]
        slots["c_adj"] = COUNTRIES[slots["c"]]
        return slots

    def _fill(self, template: str, cast: dict[str, list]) -> str:
        rnd = self.rnd
        text = template.format(**self._slots(cast), day=rnd.choice(DAYS), n=rnd.randint(2, 40),
                               month=rnd.choice(MONTHS))
        return text[0].upper() + text[1:]

    def _fresh(self, templates: list[str], used: set[str]) -> str:
        """A template this document has not used yet, when there is one."""
        left = [t for t in templates if t not in used] or templates
        template = self.rnd.choice(left)
        used.add(template)
        return template

    def document(self, index: int) -> dict[str, str]:
        """Document ``index``: ``{"id", "title", "date", "text"}``, about 400 words."""
        rnd = self.rnd
        topic = rnd.choice(list(TOPIC))
        cast = self.cast()
        date = dt.date(2023, 1, 1) + dt.timedelta(days=index // 12)
        title = self._fill(rnd.choice(HEADLINES[topic]), cast)
        lead = self._fill(rnd.choice(TOPIC[topic]), cast)
        dateline = f"{cast['city'][0][0].upper()}, {MONTHS[date.month - 1]} {date.day}, {date.year} {WIRE}"
        paragraphs, used = [f"{dateline} {lead}"], set()
        words, target = len(paragraphs[0].split()), rnd.randint(370, 450)
        while words < target:
            kinds = [TOPIC[topic]] * 3 + [QUOTES, BACKGROUND, TOPIC[rnd.choice(list(TOPIC))]]
            para = " ".join(self._fill(self._fresh(rnd.choice(kinds), used), cast)
                            for _ in range(rnd.randint(1, 3)))
            paragraphs.append(para)
            words += len(para.split())
        paragraphs.append(self._fill(rnd.choice(CLOSINGS), cast))
        return {"id": f"news-{index + 1:05d}", "title": title, "date": date.isoformat(),
                "text": title + "\n\n" + "\n\n".join(paragraphs) + "\n"}


def generate(docs: int, seed: int = 1) -> Iterator[dict[str, str]]:
    """The first ``docs`` documents of the corpus of ``seed``.

    >>> [d["id"] for d in generate(2)]
    ['news-00001', 'news-00002']
    >>> list(generate(3, seed=5))[2] == list(generate(4, seed=5))[2]
    True
    """
    room = Newsroom(seed)
    for i in range(docs):
        yield room.document(i)


def write_corpus(docs: int, out: Path, *, seed: int = 1) -> tuple[int, int]:
    """Write the corpus to ``out`` (``.jsonl``, ``.jsonl.gz`` or a folder of ``.txt`` files).

    Returns:
        documents and words written.
    """
    n_words = 0
    if out.name.endswith((".jsonl", ".jsonl.gz")):
        out.parent.mkdir(parents=True, exist_ok=True)
        opener = gzip.open if out.name.endswith(".gz") else open
        with opener(out, "wt", encoding="utf-8") as f:
            for doc in generate(docs, seed):
                n_words += len(doc["text"].split())
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for doc in generate(docs, seed):
            n_words += len(doc["text"].split())
            (out / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    return docs, n_words


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("Usage:")[1])
    ap.add_argument("--docs", type=int, default=10000, help="documents to write [10000]")
    ap.add_argument("--out", type=Path, required=True,
                    help="a .jsonl or .jsonl.gz file, or a folder for one .txt file a document")
    ap.add_argument("--seed", type=int, default=1, help="the same seed gives the same corpus [1]")
    args = ap.parse_args()
    if args.docs < 1:
        ap.error("--docs must be at least 1")
    docs, words = write_corpus(args.docs, args.out, seed=args.seed)
    print(f"{args.out}: {docs} documents, {words} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
