"""The SHACL Core constraints our shapes use, compiled once and checked over plain indexes.

A build's graph is checked against ``ontology/shapes.ttl`` after every build and every
store write. A general SHACL engine (pySHACL) walks the data through rdflib's
context-aware store and builds each constraint anew per focus node; this module reads
the shapes once into plain checks and the data once into dictionaries (only the
predicates the shapes name), so a check costs a dictionary look-up and a comparison.

It implements the part of SHACL Core the shapes use, with the semantics of the W3C
recommendation (and pySHACL's reading of it, which the tests compare against on built
and damaged graphs): targets by class (with ``rdfs:subClassOf`` in the data), node,
subjects-of and objects-of; property shapes with a predicate path; ``sh:minCount``,
``sh:maxCount``, ``sh:nodeKind``, ``sh:datatype`` (ill-typed literals fail),
``sh:class``, ``sh:in``, ``sh:minLength``, ``sh:lessThan``, ``sh:or``, nested
``sh:property``. A shape that uses anything else in the SHACL namespace is refused when
compiled (:class:`UnsupportedShape`), never silently ignored.

Each result is (focus node, node shape, path, message): the message is the shape's
``sh:message``, or a short one naming the constraint when it has none.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from decimal import Decimal
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH


class UnsupportedShape(ValueError):
    """A shape uses a part of SHACL this module does not implement."""


#: properties of a shape that name, describe or target it rather than constrain it
_NOT_CONSTRAINTS = {SH.path, SH.message, SH.targetClass, SH.targetNode, SH.targetSubjectsOf,
                    SH.targetObjectsOf, SH.property, SH.name, SH.description, SH.order}

_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def key(term):
    """A plain, hashable key of an RDF term: an IRI's text, ``_:`` and a blank node's id, a
    literal itself. rdflib's terms compare in Python; plain strings compare in C, and
    nodes are looked up tens of thousands of times."""
    if isinstance(term, URIRef):
        return str.__str__(term)
    if isinstance(term, BNode):
        return "_:" + term
    return term


class Data:
    """The triples of a graph that the shapes read: predicate -> subject -> objects, by
    :func:`key`, and each subject's term."""

    def __init__(self, triples: Iterable[tuple], predicates: Iterable[URIRef]) -> None:
        wanted = {*predicates, RDF.type, RDFS.subClassOf}
        self._out: dict = {str(p): defaultdict(list) for p in wanted}
        self.terms: dict = {}
        terms = self.terms
        for s, p, o in triples:
            index = self._out.get(str.__str__(p))
            if index is not None:
                k = key(s)
                index[k].append(o)
                terms[k] = s
        self._supers: dict = {}

    def index(self, p: URIRef | None) -> dict | None:
        """Subject key -> objects of predicate ``p`` (None for None)."""
        return None if p is None else self._out[str(p)]

    def objects(self, s, p: str) -> list:
        """The objects of subject key ``s`` and predicate ``p`` (an IRI's text)."""
        return self._out[p].get(s, [])

    def subjects_of(self, p: str) -> Iterable:
        return self._out[p].keys()

    def objects_of(self, p: str) -> dict:
        """Key -> term of every object of ``p``."""
        found: dict = {}
        for objects in self._out[p].values():
            for o in objects:
                found[key(o)] = o
        return found

    def classes_of(self, node) -> set:
        """The IRIs of every class the node of key ``node`` is an instance of, through
        ``rdfs:subClassOf`` in the data."""
        found: set = set()
        for cls in self.objects(node, _TYPE):
            found |= self._superclasses(key(cls))
        return found

    def _superclasses(self, cls) -> set:
        known = self._supers.get(cls)
        if known is None:
            known, todo = set(), [cls]
            while todo:
                c = todo.pop()
                if c not in known:
                    known.add(c)
                    todo.extend(key(o) for o in self.objects(c, _SUBCLASS))
            self._supers[cls] = known
        return known

    def instances(self, cls: str) -> dict:
        """Key -> term of every instance of the class of IRI ``cls``."""
        return {s: self.terms[s] for s in self.subjects_of(_TYPE) if cls in self.classes_of(s)}


_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)


#: a constraint: (data, focus node's key, value nodes) -> whether they conform
Check = Callable[[Data, object, list], bool]


