"""What a build reports: counts read as English, the end summary, and the ``--report`` lines.

A :class:`BuildTally` follows the inputs as they are read (:meth:`BuildTally.track`):
documents read, inputs that failed and why, documents skipped because the store already
holds them unchanged. At the end, :func:`summary_lines` says it in a few lines with the
graph's (or the store's) entity nodes and facts per relation, and :meth:`BuildTally.report`
gives every failed and skipped input as one JSON object a line.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, Graph

from extractors.records import TextInput
from graph.problems import InputProblem, printable
from ontology import KGB

#: how many failures the summary lists; the report file has them all
SHOWN_FAILURES = 5
SKIPPED_REASON = "unchanged since it was added to the store"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one.

    >>> counted(1, "document"), counted(3, "mention"), counted(0, "entity", "entities")
    ('1 document', '3 mentions', '0 entities')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def count_words(text: str) -> int:
    """Words as the rates count them: runs of characters between white space.

    >>> count_words("Iran backed\\nHamas. ")
    3
    """
    return len(text.split())


def count_entities(g: Graph) -> int:
    """The entity nodes of a graph: each merged entity once, as ``kgbuilder entities`` lists them."""
    from graph.aliases import read_entities  # here: graph.aliases imports counted()

    return len(read_entities(g))


@dataclass(frozen=True)
class GraphCounts:
    """What the summary says of a graph: entity nodes and facts (statements) per relation."""

    entities: int
    relations: dict[str, int]     # relation IRI -> statements

    @property
    def facts(self) -> int:
        return sum(self.relations.values())


def graph_counts(g: Graph) -> GraphCounts:
    """The entity nodes and the statements per relation of a built graph."""
    relations = Counter(str(p) for p in g.objects(None, RDF.predicate))
    return GraphCounts(count_entities(g), dict(relations))


def store_counts(store) -> GraphCounts:
    """The same of a pyoxigraph store: entities are the nodes with a ``kgb:mentionCount``."""
    import pyoxigraph as ox

    entities = sum(1 for _ in store.quads_for_pattern(None, ox.NamedNode(str(KGB.mentionCount)),
                                                      None, ox.DefaultGraph()))
    relations = Counter(q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode(str(RDF.predicate)), None, None))
    return GraphCounts(entities, dict(relations))


def relation_counts(relations: dict[str, int]) -> str:
    """Facts per relation, most first; relations outside the inventory counted together.

    >>> relation_counts({str(KGB.attacked): 2, str(KGB.killed): 5,
    ...                  "https://w3id.org/kgbuilder/open#praise": 1})
    'killed 5, attacked 2, open relations 1'
    """
    named = Counter()
    open_facts = 0
    for iri, n in relations.items():
        if iri.startswith(str(KGB)):
            named[iri[len(str(KGB)):]] += n
        else:
            open_facts += n
    parts = [f"{name} {n:,}" for name, n in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ", ".join(parts + ([f"open relations {open_facts:,}"] if open_facts else []))


@dataclass(frozen=True)
class Outcome:
    """One line of the report: an input that failed or a document that was skipped."""

    input: str
    status: str      # "failed" or "skipped"
    reason: str

    def to_json(self) -> str:
        return json.dumps({"input": self.input, "status": self.status, "reason": self.reason},
                          ensure_ascii=False)


@dataclass
class BuildTally:
    """What a build did with its inputs, counted as they are read.

    ``say`` is told every problem as it comes (the CLI prints it); ``clock`` gives seconds.
    """

    say: Callable[[InputProblem], None] = lambda problem: None
    clock: Callable[[], float] = time.monotonic
    read: int = 0
    words: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    started: float = field(default=0.0, init=False)
    _where: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def track(self, items: Iterable[tuple[str, TextInput] | InputProblem]) -> Iterator[TextInput]:
        """The documents of :func:`graph.inputs.read_located`, counted; problems told and kept."""
        for item in items:
            if isinstance(item, InputProblem):
                if item.fatal:   # kept before it is said: a report written at Ctrl-C has it
                    self.outcomes.append(Outcome(item.source, "failed", item.reason))
                self.say(item)
                continue
            where, doc = item
            self.read += 1
            self.words += count_words(doc.text)
            self._where[doc.doc_id] = where
            yield doc

    def skip(self, doc_ids: Iterable[str], reason: str = SKIPPED_REASON) -> None:
        """Documents read but not built again (the store holds them unchanged)."""
        for doc_id in doc_ids:
            self.outcomes.append(Outcome(self._where.get(doc_id, doc_id), "skipped", reason))

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "skipped"]

    def seconds(self) -> float:
        return self.clock() - self.started

    def report(self) -> str:
        """Every failed and skipped input, one JSON object a line, in the order met."""
        return "".join(o.to_json() + "\n" for o in self.outcomes)


def summary_lines(tally: BuildTally, counts: GraphCounts, *, where: str = "") -> list[str]:
    """The end summary of a build, a few aligned lines.

    Args:
        tally: what happened to the inputs.
        counts: the built graph's counts (or the store's, then ``where`` is " in the store").
    """
    seconds = tally.seconds()
    skipped, failures = tally.skipped, tally.failures
    documents = f"{tally.read:,} read"
    if skipped:
        documents += f", {len(skipped):,} skipped (unchanged in the store)"
    documents += f", {len(failures):,} failed"
    rate = (f" ({tally.read / seconds:,.1f} documents/s, {tally.words / seconds:,.0f} words/s)"
            if seconds > 0 and tally.read else "")
    lines = [f"documents  {documents}",
             f"entities   {counted(counts.entities, 'node')}{where}",
             f"facts      {counts.facts:,}{where}" + (f": {relation_counts(counts.relations)}"
                                                   if counts.facts else ""),
             f"time       {seconds:,.1f} s{rate}"]
    for n, outcome in enumerate(failures[:SHOWN_FAILURES]):
        lines.append(f"{'failed' if n == 0 else '':<10} "
                     + printable(f"{outcome.input}: {outcome.reason}"))
    if len(failures) > SHOWN_FAILURES:
        lines.append(f"{'':<10} ... and {len(failures) - SHOWN_FAILURES:,} more "
                     "(--report FILE lists every one)")
    return lines
