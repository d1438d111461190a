"""Graph: plain records to RDF under the kgbuilder ontology. spaCy-free."""
from graph.build import bind_prefixes, build_graph
from graph.iris import document_iri, entity_iri, slugify

__all__ = ["bind_prefixes", "build_graph", "document_iri", "entity_iri", "slugify"]
