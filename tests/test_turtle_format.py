"""Canonical Turtle is lossless, idempotent, and the repository's files are in it."""

from rdflib import Graph
from rdflib.compare import isomorphic

from catalogue.authoring.canonical_turtle import canonical_turtle


def test_round_trip_is_lossless_and_idempotent(catalogue):
    for gid in catalogue.files:
        graph = catalogue.dataset.graph(gid)
        text = canonical_turtle(graph)
        again = Graph().parse(data=text, format="turtle")
        assert isomorphic(graph, again), catalogue.relative(gid)
        assert canonical_turtle(again) == text, catalogue.relative(gid)


def test_equal_blank_nodes_under_different_subjects_stay_stable():
    data = """@prefix e: <http://e.org/> .
    e:a e:period [ e:start "2024" ] ; e:note [ e:v "x"@nb ] , [ e:v "x"@en ] .
    e:b e:period [ e:start "2024" ] ; e:note [ e:v "x"@en ] , [ e:v "x"@nb ] ."""
    texts = {canonical_turtle(Graph().parse(data=data, format="turtle")) for _ in range(5)}
    assert len(texts) == 1


def test_repository_turtle_files_are_canonical(catalogue):
    off = []
    for gid, path in sorted(catalogue.files.items()):
        if path.read_text(encoding="utf-8") != canonical_turtle(catalogue.dataset.graph(gid)):
            off.append(catalogue.relative(gid))
    assert off == []


def test_reordered_input_gives_the_same_text():
    a = Graph().parse(data="<http://e.org/b> <http://e.org/p> 2, 1 . <http://e.org/a> <http://e.org/p> 3 .",
                      format="turtle")
    b = Graph().parse(data="<http://e.org/a> <http://e.org/p> 3 . <http://e.org/b> <http://e.org/p> 1, 2 .",
                      format="turtle")
    assert canonical_turtle(a) == canonical_turtle(b)
