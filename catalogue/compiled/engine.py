"""Running a compiled program over chunks of data held in a pyoxigraph store.

The catalogue (the slim knowledge graph pySHACL also gets) is loaded once into its own named graph; each
chunk of data goes into a graph of its own, and every query sees exactly the two as its default graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef

from ..namespaces import OVG
from ..validation import ANNOTATIONS, SCHEMA_NAMESPACES
from ..validation import PARTS as VALIDATION_PARTS
from .compiler import Program
from .values import rdflib_term

CATALOGUE_GRAPH = ox.NamedNode("urn:x-overgang:catalogue")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
HANDOVER = ox.NamedNode(str(OVG.Handover))
PARTS = tuple(ox.NamedNode(str(p)) for p in VALIDATION_PARTS)


def is_schema_predicate(iri: str) -> bool:
    """The cut of validation.without_schema, on IRIs as strings."""
    return iri.startswith(SCHEMA_NAMESPACES) and URIRef(iri) not in ANNOTATIONS


DATATYPE_COMPONENT = URIRef("http://www.w3.org/ns/shacl#DatatypeConstraintComponent")
XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


@dataclass
class LoadNotes:
    originals: dict = field(default_factory=dict)  # value-test predicate -> typed literals as written
    canonical: dict = field(default_factory=dict)  # literal as written -> literal as the store keeps it
    lexical_changed: bool = False
    ambiguous: bool = False  # a stored value stands for written literals the value tests judge differently
    compared_datatype_error: bool = False  # a SPARQL constraint would compare a literal of the wrong datatype


def _canonical_forms(literals) -> dict:
    """What the store turns each literal into, found by storing them in a scratch store."""
    if not literals:
        return {}
    ordered = list(literals)
    scratch = ox.Store()
    predicate = ox.NamedNode("urn:x-overgang:p")
    scratch.extend(ox.Quad(ox.NamedNode(f"urn:x-overgang:{i}"), predicate, lit) for i, lit in enumerate(ordered))
    out = {}
    for quad in scratch:
        out[ordered[int(quad.subject.value.rsplit(":", 1)[1])]] = quad.object
    return out


@dataclass(frozen=True)
class RawFinding:
    """One result, in rdflib terms so that it can cross process boundaries."""
    focus: object
    path: URIRef | None
    severity: URIRef
    component: URIRef
    shape: object
    constraint: object
    value: object
    handovers: tuple[str, ...]

    def key(self) -> tuple:
        return (self.focus, self.path, self.severity, self.component, self.shape, self.constraint, self.value)


class Engine:
    def __init__(self, program: Program, knowledge_ntriples: bytes):
        self.program = program
        self.store = ox.Store()
        self.store.load(knowledge_ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=CATALOGUE_GRAPH)
        self._verdicts: list[dict] = [{} for _ in program.value_checks]
        self._compared = program.compared_predicates
        self._counter = 0

    # -- data -------------------------------------------------------------------------------------------
    def new_graph(self) -> ox.NamedNode:
        self._counter += 1
        return ox.NamedNode(f"urn:x-overgang:chunk:{self._counter}")

    def load(self, graph: ox.NamedNode, data: bytes, rdf_format: ox.RdfFormat) -> LoadNotes:
        """Load a chunk, and note what the store's literal canonicalisation would hide.

        Oxigraph stores literals by value: "015"^^xsd:integer becomes "15", "1"^^xsd:boolean "true", and
        "15"^^xsd:nonNegativeInteger "15"^^xsd:integer. pySHACL sees the literal as written. So the typed
        literals are read once as written, to decide value tests on the original and to notice when the
        store changed a lexical form (then SPARQL's STR() would differ and the caller uses pySHACL).
        """
        notes = LoadNotes()
        watched = self.program.value_predicates
        originals = notes.originals
        typed = set()
        for triple in ox.parse(data, format=rdf_format):
            obj = triple.object
            if type(obj) is ox.Literal and obj.language is None:
                datatype = obj.datatype
                if datatype != XSD_STRING:
                    typed.add(obj)
                    predicate = triple.predicate
                    if predicate in watched:
                        originals.setdefault(predicate, set()).add(obj)
        self.store.load(data, format=rdf_format, to_graph=graph)
        notes.canonical = _canonical_forms(typed)
        notes.lexical_changed = any(str(canon.value) != original.value for original, canon in notes.canonical.items())
        return notes

    def strip_schema(self, graph: ox.NamedNode) -> None:
        """The same cut as validation.without_schema: schema statements in data never reach the shapes."""
        doomed = []
        for row in self.store.query(f"SELECT DISTINCT ?p WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
            if is_schema_predicate(row[0].value):
                doomed.extend(self.store.quads_for_pattern(None, row[0], None, graph))
        for row in self.store.query(f"SELECT DISTINCT ?o WHERE {{ GRAPH {graph} {{ ?s {RDF_TYPE} ?o }} }}"):
            if isinstance(row[0], ox.NamedNode) and row[0].value.startswith(SCHEMA_NAMESPACES):
                doomed.extend(self.store.quads_for_pattern(None, RDF_TYPE, row[0], graph))
        for quad in doomed:
            self.store.remove(quad)

    def is_empty(self, graph: ox.NamedNode) -> bool:
        return not bool(self.store.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def drop(self, graph: ox.NamedNode) -> None:
        self.store.remove_graph(graph)

    # -- validation -------------------------------------------------------------------------------------
    def _query(self, text: str, graph: ox.NamedNode):
        return self.store.query(text, default_graph=[CATALOGUE_GRAPH, graph])

    def validate(self, graph: ox.NamedNode, notes: LoadNotes) -> list[RawFinding]:
        found: dict[tuple, RawFinding] = {}

        def add(focus, path, severity, component, shape, constraint, value):
            finding = RawFinding(rdflib_term(focus), path, severity, component, shape, constraint,
                                 rdflib_term(value) if value is not None else None, ())
            found.setdefault(finding.key(), finding)

        for check in self.program.row_checks:
            results = self._query(check.query, graph)
            names = {v.value for v in results.variables}
            for row in results:
                focus = row["this"]
                path = check.path
                if "path" in names and row["path"] is not None:
                    path = rdflib_term(row["path"])
                value = None
                for name in ("value", "v"):
                    if name in names and row[name] is not None:
                        value = row[name]
                        break
                else:
                    if check.value_is_focus:
                        value = focus
                add(focus, path, check.severity, check.component, check.shape, check.constraint, value)
        written = {}  # (predicate, stored literal) -> literals as written
        for predicate, literals in notes.originals.items():
            for original in literals:
                written.setdefault((predicate, notes.canonical.get(original, original)), []).append(original)
        for index, check in enumerate(self.program.value_checks):
            verdicts = self._verdicts[index]
            failing = []
            for row in self._query(check.values_query, graph):
                term = row[0]
                candidates = written.get((check.predicate, term), [term]) if type(term) is ox.Literal else [term]
                outcome = set()
                for candidate in candidates:
                    verdict = verdicts.get(candidate)
                    if verdict is None:
                        verdict = check.test.accepts(rdflib_term(candidate))
                        verdicts[candidate] = verdict
                    outcome.add(verdict)
                if len(outcome) > 1:
                    notes.ambiguous = True
                    return []
                if False in outcome:
                    failing.append(term)
            if failing and check.component == DATATYPE_COMPONENT and check.predicate in self._compared:
                notes.compared_datatype_error = True
                return []
            queries = []
            if failing:
                queries.append(check.rows_query.replace("{VALUES}", " ".join(str(t) for t in failing)))
            if check.blank_rows_query is not None:
                queries.append(check.blank_rows_query)
            for query in queries:
                for row in self._query(query, graph):
                    add(row["this"], check.path, check.severity, check.component, check.shape, None, row["v"])
        return [self._attributed(f, graph) for f in found.values() if self._in_data(f.focus, graph)]

    def _in_data(self, focus, graph) -> bool:
        term = _ox_term(focus)
        if term is None or isinstance(term, ox.Literal):
            return False  # pySHACL's reports are kept only for subjects and non-literal objects of the data
        for _quad in self.store.quads_for_pattern(term, None, None, graph):
            return True
        for _quad in self.store.quads_for_pattern(None, None, term, graph):
            return True
        return False

    def _attributed(self, finding: RawFinding, graph) -> RawFinding:
        term = _ox_term(finding.focus)
        for _quad in self.store.quads_for_pattern(term, RDF_TYPE, HANDOVER, graph):
            handovers = (str(finding.focus),)
            break
        else:
            owners = set()
            for part in PARTS:
                for quad in self.store.quads_for_pattern(None, part, term, graph):
                    owners.add(str(rdflib_term(quad.subject)))
            handovers = tuple(sorted(owners))
        return RawFinding(finding.focus, finding.path, finding.severity, finding.component, finding.shape,
                          finding.constraint, finding.value, handovers)


def _ox_term(term):
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return None
