"""Hostile files in the handover's JSON form (tests/hostile/json/): the same clear refusals and exit codes as the
JSON-LD hardening, nothing fetched or read, no value echoed."""

import pytest

from test_security import HOSTILE, assert_clean, overgang


@pytest.mark.parametrize("name, needle", [
    ("remote_context.json", "@context must be inline or the published handover context"),
    ("file_context.json", "@context must be inline or the published handover context"),
    ("mixed_context.json", "@context must be inline or the published handover context"),
    ("duplicate_key.json", "duplicate_key.json:9:5: duplicate key at $.pupil.pseudonym"),
    ("huge_number.json", "JSON number with more than 100 characters"),
    ("infinite_number.json", "JSON number is not finite"),
    ("nan.json", "JSON number is not finite"),
    ("not_a_handover.json", "not a handover"),
    ("array_top.json", "not a handover"),
    ("unknown_key.json", "$.pupil.name: unknown key 'name'"),
    ("relative_iri.json", "$.pupil.id: relative IRI"),
    ("jsonld_keyword.json", "the JSON-LD keyword '@graph' is not part of the handover JSON form"),
    ("same_id_described_twice.json", "$.items[1]: the record with this id is described differently"),
])
@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_hostile_json_is_refused_cleanly(tmp_path, name, needle, engine):
    code, out, err, events, _ = overgang(tmp_path, "validate", "--engine", engine, HOSTILE / "json" / name)
    assert_clean(code, out, err, events, 3, needle)


def test_deep_and_long_json(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"type": "Handover", "rdfs:comment": ' + "[" * 5000 + "1" + "]" * 5000 + "}")
    code, out, err, events, _ = overgang(tmp_path, "validate", deep)
    assert_clean(code, out, err, events, 3, "nested too deeply")
    nested = tmp_path / "nested.json"
    nested.write_text('{"type": "Handover", "rdfs:seeAlso": ' + '{"rdfs:seeAlso": ' * 150 + "{}" + "}" * 151)
    code, out, err, events, _ = overgang(tmp_path, "validate", nested)
    assert_clean(code, out, err, events, 3, "nested too deeply")
    long = tmp_path / "long.json"
    long.write_text('{"type": "Handover", "rdfs:comment": "' + "ADHD (confidential) " * 6000 + '"}')
    code, out, err, events, _ = overgang(tmp_path, "validate", long)
    assert_clean(code, out, err, events, 4, "long.json:1: a literal of more than")
    code, out, err, events, _ = overgang(tmp_path, "validate", "--max-bytes", "100", long)
    assert_clean(code, out, err, events, 4, "bytes is more than the limit")


def test_convert_refuses_the_same_way(tmp_path):
    code, out, err, events, _ = overgang(tmp_path, "convert", HOSTILE / "json" / "remote_context.json", "--to", "turtle")
    assert_clean(code, out, err, events, 3, "@context must be inline")
