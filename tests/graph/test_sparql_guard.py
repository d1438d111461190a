"""Remote access and updates are seen in the query text before anything runs."""
from __future__ import annotations

import pytest

from graph.query import prefix_map
from graph.sparql_guard import QueryRefused, check_sparql, is_update, remote_uses, syntax_message


@pytest.mark.parametrize("sparql, found", [
    ("SELECT * { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }", "SERVICE <http://10.0.0.1/sparql>"),
    ("select * { service silent <http://x/> { ?s ?p ?o } }", "service <http://x/>"),
    ("PREFIX ex: <http://x/> SELECT * { SERVICE ex:q { ?s ?p ?o } }", "SERVICE ex:q"),
    ("SELECT * { SERVICE ?endpoint { ?s ?p ?o } }", "SERVICE ?endpoint"),
    ("SELECT * FROM <http://evil.example/g> { ?s ?p ?o }", "FROM <http://evil.example/g>"),
    ("PREFIX ex: <http://x/> SELECT * FROM NAMED ex:g { ?s ?p ?o }", "FROM ex:g"),
    ("LOAD <http://x/data.ttl>", "LOAD <http://x/data.ttl>"),
])
def test_sparql_guard_refuses_what_reaches_outside(sparql, found):
    assert remote_uses(sparql, prefixes=prefix_map())[0] == found
    with pytest.raises(QueryRefused, match="--allow-remote"):
        check_sparql(sparql, prefixes=prefix_map(), allow_remote=False, allow_update=True)


@pytest.mark.parametrize("sparql", [
    'SELECT * { ?s rdfs:label "SERVICE <http://x/>" }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://x/> in a comment",
    "SELECT ?service { ?service kgb:attacked ?load }",
    "SELECT * FROM kgd:01_taji_rockets { ?s ?p ?o }",
    "SELECT * FROM NAMED <https://w3id.org/kgbuilder/resource/doc/a> { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o FILTER(?o < 3) } ORDER BY ?s",
    "SELECT * { ?s ex:SERVICE ?o }",
])
def test_sparql_guard_lets_local_queries_through(sparql):
    assert remote_uses(sparql, prefixes=prefix_map()) == []


@pytest.mark.parametrize("sparql, update", [
    ("INSERT DATA { <http://a> <http://b> <http://c> }", True),
    ("PREFIX ex: <http://e/>\nDELETE WHERE { ?s ex:p ?o }", True),
    ("# a comment\nCLEAR DEFAULT", True),
    ("SELECT * { ?s ?p ?o }", False),
    ("PREFIX ex: <http://e/> CONSTRUCT { ?s ex:p ?o } WHERE { ?s ex:q ?o }", False),
])
def test_sparql_guard_tells_updates_from_queries(sparql, update):
    assert is_update(sparql) is update


def test_sparql_guard_refuses_updates_unless_allowed():
    with pytest.raises(QueryRefused, match="--update"):
        check_sparql("DROP ALL", prefixes={}, allow_remote=False, allow_update=False)
    assert check_sparql("DROP ALL", prefixes={}, allow_remote=False, allow_update=True)


def test_sparql_guard_syntax_message_is_one_line_with_line_and_column():
    import pyoxigraph as ox
    with pytest.raises(SyntaxError) as err:
        ox.Store().query("SELECT *\nWHERE {\n  ?s kgb:attacked\n}", prefixes=prefix_map())
    message = syntax_message(err.value)
    assert message.startswith("invalid SPARQL at line 4, column 1: ") and "\n" not in message
