"""Running a compiled program over chunks of data held in a pyoxigraph store.

Each chunk of data goes into a graph of its own. Just before the checks run, the catalogue (the slim knowledge
graph pySHACL also gets) is added to that graph, and the queries read that one graph: measured, Oxigraph
answers them about a fifth faster from one graph than from the union of a data graph and a catalogue graph.
Which statements came from the data is still known, because the catalogue's statements are known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox
from rdflib import BNode, URIRef

from catalogue.namespaces import OVG
from catalogue.validate.compiled.compiler import Program
from catalogue.validate.compiled.value_reads import ANY
from catalogue.validate.compiled.values import rdflib_term
from catalogue.validate.literal_view import has_timezone, xsd_valid
from catalogue.validate.pyshacl_engine import ANNOTATIONS, SCHEMA_NAMESPACES
from catalogue.validate.pyshacl_engine import PARTS as VALIDATION_PARTS

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
HANDOVER = ox.NamedNode(str(OVG.Handover))
PARTS = tuple(ox.NamedNode(str(p)) for p in VALIDATION_PARTS)


def is_schema_predicate(iri: str) -> bool:
    """The cut of validation.without_schema, on IRIs as strings."""
    return iri.startswith(SCHEMA_NAMESPACES) and URIRef(iri) not in ANNOTATIONS


MIN_COUNT = URIRef("http://www.w3.org/ns/shacl#MinCountConstraintComponent")
MAX_COUNT = URIRef("http://www.w3.org/ns/shacl#MaxCountConstraintComponent")
XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
CHUNK = ox.NamedNode("urn:x-overgang:chunk")


@dataclass
class LoadNotes:
    originals: dict = field(default_factory=dict)  # value-test predicate -> typed literals as written
    canonical: dict = field(default_factory=dict)  # literal as written -> literal as the store keeps it
    merged: bool = False  # two typed literals as written are one in the store (or one with a catalogue literal)
    predicates: set = field(default_factory=set)  # every predicate the data uses
    ambiguous: bool = False  # a stored value stands for written literals the value tests judge differently
    compared: dict = field(default_factory=dict)  # predicate a rule compares -> its literals as written
    # The SPARQL constraints pySHACL must answer for this data, because they compare a literal rdflib and
    # Oxigraph may read differently (set by Engine.check)
    delegated: tuple = ()

    def merge(self, other: "LoadNotes") -> None:
        for predicate, literals in other.originals.items():
            self.originals.setdefault(predicate, set()).update(literals)
        for predicate, literals in other.compared.items():
            self.compared.setdefault(predicate, set()).update(literals)
        self.canonical.update(other.canonical)
        self.predicates |= other.predicates
        self.merged |= other.merged or len(set(self.canonical.values())) < len(self.canonical)


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


def may_compare_differently(literal: ox.Literal, wanted: set) -> bool:
    """Might rdflib (as pySHACL sees it, literal_view.py) and Oxigraph compare this literal differently?

    They agree on a valid literal of the one datatype the shapes ask of the predicate. They may not on one XSD
    rejects (Oxigraph fails every comparison with it; rdflib may compare its text), on a date or time with a
    timezone (XSD's partial order against rdflib's dropped timezone), on one rdflib reads no value from
    ("-2026-05-01"^^xsd:date), or on a literal of another datatype (rdflib then orders by datatype IRI)."""
    datatype = literal.datatype.value
    if len(wanted) != 1 or datatype not in wanted:
        return True
    if xsd_valid(literal.value, datatype) is False or has_timezone(literal.value, datatype):
        return True
    seen = rdflib_term(literal)
    return seen.value is None or getattr(seen, "ill_typed", None) is True


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
    def __init__(self, program: Program, knowledge_ntriples: bytes, cut_schema: bool = True):
        self.program = program
        self.cut_schema = cut_schema
        self.store = ox.Store()
        self._catalogue_triples = set(ox.parse(knowledge_ntriples, format=ox.RdfFormat.N_TRIPLES))
        self._also_in_data: set = set()  # catalogue statements the data states as well
        self._verdicts: list[dict] = [{} for _ in program.value_checks]
        self._required = program.required_datatypes

        def nodes(iris):
            return {p if p == ANY else ox.NamedNode(p) for p in iris}

        self._sparql_reads = [(check, nodes(check.compares), nodes(check.matches), nodes(check.texts))
                              for check in program.row_checks if check.compares or check.matches or check.texts]
        # The predicates whose literals scan() collects for delegated(). A read as text only needs to know
        # whether the store rewrote a literal, which the typed literals tell for every predicate at once.
        compared = set()
        for _check, compares, matches, texts in self._sparql_reads:
            compared |= compares | matches | (texts - {ANY})
        self._compare_all = ANY in compared
        self._compared = compared - {ANY}
        # The catalogue's statements with a literal, as the store keeps them -> the literal as written: the data
        # may state one of them again in another form, which the store would make one statement.
        literal_triples = [t for t in self._catalogue_triples if type(t.object) is ox.Literal]
        stored = _canonical_forms({t.object for t in literal_triples})
        self._catalogue_stored = {(t.subject, t.predicate, stored.get(t.object, t.object)): t.object
                                  for t in literal_triples}
        self._catalogue_quads: dict = {}
        self._stored_as: dict = {}  # literal as written -> as stored, for the graph being validated

    # -- data -------------------------------------------------------------------------------------------
    def new_graph(self) -> ox.NamedNode:
        # One name will do: each graph gets a fresh store (drop), and the catalogue's quads are built for it once.
        return CHUNK

    def scan(self, data: bytes, rdf_format: ox.RdfFormat) -> LoadNotes:
        """Read the typed literals as written, and note what the store's literal canonicalisation would hide.

        Oxigraph stores literals by value: "015"^^xsd:integer becomes "15", "1"^^xsd:boolean "true", and
        "15"^^xsd:nonNegativeInteger "15"^^xsd:integer. pySHACL sees the literal as written. So the typed
        literals are read once as written, to decide value tests on the original and to notice when the
        store changed a lexical form (then SPARQL's STR() would differ and the caller uses pySHACL).
        Raises SyntaxError or ValueError when the data does not parse.
        """
        watched = self.program.value_predicates
        compared, compare_all = self._compared, self._compare_all
        originals: dict = {}
        compared_literals: dict = {}
        typed, predicates = set(), set()
        literal = ox.Literal
        for triple in ox.parse(data, format=rdf_format):
            predicates.add(triple.predicate)
            obj = triple.object
            if type(obj) is literal:
                predicate = triple.predicate
                if compare_all or predicate in compared:
                    compared_literals.setdefault(predicate, set()).add(obj)
                if obj.language is None and obj.datatype != XSD_STRING:
                    typed.add(obj)
                    if predicate in watched:
                        originals.setdefault(predicate, set()).add(obj)
        return self.notes_for(typed, originals, predicates, compared_literals)

    def watches(self, predicate) -> bool:
        """Does a SPARQL constraint read this predicate's literals as values (scan collects them)?"""
        return self._compare_all or predicate in self._compared

    @staticmethod
    def notes_for(typed: set, originals: dict, predicates: set, compared: dict) -> LoadNotes:
        """Notes from the typed literals of some data, those of them on value-test predicates, the predicates
        the data uses and the literals on predicates that rules compare."""
        notes = LoadNotes(originals=originals, predicates=predicates, compared=compared)
        notes.canonical = _canonical_forms(typed)
        # The store keeps "15"^^xsd:int as "15"^^xsd:integer: a changed datatype is a changed literal too (a
        # finding would report the stored one).
        # Two literals as written that the store keeps as one ("15"^^xsd:int and "15"^^xsd:byte): one statement
        # where rdflib has two, so counts and findings could differ.
        notes.merged = len(set(notes.canonical.values())) < len(notes.canonical)
        return notes

    def load(self, graph: ox.NamedNode, data: bytes, rdf_format: ox.RdfFormat,
             notes: LoadNotes | None = None) -> LoadNotes:
        """Load data into a graph of its own; ``notes`` from an earlier scan of the same data spare a second."""
        if notes is None:
            notes = self.scan(data, rdf_format)
        self.store.load(data, format=rdf_format, to_graph=graph)
        return notes

    def strip_schema(self, graph: ox.NamedNode, predicates: set) -> None:
        """The same cut as validation.without_schema: schema statements in data never reach the shapes.
        ``predicates``: every predicate in the graph, as the scan collected them (no pass over the store)."""
        doomed = []
        for predicate in predicates:
            if is_schema_predicate(predicate.value):
                doomed.extend(self.store.quads_for_pattern(None, predicate, None, graph))
        for row in self.store.query(f"SELECT DISTINCT ?o WHERE {{ GRAPH {graph} {{ ?s {RDF_TYPE} ?o }} }}"):
            if isinstance(row[0], ox.NamedNode) and row[0].value.startswith(SCHEMA_NAMESPACES):
                doomed.extend(self.store.quads_for_pattern(None, RDF_TYPE, row[0], graph))
        for quad in doomed:
            self.store.remove(quad)

    def count_handovers(self, graph: ox.NamedNode) -> int:
        return len(list(self.store.quads_for_pattern(None, RDF_TYPE, HANDOVER, graph)))

    def is_empty(self, graph: ox.NamedNode) -> bool:
        return not bool(self.store.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def drop(self, graph: ox.NamedNode) -> None:
        # A new store rather than remove_graph: measured, a store that has held and dropped many chunks
        # answers more slowly with every chunk (0.5 s a chunk at first, 0.9 s after 25).
        self.store = ox.Store()

    # -- validation -------------------------------------------------------------------------------------
    def _query(self, text: str, graph: ox.NamedNode):
        return self.store.query(text, default_graph=graph)

    def _add_catalogue(self, graph: ox.NamedNode) -> None:
        store, catalogue = self.store, self._catalogue_triples
        # Which catalogue statements the data states too, looked up from the smaller side: a small file's
        # statements (measured: 5 ms a file less than looking up the catalogue's 2,000) or the catalogue's.
        data = list(islice(store.quads_for_pattern(None, None, None, graph), len(catalogue) + 1))
        if len(data) <= len(catalogue):
            self._also_in_data = {quad.triple for quad in data if quad.triple in catalogue}
        else:
            self._also_in_data = {t for t in catalogue if ox.Quad(t.subject, t.predicate, t.object, graph) in store}
        quads = self._catalogue_quads.get(graph)
        if quads is None:  # the statements ready to add (measured: 40 % faster than parsing them each time)
            quads = self._catalogue_quads[graph] = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in catalogue]
        store.extend(quads)

    def check(self, graph: ox.NamedNode, notes: LoadNotes, delegate: bool = True) -> list[RawFinding] | str:
        """The findings on a loaded graph, or the reason the caller must ask pySHACL instead.

        A SPARQL constraint that would compare a literal rdflib and Oxigraph may read differently is not run:
        it is named in ``notes.delegated`` for the caller to ask pySHACL (or, without ``delegate``, the whole
        graph goes to pySHACL). Every other check reads such a literal only as pySHACL does: value tests on
        its XSD view (values.py), SPARQL on its text, kind or identity (value_reads.py)."""
        if self.cut_schema:
            self.strip_schema(graph, notes.predicates)
        if notes.merged or self._merges_with_catalogue(graph, notes):
            return "two literals as written are one literal in the store"
        delegated = self.delegated(notes)
        if delegated and (not delegate or any(isinstance(c.constraint, BNode) for c in delegated)):
            return "a rule compares a literal that rdflib and the store may read differently"
        findings = self.validate(graph, notes, skip=delegated)
        if notes.ambiguous:
            return "one stored value stands for literals the value tests judge differently"
        notes.delegated = tuple(delegated)
        return findings

    def _merges_with_catalogue(self, graph: ox.NamedNode, notes: LoadNotes) -> bool:
        """Does the data state a catalogue statement again with its literal in another form ("015" for "15")?"""
        for original, canon in notes.canonical.items():
            if canon == original:
                continue
            for quad in self.store.quads_for_pattern(None, None, canon, graph):
                known = self._catalogue_stored.get((quad.subject, quad.predicate, canon))
                if known is not None and known != original:
                    return True
        return False

    def delegated(self, notes: LoadNotes) -> list:
        """The SPARQL constraints that read, in this data, a literal the two readings may disagree on: as a value
        (may_compare_differently), by identity (the store keeps it in another form than written) or as text (the
        store rewrote its lexical form: "015"^^xsd:integer is kept as "15")."""
        by_value, by_identity, by_text = set(), set(), set()
        canonical = notes.canonical
        for predicate, literals in notes.compared.items():
            wanted = self._required.get(predicate, set())
            if any(may_compare_differently(lit, wanted) for lit in literals):
                by_value.add(predicate)
            if any(canonical.get(lit, lit) != lit for lit in literals):
                by_identity.add(predicate)
            if any(canonical.get(lit, lit).value != lit.value for lit in literals):
                by_text.add(predicate)
        rewritten = any(canon.value != original.value for original, canon in canonical.items())
        if not (by_value or by_identity or rewritten):
            return []
        return [check for check, compares, matches, texts in self._sparql_reads
                if (by_value and (ANY in compares or compares & by_value))
                or (by_identity and (ANY in matches or matches & by_identity))
                or (rewritten and ANY in texts) or texts & by_text]

    def validate(self, graph: ox.NamedNode, notes: LoadNotes, skip=()) -> list[RawFinding]:
        """The findings on the data in ``graph``, less the row checks in ``skip``; afterwards the graph holds
        the catalogue too."""
        self._add_catalogue(graph)
        found: dict[tuple, RawFinding] = {}

        # The store keeps "15"^^xsd:nonNegativeInteger as "15"^^xsd:integer; a finding names the literal as
        # written (check() made sure that no two written literals share one stored form).
        written_as = {canon: original for original, canon in notes.canonical.items() if canon != original}
        self._stored_as = notes.canonical

        def add(focus, path, severity, component, shape, constraint, value):
            focus = written_as.get(focus, focus)
            value = written_as.get(value, value) if value is not None else None
            finding = RawFinding(rdflib_term(focus), path, severity, component, shape, constraint,
                                 rdflib_term(value) if value is not None else None, ())
            found.setdefault(finding.key(), finding)

        skipped = {id(check) for check in skip}
        for check in self.program.row_checks:
            if id(check) in skipped:
                continue
            results = self._query(check.query, graph)
            names = {v.value for v in results.variables}
            if check.count_bounds is not None:
                low, high = check.count_bounds
                for row in results:
                    count = int(row["ovg_n"].value)
                    if low is not None and count < low:
                        add(row["this"], check.path, check.severity, MIN_COUNT, check.shape, None, None)
                    if high is not None and count > high:
                        add(row["this"], check.path, check.severity, MAX_COUNT, check.shape, None, None)
                continue
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
            queries = []
            if failing:
                queries.append(check.rows_query.replace("{VALUES}", " ".join(str(t) for t in failing)))
            if check.blank_rows_query is not None:
                queries.append(check.blank_rows_query)
            for query in queries:
                for row in self._query(query, graph):
                    add(row["this"], check.path, check.severity, check.component, check.shape, None, row["v"])
        return [self._attributed(f, graph) for f in found.values() if self._in_data(f.focus, graph)]

    def _stored(self, term):
        """The store's own form of a term named as written."""
        return self._stored_as.get(term, term) if type(term) is ox.Literal else term

    def _in_data(self, focus, graph) -> bool:
        term = self._stored(_ox_term(focus))
        if term is None:
            return False
        # As pyshacl_engine.in_users_data: a node the data mentions, a literal object too, is the user's; the
        # compiled targets only ever find nodes in the data or the catalogue, so that is the whole test.
        subject_quads = self.store.quads_for_pattern(term, None, None, graph) if not isinstance(term, ox.Literal) else ()
        for quads in (subject_quads, self.store.quads_for_pattern(None, None, term, graph)):
            for quad in quads:
                triple = quad.triple
                if triple not in self._catalogue_triples or triple in self._also_in_data:
                    return True
        return False

    def _attributed(self, finding: RawFinding, graph) -> RawFinding:
        term = self._stored(_ox_term(finding.focus))
        typed = self.store.quads_for_pattern(term, RDF_TYPE, HANDOVER, graph) if not isinstance(term, ox.Literal) else ()
        for _quad in typed:
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
