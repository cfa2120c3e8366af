"""`overgang publish` round-trips the catalogue through a real Oxigraph server started on 127.0.0.1."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

REPO = Path(__file__).resolve().parent.parent
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed (pip install oxigraph)")


@pytest.fixture
def store(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    else:
        server.terminate()
        pytest.fail("the oxigraph server did not start within 30 s")
    yield base
    server.terminate()
    server.wait(timeout=10)


def overgang(*args):
    return subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO),
                           *map(str, args)], capture_output=True, text=True, timeout=300, cwd="/")


def fetch(base, graph_iri):
    url = f"{base}/store?{urllib.parse.urlencode({'graph': graph_iri})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return Graph().parse(data=response.read().decode("utf-8"), format="nt")


INTEGER_TYPES = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger,
                 XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong, XSD.unsignedInt}


def normalised(graph: Graph) -> Graph:
    """Oxigraph stores the derived integer types as xsd:integer (same value); compare modulo that."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in INTEGER_TYPES:
            o = Literal(str(o), datatype=XSD.integer)
        out.add((s, p, o))
    return out


def test_publish_round_trips_every_source_file_and_is_idempotent(store, catalogue):
    first = overgang("publish", "--endpoint", f"{store}/store")
    assert first.returncode == 0, first.stderr
    again = overgang("publish", "--endpoint", f"{store}/store")
    assert again.returncode == 0 and again.stdout == first.stdout
    for gid in catalogue.files:
        assert isomorphic(normalised(fetch(store, str(gid))), normalised(catalogue.dataset.graph(gid))), gid
    count = urllib.request.urlopen(urllib.request.Request(
        f"{store}/query?{urllib.parse.urlencode({'query': 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'})}",
        headers={"Accept": "text/csv"}), timeout=30).read().decode().splitlines()[1]
    assert int(count) == sum(len(catalogue.dataset.graph(g)) for g in catalogue.files)


def test_publish_validates_datasets_first(store):
    bad = overgang("publish", "--endpoint", f"{store}/store", REPO / "examples" / "invalid" / "missing-pupil.ttl")
    assert bad.returncode == 1 and "do not conform" in bad.stderr
    good = overgang("publish", "--endpoint", f"{store}/store", REPO / "examples" / "valid" / "no-barnehage-skole.ttl")
    assert good.returncode == 0
    published = fetch(store, "https://w3id.org/overgang/graph/data/no-barnehage-skole.ttl")
    assert len(published) == len(Graph().parse(REPO / "examples" / "valid" / "no-barnehage-skole.ttl"))


def test_only_the_named_endpoint_is_reachable(store):
    from catalogue.errors import NetworkBlocked
    from catalogue.source import netguard

    host, port = urllib.parse.urlparse(store).hostname, urllib.parse.urlparse(store).port
    try:
        netguard.enable()
        netguard.allow(host, port)
        socket.create_connection((host, port), timeout=2).close()
        with pytest.raises(NetworkBlocked):
            socket.create_connection((host, port + 1 if port < 65535 else port - 1), timeout=2)
    finally:
        netguard.disable()
