"""Hostile datasets, shapes and inputs: clear refusals, the documented exit codes, no network, no unexpected file
reads, no values in any output, and limits that hold. Every row of the checklist in security.md is here."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "hostile"
AUDIT = Path(__file__).resolve().parent / "audit_run.py"
SECRET_FILE = "/etc/hostname"  # what the XXE and file: context inputs try to read
SENSITIVE = ["ADHD (confidential)", "15831150065", "158311 50146", "15831150227", "300205-4321", "3104101234"]


def overgang(tmp_path, *args, timeout=120):
    """Run the command under the audit hook; return (exit code, stdout, stderr, audit events, seconds)."""
    out = tmp_path / f"audit-{time.monotonic_ns()}.json"
    env = {**os.environ, "OVG_AUDIT_OUT": str(out), "OVG_AUDIT_WATCH": SECRET_FILE,
           "OVERGANG_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("OVERGANG_DEBUG", None)
    start = time.monotonic()
    result = subprocess.run([sys.executable, str(AUDIT), "--catalogue", str(REPO), *map(str, args)],
                            capture_output=True, text=True, timeout=timeout, cwd=tmp_path, env=env)
    events = json.loads(out.read_text()) if out.exists() else None
    return result.returncode, result.stdout, result.stderr, events, time.monotonic() - start


def assert_clean(code, stdout, stderr, events, expected_code, needle=None):
    assert code == expected_code, (stdout[-2000:], stderr[-2000:])
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert events == [], events
    for value in SENSITIVE:
        assert value not in stdout and value not in stderr
    if needle:
        assert needle in stdout + stderr


# ---------------------------------------------------------------- RDF/XML

@pytest.mark.parametrize("name", ["xxe_file.rdf", "dtd_external.rdf", "param_entity.rdf", "billion_laughs.rdf"])
def test_doctype_and_entities_are_refused_at_once(tmp_path, name):
    code, out, err, events, seconds = overgang(tmp_path, "validate", HOSTILE / "rdfxml" / name)
    assert_clean(code, out, err, events, 3, "DOCTYPE and entity declarations are not allowed")
    assert f"{name}:2:" in err
    assert seconds < 30


def test_rdfxml_syntax_error_names_the_line_without_the_value(tmp_path):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "rdfxml" / "bad_tag_sensitive.rdf")
    assert_clean(code, out, err, events, 3, "bad_tag_sensitive.rdf:3:")


# ---------------------------------------------------------------- JSON-LD

@pytest.mark.parametrize("name, needle", [
    ("remote_context.jsonld", "@context must be inline"),
    ("import_context.jsonld", "@import is not allowed"),
    ("scoped_context.jsonld", "@context must be inline"),
    ("file_context.jsonld", "@context must be inline"),
    ("relative_context.jsonld", "@context must be inline"),
    ("infinite_float.jsonld", "JSON number is not finite"),
])
def test_json_ld_contexts_are_never_fetched_or_read(tmp_path, name, needle):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "jsonld" / name)
    assert_clean(code, out, err, events, 3, needle)


def test_deep_nesting_and_huge_numbers(tmp_path):
    deep = tmp_path / "deep.jsonld"
    deep.write_text('{"@id": "http://example.org/a", "http://example.org/p": ' + "[" * 1000 + "1" + "]" * 1000 + "}")
    code, out, err, events, _ = overgang(tmp_path, "validate", deep)
    assert_clean(code, out, err, events, 3, "nested too deeply")
    huge = tmp_path / "huge.jsonld"
    huge.write_text('{"@id": "http://example.org/a", "http://example.org/p": ' + "9" * 5000 + "}")
    code, out, err, events, _ = overgang(tmp_path, "validate", huge)
    assert_clean(code, out, err, events, 3, "huge.jsonld")
    nested_turtle = tmp_path / "nested.ttl"
    nested_turtle.write_text("<http://example.org/a> <http://example.org/p> " + "[ <http://example.org/q> " * 600
                             + "1" + " ]" * 600 + " .\n")
    # Turtle is read by Oxigraph's parser, which has no recursion limit: on either engine the file is
    # validated, without a traceback (and fails: it holds no handover).
    for engine in ("pyshacl", "compiled"):
        code, out, err, events, _ = overgang(tmp_path, "validate", "--engine", engine, nested_turtle)
        assert_clean(code, out, err, events, 1, "No handover found in")


# ---------------------------------------------------------------- Turtle and N-Triples

@pytest.mark.parametrize("name, position", [
    ("missing_dot.ttl", ":3:"), ("undefined_prefix.ttl", ":2:"), ("bad_line_sensitive.nt", ":1"),
])
def test_syntax_errors_point_at_the_line_and_never_quote_the_value(tmp_path, name, position):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "turtle" / name)
    assert_clean(code, out, err, events, 3, name + position)


def test_encodings(tmp_path):
    latin1 = tmp_path / "latin1.ttl"
    latin1.write_bytes('<http://example.org/a> <http://example.org/p> "bl\u00e5b\u00e6r" .\n'.encode("latin-1"))
    code, out, err, events, _ = overgang(tmp_path, "validate", latin1)
    assert_clean(code, out, err, events, 3, "latin1.ttl:1:50: not valid UTF-8")
    utf16 = tmp_path / "utf16.ttl"
    utf16.write_bytes('<http://example.org/a> <http://example.org/p> "x" .\n'.encode("utf-16"))
    code, out, err, events, _ = overgang(tmp_path, "validate", utf16)
    assert_clean(code, out, err, events, 3, "not valid UTF-8")
    bom = tmp_path / "bom.ttl"
    bom.write_bytes(b"\xef\xbb\xbf<http://example.org/a> <http://example.org/p> \"x\" .\n")
    code, out, err, events, _ = overgang(tmp_path, "validate", bom)
    assert_clean(code, out, err, events, 1, "No handover found in")  # read: it only holds no handover


def test_relative_iris_are_refused_and_no_local_path_leaks(tmp_path):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "turtle" / "relative_iris.ttl")
    assert_clean(code, out, err, events, 3, "relative IRI")
    assert str(HOSTILE) not in out + err.replace(str(HOSTILE / "turtle" / "relative_iris.ttl"), "")


@pytest.mark.parametrize("name", ["control_chars.ttl", "bidi_control.ttl", "lone_surrogate.ttl"])
def test_odd_characters_do_not_crash(tmp_path, name):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "turtle" / name, "--show-values")
    assert_clean(code, out, err, events, 1, "No handover found in")  # read: it only holds no handover
    assert "\x1b" not in out and "\u202e" not in out


def test_invalid_iris_are_refused(tmp_path):
    raw = tmp_path / "space.nt"
    raw.write_text("<http://example.org/a b> <http://example.org/p> <http://example.org/c> .\n")
    code, out, err, events, _ = overgang(tmp_path, "validate", raw)
    assert_clean(code, out, err, events, 3, "space.nt:1:")
    assert "syntax error" in err
    escaped = tmp_path / "space.ttl"
    escaped.write_text("<http://example.org/a\\u0020b> <http://example.org/p> <http://example.org/c> .\n")
    code, out, err, events, _ = overgang(tmp_path, "validate", escaped)
    assert_clean(code, out, err, events, 3, "invalid IRI")


def test_nul_bytes_are_refused(tmp_path):
    nul = tmp_path / "nul.ttl"
    nul.write_bytes(b'<http://example.org/a> <http://example.org/p> "a\x00b" .\n')
    code, out, err, events, _ = overgang(tmp_path, "validate", nul)
    assert_clean(code, out, err, events, 3, "NUL")


@pytest.mark.parametrize("name", ["empty_file.ttl", "empty_comment_only.ttl"])
def test_empty_datasets_are_refused(tmp_path, name):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "turtle" / name)
    assert_clean(code, out, err, events, 3, "dataset is empty")


# ---------------------------------------------------------------- size and time limits

def test_long_literals_and_lines_hit_the_limit_fast(tmp_path):
    cases = {
        "long_multiline_literal.ttl": '@prefix ex: <http://example.org/> .\nex:a ex:p """' + "xy\n" * 220_000 + '""" .\n',
        "long_line.nt": '<http://example.org/a> <http://example.org/p> "' + "x" * 1_280_000 + '" .\n',
        "many_lines_literal.rdf": ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                                   'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a">'
                                   "<ex:p>" + "line\n" * 130_000 + "</ex:p></rdf:Description></rdf:RDF>\n"),
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out, err, events, seconds = overgang(tmp_path, "validate", tmp_path / name)
        assert_clean(code, out, err, events, 4, "--max-literal")
        assert seconds < 30, name


def test_max_bytes_is_checked_before_parsing(tmp_path):
    big = tmp_path / "big_flat.nt"
    big.write_text("".join(f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n" for i in range(100_000)))
    code, out, err, events, seconds = overgang(tmp_path, "validate", big, "--max-bytes", "1000000")
    assert_clean(code, out, err, events, 4, "--max-bytes")
    assert seconds < 15


def test_timeout_stops_catastrophic_backtracking(tmp_path):
    data = tmp_path / "pupil.ttl"
    data.write_text('<https://example.org/p> a <https://w3id.org/overgang/ontology#Pupil> ; '
                    '<https://w3id.org/overgang/ontology#pseudonym> "' + "a" * 40 + '!" .\n')
    code, out, err, events, seconds = overgang(tmp_path, "validate", data, "--shapes", HOSTILE / "shacl" / "shapes_redos.ttl",
                                               "--trust-shapes", "--timeout", "3")
    assert_clean(code, out, err, events, 4, "--timeout")
    assert seconds < 25


def test_timeout_stops_long_path_chains(tmp_path):
    chain = "".join(f"<https://example.org/n{i}> <https://example.org/next> <https://example.org/n{i + 1}> .\n"
                    for i in range(1500))
    (tmp_path / "chain.ttl").write_text("<https://example.org/n0> a <https://example.org/Start> .\n" + chain)
    (tmp_path / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<https://example.org/s> a sh:NodeShape ; "
        "sh:targetSubjectsOf <https://example.org/next> ; sh:property [ sh:path [ sh:zeroOrMorePath "
        "<https://example.org/next> ] ; sh:maxCount 1 ] .\n")
    code, out, err, events, seconds = overgang(tmp_path, "validate", tmp_path / "chain.ttl", "--shapes",
                                               tmp_path / "shapes.ttl", "--timeout", "3")
    assert code in (1, 4) and events == [] and "Traceback" not in err
    assert seconds < 25


def test_schema_in_untrusted_data_cannot_make_inference_run_away(tmp_path):
    owl = "http://www.w3.org/2002/07/owl#"
    lines = [f"<https://example.org/link> a <{owl}TransitiveProperty> ."]
    lines += [f"<https://example.org/n{i}> <https://example.org/link> <https://example.org/n{i + 1}> ." for i in range(300)]
    lines += [f"<https://example.org/C{i}> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <https://example.org/C{i + 1}> ."
              for i in range(3000)]
    (tmp_path / "chain.ttl").write_text("\n".join(lines) + "\n")
    code, out, err, events, seconds = overgang(tmp_path, "validate", tmp_path / "chain.ttl", "--inference", "owlrl",
                                               "--timeout", "120", timeout=180)
    assert_clean(code, out, err, events, 1, "No handover found in")
    assert seconds < 120


# ---------------------------------------------------------------- shapes from outside

@pytest.mark.parametrize("name, needle", [
    ("shapes_sparql_service.ttl", "SERVICE"),
    ("shapes_sparql_service_comment.ttl", "SERVICE"),
    ("shapes_sparql_from.ttl", "FROM"),
    ("shapes_rule_exfil.ttl", "sh:rule"),
    ("shapes_target_service.ttl", "sh:target"),
    ("shapes_owl_imports.ttl", "owl:imports"),
    ("shapes_redos.ttl", "catastrophic backtracking"),
])
def test_unsafe_shapes_are_refused_before_use(tmp_path, name, needle):
    code, out, err, events, _ = overgang(tmp_path, "validate", REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl",
                                         "--shapes", HOSTILE / "shacl" / name)
    assert_clean(code, out, err, events, 3, "shapes not allowed")
    assert needle in err


def test_trusted_shapes_still_cannot_use_the_network(tmp_path):
    code, out, err, events, _ = overgang(tmp_path, "validate", REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl",
                                         "--shapes", HOSTILE / "shacl" / "shapes_sparql_service.ttl", "--trust-shapes")
    assert "Traceback" not in err
    assert all(event[0] in ("socket.getaddrinfo", "socket.connect", "urllib.Request", "http.client.connect")
               for event in events or [])
    assert "127.0.0.1:9" not in out


def test_invalid_shapes_are_an_input_error_not_a_finding(tmp_path):
    (tmp_path / "bad.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                                      "<https://example.org/s> a sh:NodeShape ; sh:property [ sh:path ( 1 2 ) ] .\n")
    code, out, err, events, _ = overgang(tmp_path, "validate", REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl",
                                         "--shapes", tmp_path / "bad.ttl")
    assert_clean(code, out, err, events, 3, "not valid SHACL")


def test_cyclic_shapes_terminate(tmp_path):
    code, out, err, events, seconds = overgang(tmp_path, "validate", REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl",
                                               "--shapes", HOSTILE / "shacl" / "shapes_node_cycle.ttl", "--timeout", "30")
    assert code in (0, 1, 3, 4) and "Traceback" not in err and events == []
    assert seconds < 60


# ---------------------------------------------------------------- privacy

@pytest.mark.parametrize("fmt", ["text", "json", "turtle", "junit"])
def test_values_never_appear_even_when_shapes_ask_for_them(tmp_path, fmt):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "privacy" / "data_sensitive.ttl",
                                         "--shapes", HOSTILE / "shacl" / "shapes_value_echo.ttl", "--format", fmt)
    assert_clean(code, out, err, events, 1)


def test_national_identity_numbers_are_flagged_but_never_printed(tmp_path):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "privacy" / "data_national_id.ttl",
                                         "--format", "json")
    assert_clean(code, out, err, events, 1)
    results = json.loads(out)["results"]
    flagged = sorted(r["focus"].rsplit("/", 1)[-1] for r in results if r["constraint"] and
                     r["constraint"].endswith(("no-fodselsnummer", "no-cpr")))
    assert flagged == ["1", "2", "3", "4", "5"]


def test_a_file_name_that_looks_like_rdf_is_read_as_a_file(tmp_path):
    code, out, err, events, _ = overgang(tmp_path, "validate", HOSTILE / "names" / "#handover.ttl")
    assert_clean(code, out, err, events, 1, "VIOLATION")


def test_only_the_report_is_written(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    env_home = {"HOME": str(work), "XDG_CACHE_HOME": str(work / ".cache")}
    report = work / "report.json"
    out = tmp_path / "audit.json"
    result = subprocess.run([sys.executable, str(AUDIT), "--catalogue", str(REPO), "validate",
                             str(REPO / "examples" / "invalid" / "consent-missing.ttl"), "--format", "json", "-o",
                             str(report)], capture_output=True, text=True, cwd=work, timeout=120,
                            env={**os.environ, **env_home, "OVG_AUDIT_OUT": str(out), "OVG_AUDIT_WATCH": ""})
    assert result.returncode == 1
    written = sorted(p.relative_to(work).as_posix() for p in work.rglob("*") if p.is_file())
    assert written == ["report.json"]
    assert report.stat().st_mode & 0o777 == 0o600


def test_unsafe_concept_identifiers_cannot_become_page_paths(tmp_path):
    from minicatalogue import build, mini_graph
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, SKOS

    graph = mini_graph()
    evil = URIRef("https://w3id.org/overgang/no/Evil_Page..x")
    graph.add((evil, RDF.type, SKOS.Concept))
    graph.add((evil, SKOS.inScheme, URIRef("https://w3id.org/overgang/no/scheme")))
    graph.add((evil, SKOS.prefLabel, Literal("ond", lang="nb")))
    root, _ = build(tmp_path, graph)
    code, out, err, events, _ = overgang(tmp_path, "--catalogue", root, "build", "--out", tmp_path / "site")
    assert code == 3 and "cannot be a page name" in err
    assert not any(p.name.startswith("Evil") for p in tmp_path.rglob("*"))


def test_the_entry_point_guard_blocks_what_trusted_shapes_try(tmp_path):
    """Only the audit hook in the command's entry point stands between trusted shapes and the network here:
    a listener on this machine must never see a connection."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    # A SPARQL target with SERVICE is executed by pySHACL's advanced mode (security.md); without the guard this
    # test does see the connection.
    (tmp_path / "service.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<https://example.org/s> a sh:NodeShape ; "
        "sh:target [ a sh:SPARQLTarget ; sh:select "
        f"\"SELECT ?this WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?this ?p ?o }} }}\" ] ; "
        "sh:property [ sh:path <https://example.org/p> ; sh:minCount 1 ] .\n")
    try:
        code, out, err, events, _ = overgang(tmp_path, "validate", REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl",
                                             "--shapes", tmp_path / "service.ttl", "--trust-shapes")
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()
    assert "Traceback" not in err
