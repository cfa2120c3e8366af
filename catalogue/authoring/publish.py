"""`overgang publish`: put the catalogue (and validated datasets) into a SPARQL 1.1 store through the Graph
Store Protocol, one named graph per source file. PUT replaces a graph, so publishing again is idempotent.

This is the one command that uses the network, and only towards the endpoint the user names.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from rdflib import Graph

from catalogue.errors import InputError, OvergangError
from catalogue.source import netguard


@dataclass
class Published:
    graph: str
    triples: int


def _opener(endpoint: str) -> urllib.request.OpenerDirector:
    parsed = urllib.parse.urlparse(endpoint)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise InputError("--endpoint", "give the store's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        addresses = tuple(sorted({info[4][0] for info in socket.getaddrinfo(parsed.hostname, port)}))
    except OSError:
        addresses = ()
    netguard.allow(parsed.hostname, port, addresses)
    # No proxy handler: the data goes to the named endpoint and nowhere else.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPHandler,
                                       urllib.request.HTTPSHandler)


def _put(opener, endpoint: str, graph_iri: str, graph: Graph) -> None:
    url = f"{endpoint}?{urllib.parse.urlencode({'graph': graph_iri})}"
    body = graph.serialize(format="nt", encoding="utf-8")
    request = urllib.request.Request(url, data=body, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    try:
        with opener.open(request, timeout=60) as response:
            if response.status not in (200, 201, 204):
                raise OvergangError(f"{endpoint}: the store answered {response.status} for {graph_iri}")
    except urllib.error.HTTPError as error:
        raise OvergangError(f"{endpoint}: the store answered {error.code} for {graph_iri}") from None
    except (urllib.error.URLError, OSError) as error:
        raise OvergangError(f"{endpoint}: cannot reach the store ({getattr(error, 'reason', error)})") from None


def publish(catalogue, endpoint: str, datasets: list[tuple[str, Graph]] = ()) -> list[Published]:
    opener = _opener(endpoint)
    done = []
    for gid in sorted(catalogue.files, key=str):
        graph = catalogue.dataset.graph(gid)
        _put(opener, endpoint, str(gid), graph)
        done.append(Published(str(gid), len(graph)))
    for name, graph in datasets:
        iri = "https://w3id.org/overgang/graph/data/" + urllib.parse.quote(name.rsplit("/", 1)[-1], safe="")
        _put(opener, endpoint, iri, graph)
        done.append(Published(iri, len(graph)))
    return done
