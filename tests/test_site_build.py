"""`overgang build`: every page and download is there, nothing loads from elsewhere, contributed text is inert."""

import csv
import io
import re

import pytest
from click.testing import CliRunner
from minicatalogue import build as build_mini
from minicatalogue import mini_graph
from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from catalogue.model.catalogue import build_views
from catalogue.site.build import build_site
from catalogue.source.locate import CatalogueLocation
from cli import main


@pytest.fixture(scope="module")
def views(catalogue):
    return build_views(catalogue.location)


def test_a_page_per_concept_in_every_interface_language(built_site, views):
    for iri in views.concepts:
        jurisdiction, slug = iri.rsplit("/", 2)[-2:]
        for prefix in ("", "nb/", "da/"):
            assert (built_site / f"{prefix}concepts/{jurisdiction}/{slug}.html").is_file(), (prefix, iri)


@pytest.mark.parametrize("page", ["index.html", "jurisdiction-no.html", "jurisdiction-dk.html", "crosswalk.html", "actors.html",
                                  "transitions.html", "reference/handover.html", "reference/ontology.html",
                                  "downloads.html", "changelog.html", "contributing.html",
                                  "transitions/overgang-grunnskole-videregaende.html"])
def test_main_pages_exist(built_site, page):
    for prefix in ("", "nb/", "da/"):
        assert (built_site / prefix / page).is_file()


