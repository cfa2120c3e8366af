"""Every exit-3 error names path:line:col, relative IRIs included (issue 14), in each syntax we read."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

REPO = Path(__file__).resolve().parent.parent


def _where(text: str, needle: str) -> str:
    """line:col (1-based) of the first ``needle`` in ``text``, worked out here rather than written down."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{col}"


@pytest.mark.parametrize("name, text, needle", [
    ("seealso.ttl", "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                    "<https://example.org/a> rdfs:seeAlso <> .\n", "<>"),
    ("prefix.ttl", "@prefix ex: <things#> .\n\nex:a ex:b ex:c .\n", "<things#>"),
    ("base.ttl", "@base <rel/> .\n<https://example.org/a> <https://example.org/p> <b> .\n", "<rel/>"),
    ("data.jsonld", '{"@context": {"ex": "https://example.org/"}, "@id": "https://example.org/a",\n'
                    '  "ex:b": {"@id": "elsewhere/c"}}\n', '"elsewhere/c"'),
    ("data.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                 'xmlns:ex="https://example.org/">\n  <rdf:Description rdf:about="https://example.org/a">\n'
                 '    <ex:b rdf:resource="x/y"/>\n  </rdf:Description>\n</rdf:RDF>\n', '"x/y"'),
])
def test_a_relative_iri_is_reported_with_line_and_column(tmp_path, name, text, needle):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--catalogue", str(REPO), "validate", str(path)])
    assert result.exit_code == 3
    assert f"{path}:{_where(text, needle)}: relative IRI; every IRI must be absolute" in result.output


def test_an_ntriples_error_has_a_column(tmp_path):
    text = "<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n" \
           "<https://example.org/a> <https://example.org/p> <c> .\n"
    path = tmp_path / "data.nt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--catalogue", str(REPO), "validate", str(path)])
    assert result.exit_code == 3
    assert f"{path}:{_where(text, '<c>')}: syntax error" in result.output
