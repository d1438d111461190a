"""The kgbuilder ontology: namespaces, classes, relations and their cues.

The Turtle files in this package are the single source of truth. Python reads them
through :mod:`importlib.resources`, so the package works wherever it is installed.
"""
from ontology.terms import CLASSES, ITSRDF, KGB, KGR, NIF, OPEN, REL, SCHEMA, load_ontology
from ontology.cues import CueTable, Relation, cue_table, load_cues, load_relations, relations_of

__all__ = ["KGB", "REL", "KGR", "OPEN", "SCHEMA", "NIF", "ITSRDF", "CLASSES", "load_ontology", "CueTable", "Relation",
           "load_relations", "load_cues", "cue_table", "relations_of"]