def test_downloads_parse_and_agree(built_site, views):
    downloads = built_site / "downloads"
    sizes = {}
    for name, fmt in (("catalogue.ttl", "turtle"), ("catalogue.jsonld", "json-ld"), ("catalogue.rdf", "xml"),
                      ("catalogue.nt", "nt")):
        sizes[name] = len(Graph().parse(downloads / name, format=fmt))
    assert len(set(sizes.values())) == 1 and sizes["catalogue.ttl"] == len(views.graph)
    rows = list(csv.DictReader(io.StringIO((downloads / "concepts.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(views.concepts)
    collection = Graph().parse(downloads / "collection-no.ttl")
    assert (None, RDF.type, SKOS.Collection) in collection
    members = set(collection.objects(None, SKOS.member))
    assert len(members) == sum(1 for c in views.concepts.values() if c.jurisdiction == "no")
    assert (downloads / "alignment-no-dk.sssom.tsv").read_text(encoding="utf-8").count("\tskos:") >= 60


def test_each_concept_has_turtle_and_json_ld_and_alternate_links(built_site):
    ttl = Graph().parse(built_site / "concepts" / "no" / "pp-tjenesten.ttl")
    jsonld = Graph().parse(built_site / "concepts" / "no" / "pp-tjenesten.jsonld", format="json-ld")
    assert len(ttl) == len(jsonld) > 10
    page = (built_site / "concepts" / "no" / "pp-tjenesten.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="text/turtle" href="pp-tjenesten.ttl">' in page
    assert '<link rel="alternate" type="application/ld+json" href="pp-tjenesten.jsonld">' in page


def test_every_page_has_a_csp_and_loads_nothing_from_elsewhere(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in text, page
        assert "script-src 'self'" in text
        for match in re.finditer(r'<(script|img|iframe)[^>]+src="([^"]+)"', text):
            assert not match.group(2).startswith(("http:", "https:", "//")), (page, match.group(2))
        for match in re.finditer(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text):
            assert not match.group(1).startswith(("http:", "https:", "//")), (page, match.group(1))
        assert "fonts.googleapis" not in text


def test_w3id_rules_cover_concepts_with_content_negotiation(built_site):
    rules = (built_site / "w3id" / ".htaccess").read_text(encoding="utf-8")
    assert "RewriteCond %{HTTP_ACCEPT} text/turtle" in rules
    assert "concepts/$1/$2.ttl" in rules and "concepts/$1/$2.jsonld" in rules and "concepts/$1/$2.html" in rules


def test_false_friend_and_deprecation_are_shown(built_site):
    page = (built_site / "concepts" / "no" / "ungdomsskole.html").read_text(encoding="utf-8")
    assert "ovg-callout-false-friend" in page
    old = (built_site / "concepts" / "no" / "spesialundervisning.html").read_text(encoding="utf-8")
    assert "<del>spesialundervisning</del>" in old and "individuelt-tilrettelagt-opplaering.html" in old


def test_labels_carry_language_attributes(built_site):
    page = (built_site / "concepts" / "no" / "oppfolgingstjenesten.html").read_text(encoding="utf-8")
    assert 'lang="nn"' in page and 'lang="nb"' in page and 'lang="en"' in page


def test_handover_reference_is_generated_from_the_shapes(built_site):
    page = (built_site / "reference" / "handover.html").read_text(encoding="utf-8")
    assert "ovg:pseudonym" in page and "valid consent" in page and "examples/valid/no-grunnskole-vgo.ttl" in page


def test_contributed_text_is_rendered_inert(tmp_path):
    from jurisdiction_ns import NO
    from rdflib import Literal

    graph = mini_graph()
    graph.set((NO.alpha, SKOS.prefLabel, Literal('<script>alert("x")</script>', lang="nb")))
    graph.add((NO.alpha, SKOS.altLabel, Literal("[klikk](javascript:alert(1)) <img src=x onerror=alert(1)>",
                                                 lang="nb")))
    root, _views = build_mini(tmp_path, graph)
    out = tmp_path / "site"
    build_site(CatalogueLocation(root, "option"), out)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text
        assert "javascript:alert" not in text.replace("javascript:alert(1)) &lt;", "")
        assert "<img src=x" not in text and "onerror=alert" not in text.replace("onerror=alert(1)&gt;", "")
    concept = (out / "concepts" / "no" / "alpha.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in concept


def test_build_refuses_a_folder_it_did_not_make(tmp_path, repo):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(main, ["--catalogue", str(repo), "build", "--out", str(folder)])
    assert result.exit_code == 3
    assert (folder / "notes.txt").read_text() == "keep me"


def test_rebuilding_into_an_earlier_build_is_allowed(tmp_path):
    root, _ = build_mini(tmp_path)
    out = tmp_path / "site"
    build_site(CatalogueLocation(root, "option"), out)
    build_site(CatalogueLocation(root, "option"), out)
    assert (out / ".overgang-site").is_file() and (out / "index.html").is_file()


def test_a_broken_internal_link_fails_the_build(tmp_path):
    def broken_page(root):
        (root / "site").mkdir()
        (root / "site" / "about.en.md").write_text("# About\n\nSee [the missing page](nowhere.md).\n", encoding="utf-8")

    root, _ = build_mini(tmp_path, prepare=broken_page)
    result = CliRunner().invoke(main, ["--catalogue", str(root), "build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "strict mode" in result.output


def test_unsafe_yaml_in_mkdocs_yml_is_refused(tmp_path):
    def unsafe(root):
        (root / "mkdocs.yml").write_text("site_name: !!python/object/apply:os.getpid []\n", encoding="utf-8")

    root, _ = build_mini(tmp_path, prepare=unsafe)
    result = CliRunner().invoke(main, ["--catalogue", str(root), "build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "mkdocs.yml" in result.output


# ---------------------------------------------------------------- issue 16

def test_a_to_z_files_ae_oe_aa_after_z(built_site, views):
    """The Norwegian index groups by the Norwegian alphabet: Å is its own letter after Z, not beside A."""
    page = (built_site / "nb" / "jurisdiction-no.html").read_text(encoding="utf-8")
    section = page.split('<section class="ovg-az" lang="nb">', 1)[1].split("</section>", 1)[0]
    letters = re.findall(r'<h4 id="[^"]+">([^<]+)</h4>', section)
    # Which letters the data needs is computed from the labels, not assumed.
    labels = [c.pref_labels["nb"] for c in views.concepts.values() if c.jurisdiction == "no" and "nb" in c.pref_labels]
    nordic = [x for x in "ÆØÅ" if any(label[:1].upper() == x for label in labels)]
    assert nordic, "the data should have a label starting with Æ, Ø or Å"
    assert letters[-len(nordic):] == nordic
    assert letters.index(nordic[0]) > letters.index("U")
    entries = re.findall(r'<li><a href="[^"]+">(?:<del>)?([^<]+)', section)
    first_aa = next(i for i, text in enumerate(entries) if text[:1].upper() == nordic[-1])
    assert all(text[:1].upper() in ("Æ", "Ø", "Å") for text in entries[first_aa:])


def test_collation_follows_the_language():
    from catalogue.site.collation import initial, sort_key

    words = ["Åpen", "avtale", "Ørsta", "zebra", "Ærlig", "barn", "Élev"]
    assert sorted(words, key=lambda w: sort_key(w, "nb")) == ["avtale", "barn", "Élev", "zebra", "Ærlig", "Ørsta", "Åpen"]
    assert sorted(words, key=lambda w: sort_key(w, "da"))[-3:] == ["Ærlig", "Ørsta", "Åpen"]
    english = sorted(words, key=lambda w: sort_key(w, "en"))
    assert english.index("Åpen") < english.index("barn") and english[-1] == "zebra"  # English: Å is an A
    assert initial("Åpen", "nb") == "Å" and initial("Åpen", "en") == "A" and initial("Élev", "da") == "E"
    assert initial("Aabenraa", "da") == "Å"  # CLDR: the old spelling aa files under å


def test_a_sharing_guide_per_jurisdiction_in_every_language(built_site, views):
    codes = {t.jurisdiction for t in views.transitions.values()}
    assert codes
    for code in codes:
        for prefix in ("", "nb/", "da/"):
            page = (built_site / prefix / f"sharing-{code}.html").read_text(encoding="utf-8")
            assert 'class="ovg-guide"' in page and "ovg-share-answer" in page
            assert "src=\"http" not in page


def test_external_matches_are_shown(built_site, views):
    concept = next(c for c in views.concepts.values() if c.external_matches)
    jurisdiction, slug = concept.iri.rsplit("/", 2)[-2:]
    page = (built_site / "concepts" / jurisdiction / f"{slug}.html").read_text(encoding="utf-8")
    for _, target in concept.external_matches:
        assert f'href="{target}"' in page


def test_the_registrys_identity_number_rules_are_documented(built_site, catalogue):
    """The privacy rules made from each jurisdiction's ovg:identityNumberForm appear with the other shapes."""
    from rdflib import RDFS, Literal

    from catalogue.namespaces import OVG

    vocab = catalogue.union("vocab")
    names = [str(n) for form in vocab.objects(None, OVG.identityNumberForm)
             for n in vocab.objects(form, RDFS.label) if isinstance(n, Literal) and n.language == "en"]
    assert names
    page = (built_site / "reference" / "handover.html").read_text(encoding="utf-8")
    for name in names:
        assert name in page, name


def test_editorial_notes_are_shown_in_the_readers_language(built_site, views):
    """A concept whose notes exist in Danish and English shows the Danish ones on the Danish page only."""
    import html

    from rdflib import URIRef
    from rdflib.namespace import SKOS

    checked = 0
    for iri in sorted(views.concepts):
        notes = {n.language: str(n) for n in views.graph.objects(URIRef(iri), SKOS.editorialNote)}
        if not ("da" in notes and "en" in notes) or notes["da"] == notes["en"]:
            continue
        jurisdiction, slug = iri.rsplit("/", 2)[-2:]
        danish = html.unescape((built_site / "da" / "concepts" / jurisdiction / f"{slug}.html").read_text(encoding="utf-8"))
        english = html.unescape((built_site / "concepts" / jurisdiction / f"{slug}.html").read_text(encoding="utf-8"))
        assert notes["da"] in danish and notes["en"] not in danish, iri
        assert notes["en"] in english, iri
        checked += 1
        if checked == 5:
            break
    assert checked
