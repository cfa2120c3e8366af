"""The ontology is OWL 2 DL: it loads and classifies in HermiT (the reasoner in Protégé) and in Pellet, both run
by owlready2 on the JVM. Skipped only when no JVM is installed."""

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

import owlready2
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from catalogue.namespaces import OVG

REPO = Path(__file__).resolve().parent.parent


def _java_version(java: str) -> tuple[int, ...]:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.SubprocessError):
        return ()
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    return tuple(int(part) for part in match.groups() if part) if match else ()


def _newest_java() -> str | None:
    """The newest JVM installed: owlready2's Pellet jars may need a newer one than the default `java`."""
    candidates = {shutil.which("java"), *glob.glob("/usr/lib/jvm/*/bin/java")}
    if os.environ.get("JAVA_HOME"):
        candidates.add(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    found = [(version, java) for java in candidates if java and (version := _java_version(java))]
    return max(found)[1] if found else None


JAVA = _newest_java()
pytestmark = pytest.mark.skipif(JAVA is None, reason="no JVM installed: HermiT and Pellet need one")
REASONERS = {"hermit": owlready2.sync_reasoner_hermit, "pellet": owlready2.sync_reasoner_pellet}


def classify(graph: Graph, reasoner: str, folder: Path):
    """Load the graph in a fresh owlready2 world, run the reasoner; return the unsatisfiable classes."""
    owlready2.JAVA_EXE = JAVA
    path = folder / f"ontology-{reasoner}.owl"
    graph.serialize(path, format="xml", encoding="utf-8")
    world = owlready2.World()
    ontology = world.get_ontology(path.as_uri()).load()
    with ontology:
        REASONERS[reasoner](world, infer_property_values=False, debug=0)
    return {str(c.iri) for c in world.inconsistent_classes()}


@pytest.mark.parametrize("reasoner", sorted(REASONERS))
def test_the_ontology_classifies(ontology_graph, reasoner, tmp_path):
    assert classify(ontology_graph, reasoner, tmp_path) == set()


@pytest.mark.parametrize("reasoner", sorted(REASONERS))
def test_the_reasoners_find_a_planted_unsatisfiable_class(ontology_graph, reasoner, tmp_path):
    """The test above must be able to fail: a pupil that is also a guardian, with the two made disjoint."""
    graph = Graph()
    for triple in ontology_graph:
        graph.add(triple)
    both = URIRef(str(OVG) + "PupilAndGuardian")
    graph.add((both, RDF.type, OWL.Class))
    graph.add((both, RDFS.subClassOf, OVG.Pupil))
    graph.add((both, RDFS.subClassOf, OVG.Guardian))
    graph.add((OVG.Pupil, OWL.disjointWith, OVG.Guardian))
    assert str(both) in classify(graph, reasoner, tmp_path)


def test_hermit_refuses_a_datatype_outside_the_owl2_map(ontology_graph, tmp_path):
    """What the issue found: a range of xsd:date is not OWL 2 DL, and HermiT will not load it."""
    graph = Graph()
    for triple in ontology_graph:
        graph.add(triple)
    graph.set((OVG.expectedStart, RDFS.range, XSD.date))
    with pytest.raises(owlready2.OwlReadyJavaError, match="not part of the OWL 2 datatype map"):
        classify(graph, "hermit", tmp_path)


def test_every_datatype_range_is_in_the_owl2_datatype_map(ontology_graph):
    owl2_map = {RDFS.Literal, OWL.real, OWL.rational, XSD.decimal, XSD.integer, XSD.nonNegativeInteger,
                XSD.nonPositiveInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.long, XSD.int, XSD.short,
                XSD.byte, XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte, XSD.double,
                XSD.float, XSD.string, XSD.normalizedString, XSD.token, XSD.language, XSD.Name, XSD.NCName,
                XSD.NMTOKEN, XSD.boolean, XSD.hexBinary, XSD.base64Binary, XSD.anyURI, XSD.dateTime,
                XSD.dateTimeStamp, RDF.XMLLiteral, RDF.PlainLiteral}
    for prop in ontology_graph.subjects(RDF.type, OWL.DatatypeProperty):
        for datatype in ontology_graph.objects(prop, RDFS.range):
            assert datatype in owl2_map, (prop, datatype)