@dataclass(frozen=True)
class Shape:
    """One compiled shape: its node, the node shape it reports under, its path (None for a
    node shape: the value node is the focus node), its checks and its message."""

    node: object
    node_shape: object
    path: URIRef | None
    checks: tuple[Check, ...]
    message: str
    properties: tuple["Shape", ...] = ()

    def own_conforms(self, data: Data, k, term) -> bool:
        """Whether the focus node ``term`` (of :func:`key` ``k``) meets the shape's own checks."""
        index = data.index(self.path)
        values = [term] if index is None else index.get(k, ())
        return all(check(data, k, values) for check in self.checks)

    def conforms(self, data: Data, term) -> bool:
        """Whether ``term`` (a value node, for a shape nested in ``sh:or``) meets the shape
        and all of its property shapes."""
        k = key(term)
        return self.own_conforms(data, k, term) and all(p.conforms(data, term)
                                                         for p in self.properties)


def _each(ok: Callable[[Data, object], bool]) -> Check:
    return lambda data, focus, values: all(ok(data, v) for v in values)


#: the Python value a well-typed literal of these datatypes has (others: any)
_PYTHON_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: (int,),
                 XSD.float: (float,), XSD.decimal: (Decimal,), XSD.boolean: (bool,),
                 XSD.date: (date,), XSD.time: (time,), XSD.dateTime: (datetime,)}


_LITERAL, _DATATYPE, _STRING, _LANG_STRING = (
    str(t) for t in (RDFS.Literal, RDFS.Datatype, XSD.string, RDF.langString))


def _datatype_ok(value, datatype: str, python_type) -> bool:
    """Whether ``value`` is a literal of ``datatype`` (an IRI's text) that is not ill-typed
    (its Python value is of ``python_type``)."""
    if not isinstance(value, Literal):
        return False
    if value.datatype is not None and str.__eq__(value.datatype, datatype):
        if value.ill_typed is True:
            return False
    elif datatype == _LITERAL or (datatype == _DATATYPE and value.datatype):
        return True
    elif value.datatype is not None or not (
            (datatype == _STRING and value.language is None)
            or (datatype == _LANG_STRING and value.language)):
        return False
    return isinstance(value.value, python_type)


_NUMBERS = {int, float, Decimal}


def _less_than(value, other) -> bool:
    if isinstance(value, BNode) or isinstance(other, BNode):
        return False
    a_text = isinstance(value, URIRef) or isinstance(value.value, str)
    b_text = isinstance(other, URIRef) or isinstance(other.value, str)
    if a_text or b_text:  # IRIs and strings compare as text, with each other only
        return a_text and b_text and str(value) < str(other)
    if type(value.value) in _NUMBERS and type(other.value) in _NUMBERS:
        return value.value < other.value  # numbers as SPARQL compares them, without rdflib's dispatch
    try:
        return bool(value < other)
    except TypeError:
        return False


def _list(shapes: Graph, node) -> list:
    return list(Collection(shapes, node))


def _constraint(shapes: Graph, shape, p, o, compile_nested) -> Check:
    """The check of one constraint parameter ``p`` with value ``o``."""
    if p == SH.minCount:
        n = int(o)
        return lambda data, focus, values: len(values) >= n
    if p == SH.maxCount:
        n = int(o)
        return lambda data, focus, values: len(values) <= n
    if p == SH.nodeKind:
        kinds = _NODE_KINDS.get(o)
        if kinds is None:
            raise UnsupportedShape(f"{shape}: unknown sh:nodeKind {o}")
        return _each(lambda data, v: isinstance(v, kinds))
    if p == SH.datatype:
        python_type, datatype = _PYTHON_TYPES.get(o, object), str(o)
        return _each(lambda data, v: _datatype_ok(v, datatype, python_type))
    if p == SH["class"]:
        cls = str(o)
        return _each(lambda data, v: not isinstance(v, Literal) and cls in data.classes_of(key(v)))
    if p == SH["in"]:
        allowed = frozenset(_list(shapes, o))
        return _each(lambda data, v: v in allowed)
    if p == SH.minLength:
        n = int(o)
        return _each(lambda data, v: not isinstance(v, BNode) and len(str(v)) >= n)
    if p == SH.lessThan:
        other = str(o)
        return lambda data, focus, values: all(
            _less_than(v, w) for v in values for w in data.objects(focus, other))
    if p == SH["or"]:
        options = [compile_nested(member) for member in _list(shapes, o)]
        return _each(lambda data, v: any(opt.conforms(data, v) for opt in options))
    raise UnsupportedShape(f"{shape}: {shapes.namespace_manager.normalizeUri(p)} is not "
                           f"supported by graph/shacl_core.py")


