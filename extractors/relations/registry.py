"""The rule registry: every value of ``kgb:rule`` names exactly one registered function.

A rule reads one pattern of English from one sentence. It is a function
``(view: SentenceView, ctx: DocContext) -> Iterable[Fact]`` registered by name::

    @rule("verb-passive", stage=Stage.VERB)
    def passive_agent(view, ctx):
        '''"Ismail Haniyeh was killed by Israel": the by-agent did it.'''
        ...

The facts a rule yields carry its name (``Fact.rule``), so an error in the graph leads
to one function. Rules run stage by stage, in registration order within a stage; a rule
of a later stage may read what an earlier one noted on the sentence view.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the view and context import spaCy; the registry itself does not
    from extractors.records import Fact
    from extractors.relations.context import DocContext, SentenceView

RuleFunction = Callable[["SentenceView", "DocContext"], Iterable["Fact"]]


class Stage(IntEnum):
    """When a rule runs: verb facts first, then what reads them, then facts without verbs."""

    VERB = 0        # a verb and its arguments
    DERIVED = 1     # facts that follow from a verb fact of the same sentence
    NOMINAL = 2     # event nouns and culpability clauses
    PHRASE = 3      # roles, locations, modifiers: facts without verbs, after every sentence


@dataclass(frozen=True)
class Rule:
    """One registered rule: its name (the ``kgb:rule`` value), stage and function."""

    name: str
    stage: Stage
    function: RuleFunction
    order: int

    def __call__(self, view: "SentenceView", ctx: "DocContext") -> Iterable["Fact"]:
        return self.function(view, ctx)


_REGISTRY: dict[str, Rule] = {}


class RegistryError(ValueError):
    """A rule name registered twice, or a name no rule has."""


def rule(name: str, *, stage: Stage) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``name``; one name, one function.

    >>> @rule("demo-never", stage=Stage.VERB)
    ... def never(view, ctx):
    ...     return ()
    >>> get_rule("demo-never").function is never
    True
    >>> _REGISTRY.pop("demo-never").name
    'demo-never'
    """
    def register(function: RuleFunction) -> RuleFunction:
        if name in _REGISTRY and _REGISTRY[name].function.__qualname__ != function.__qualname__:
            raise RegistryError(f"rule {name!r} is registered twice: "
                                f"{_REGISTRY[name].function.__qualname__} and "
                                f"{function.__qualname__}")
        _REGISTRY[name] = Rule(name, stage, function, len(_REGISTRY))
        function.rule_name = name  # type: ignore[attr-defined]
        return function
    return register


@lru_cache(maxsize=1)
def _load() -> None:
    """Import every module of this package, so their decorators register their rules
    (once: the package's folder is not read again for every document)."""
    package = importlib.import_module(__package__)
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{__package__}.{info.name}")


def rules(stage: Stage | None = None) -> tuple[Rule, ...]:
    """The registered rules (of one stage), in the order they run."""
    _load()
    chosen = [r for r in _REGISTRY.values() if stage is None or r.stage == stage]
    return tuple(sorted(chosen, key=lambda r: (r.stage, r.order)))


def rule_names() -> frozenset[str]:
    """Every rule name the build can write into ``kgb:rule``."""
    return frozenset(r.name for r in rules())


def get_rule(name: str) -> Rule:
    """The rule registered under ``name``; the error lists the names there are."""
    _load()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise RegistryError(f"no rule {name!r}; rules: {', '.join(sorted(_REGISTRY))}") from None
