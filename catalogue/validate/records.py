"""Splitting a dataset into handover records: each handover with everything reachable from it.

Records are independent apart from the catalogue they cite, which makes them the unit of parallel work.
Nodes two handovers share (a school) go into both records; findings on them are counted once afterwards.
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import RDF

from catalogue.namespaces import OVG


def split_records(graph: Graph) -> list[Graph]:
    records = []
    covered = set()
    for handover in sorted(set(graph.subjects(RDF.type, OVG.Handover)), key=str):
        nodes, queue = {handover}, [handover]
        while queue:
            node = queue.pop()
            for obj in graph.objects(node, None):
                if not isinstance(obj, Literal) and obj not in nodes and (obj, None, None) in graph:
                    nodes.add(obj)
                    queue.append(obj)
        record = Graph()
        for node in nodes:
            for triple in graph.triples((node, None, None)):
                record.add(triple)
        covered |= nodes
        records.append(record)
    rest = Graph()
    for triple in graph:
        if triple[0] not in covered:
            rest.add(triple)
    if len(rest):
        records.append(rest)
    return records