def _compile(shapes: Graph, node, node_shape) -> Shape:
    path = shapes.value(node, SH.path)
    if path is not None and not isinstance(path, URIRef):
        raise UnsupportedShape(f"{node}: only a predicate path is supported")
    checks, names = [], []
    for p, o in sorted(shapes.predicate_objects(node)):
        if not str(p).startswith(str(SH)) or p in _NOT_CONSTRAINTS:
            continue
        if p == SH.severity and o == SH.Violation:
            continue
        checks.append(_constraint(shapes, node, p, o, lambda m: _compile(shapes, m, m)))
        names.append(f"{shapes.namespace_manager.normalizeUri(p)} {o}")
    message = shapes.value(node, SH.message)
    properties = tuple(_compile(shapes, prop, node_shape)
                       for prop in sorted(shapes.objects(node, SH.property)))
    if properties and path is not None:
        raise UnsupportedShape(f"{node}: a property shape with property shapes of its own")
    return Shape(node, node_shape, path, tuple(checks),
                 str(message) if message is not None else "violates " + ", ".join(names),
                 properties)


@dataclass(frozen=True)
class Target:
    """How a node shape picks its focus nodes."""

    classes: tuple = ()
    nodes: tuple = ()
    subjects_of: tuple = ()
    objects_of: tuple = ()

    def focus_nodes(self, data: Data) -> dict:
        """:func:`key` -> term of every node the target picks in ``data``."""
        found = {key(n): n for n in self.nodes}
        for cls in self.classes:
            found.update(data.instances(str(cls)))
        for p in self.subjects_of:
            found.update((k, data.terms[k]) for k in data.subjects_of(str(p)))
        for p in self.objects_of:
            found.update(data.objects_of(str(p)))
        return found


@dataclass(frozen=True)
class Compiled:
    """The targeted shapes: (target, the node shape's own shape and its property shapes)."""

    shapes: tuple[tuple[Target, tuple[Shape, ...]], ...]
    predicates: frozenset

    def data(self, triples: Iterable[tuple]) -> Data:
        return Data(triples, self.predicates)

    def targeted(self, data: Data) -> set:
        """(node, node shape) for every node some shape targets."""
        return {(n, shapes[0].node_shape) for target, shapes in self.shapes
                for n in target.focus_nodes(data).values()}

    def results(self, data: Data) -> list[tuple]:
        """(focus node, node shape, path, message) of every shape a focus node violates."""
        out = []
        for target, shapes in self.shapes:
            focus_nodes = target.focus_nodes(data)
            for shape in shapes:  # shape by shape: one index and one list of checks each
                checks, index = shape.checks, data.index(shape.path)
                for k, focus in focus_nodes.items():
                    values = [focus] if index is None else index.get(k, ())
                    if not all(check(data, k, values) for check in checks):
                        out.append((focus, shape.node_shape, shape.path, shape.message))
        return out


def compile_shapes(shapes: Graph) -> Compiled:
    """The targeted node shapes of ``shapes``, each with its property shapes, as checks.

    Raises :class:`UnsupportedShape` for a part of SHACL this module does not implement.
    """
    out = []
    for node in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        target = Target(*(tuple(sorted(shapes.objects(node, p)))
                          for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf,
                                    SH.targetObjectsOf)))
        if target == Target():
            continue  # checked only where another shape refers to it
        root = _compile(shapes, node, node)  # results check each shape's own constraints
        out.append((target, (root, *root.properties)))
    predicates = {o for o in shapes.objects(None, SH.path)}
    predicates |= {o for p in (SH.targetSubjectsOf, SH.targetObjectsOf, SH.lessThan)
                   for o in shapes.objects(None, p)}
    return Compiled(tuple(out), frozenset(predicates))


@lru_cache(maxsize=8)
def compiled(shapes: Graph) -> Compiled:
    """:func:`compile_shapes`, once per shapes graph."""
    return compile_shapes(shapes)
