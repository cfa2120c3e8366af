"""The built site in a real browser (Debian's chromium, driven by Playwright): search in three languages,
a crosswalk link, the language switch, no console errors, no request leaving localhost, and axe-core.

In CI (CI=true) these tests never skip: a missing browser is a failure. `.ci/run` installs chromium."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "site"

if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))

    class Quiet(handler.func):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on("request", lambda req: page.outside_requests.append(req.url)
            if not req.url.startswith(server) and not req.url.startswith("data:") else None)
    yield page
    assert page.console_errors == []
    assert page.outside_requests == []
    context.close()


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("lang_path, query, target, heading", [
    ("", "PPR", "concepts/dk/ppr.html", "pædagogisk psykologisk rådgivning"),
    ("nb/", "oppføl", "concepts/no/oppfolgingstjenesten.html", "oppfølgingstjenesten"),
    ("da/", "ungdomsudd", "concepts/dk/ungdomsuddannelse.html", "ungdomsuddannelse"),
])
def test_search_in_three_languages_lands_on_the_right_page(page, server, lang_path, query, target, heading):
    page.goto(f"{server}/{lang_path}index.html")
    page.fill("#ovg-q", query)
    first = page.locator(".ovg-results a").first
    first.wait_for()
    shot(page, f"search-{lang_path.strip('/') or 'en'}")
    first.click()
    page.wait_for_url(f"**/{lang_path}{target}")
    assert heading in page.locator("h1").first.inner_text()


def test_search_ignores_accents_and_case(page, server):
    page.goto(f"{server}/index.html")
    page.fill("#ovg-q", "OPPFOLGINGSTENESTA")
    assert "oppfolgingstjenesten.html" in page.locator(".ovg-results a").first.get_attribute("href")


def test_crosswalk_link_and_counterpart(page, server):
    page.goto(f"{server}/crosswalk.html")
    page.fill("#ovg-filter-text", "PP-tjenesten")
    row = page.locator("#ovg-crosswalk tbody tr:visible", has_text="pædagogisk psykologisk rådgivning").first
    shot(page, "crosswalk")
    row.locator("a", has_text="pædagogisk psykologisk rådgivning").click()
    page.wait_for_url("**/concepts/dk/ppr.html")
    assert "PP-tjenesten" in page.locator(".ovg-counterpart").first.inner_text()
    shot(page, "concept-ppr")


def test_crosswalk_filters_by_country_pair_and_match_strength(page, server):
    page.goto(f"{server}/crosswalk.html")
    assert page.locator("label[for=ovg-filter-text]").is_visible()
    border = page.eval_on_selector("#ovg-filter-text", "e => getComputedStyle(e).borderTopColor")
    assert border not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")  # visible, not white on white
    total = page.locator("#ovg-crosswalk tbody tr").count()
    page.select_option("#ovg-filter-relation", "exactMatch")
    visible = page.locator("#ovg-crosswalk tbody tr:visible")
    assert 0 < visible.count() < total
    assert set(visible.evaluate_all("rows => rows.map(r => r.dataset.relation)")) == {"exactMatch"}
    pairs = page.locator("#ovg-filter-pair option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    assert pairs
    page.select_option("#ovg-filter-relation", "")
    page.select_option("#ovg-filter-pair", pairs[0])
    assert set(page.locator("#ovg-crosswalk tbody tr:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.pair)")) == {pairs[0]}


def test_false_friends_come_first_with_a_heading_and_countries(page, server):
    page.goto(f"{server}/crosswalk.html")
    heading = page.locator("#ovg-ff-h")
    assert "False friends" in heading.inner_text()
    assert heading.bounding_box()["y"] < page.locator("#ovg-crosswalk").bounding_box()["y"]
    first = page.locator(".ovg-false-friends .ovg-card").first
    countries = first.locator(".ovg-country").all_inner_texts()
    assert {"Norway", "Denmark"} <= set(countries)


def test_false_friend_warning_is_prominent(page, server):
    page.goto(f"{server}/concepts/no/ungdomsskole.html")
    warning = page.locator(".ovg-callout-false-friend").first
    assert warning.is_visible() and "ungdomsskole" in warning.inner_text()
    assert warning.bounding_box()["y"] + warning.bounding_box()["height"] < 900
    shot(page, "false-friend")


def test_language_switch_keeps_the_page(page, server):
    page.goto(f"{server}/concepts/dk/ppr.html")
    page.click(".ovg-langs a[hreflang=da]")
    page.wait_for_url("**/da/concepts/dk/ppr.html")
    assert page.locator("html").get_attribute("lang") == "da"
    assert "På den anden side af grænsen" in page.content()


def test_sorting_the_crosswalk(page, server):
    page.goto(f"{server}/crosswalk.html")
    page.click("#ovg-crosswalk thead th:nth-child(3) button")
    assert page.locator("#ovg-crosswalk thead th:nth-child(3)").get_attribute("aria-sort") == "ascending"


@pytest.mark.parametrize("path", ["index.html", "concepts/dk/ppr.html", "crosswalk.html",
                                  "transitions/overgang-grunnskole-videregaende.html"])
def test_no_serious_accessibility_violations(page, server, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{server}/{path}")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert [(v["id"], len(v["nodes"])) for v in serious] == []


# ---------------------------------------------------------------- issue 16: the case worker's site

PAGE_TYPES = {
    "home": "index.html",
    "concept": "concepts/no/pp-tjenesten.html",
    "jurisdiction": "jurisdiction-no.html",
    "crosswalk": "crosswalk.html",
    "actors": "actors.html",
    "transitions": "transitions.html",
    "transition": "transitions/overgang-grunnskole-videregaende.html",
    "sharing": "sharing-dk.html",
    "handover": "reference/handover.html",
    "ontology": "reference/ontology.html",
    "downloads": "downloads.html",
    "about": "about.html",
    "changelog": "changelog.html",
}


@pytest.mark.parametrize("lang_path", ["", "nb/", "da/"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_page_type_fits_a_phone_and_passes_axe(page, server, kind, lang_path):
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}/{lang_path}{PAGE_TYPES[kind]}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, kind
    name = f"{kind}-{lang_path.strip('/') or 'en'}"
    shot(page, f"{name}-390")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert [(v["id"], len(v["nodes"])) for v in serious] == []
    page.set_viewport_size({"width": 1280, "height": 800})
    shot(page, f"{name}-1280")


def test_ppt_answers_within_the_first_laptop_screen(page, server):
    """The Danish counterpart's label and the responsible actor are visible without scrolling at 1280×800."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{server}/concepts/no/pp-tjenesten.html")
    counterpart = page.locator(".ovg-counterpart-link", has_text="pædagogisk psykologisk rådgivning")
    responsible = page.locator(".ovg-responsible-party").first
    for element in (counterpart, responsible, page.locator(".ovg-definition-main")):
        box = element.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 800, box
    assert responsible.inner_text() in ("municipality", "county authority")
    meta = page.locator(".ovg-meta").inner_text()
    assert "OrganisationType" not in meta and "CURRENT" not in meta
    shot(page, "concept-ppt-1280")


@pytest.mark.parametrize("lang_path", ["", "nb/", "da/"])
def test_concept_page_model_words_are_translated(page, server, lang_path):
    page.goto(f"{server}/{lang_path}concepts/no/pp-tjenesten.html")
    meta = page.locator(".ovg-meta").inner_text()
    words = {"": ("organisation type", "current"), "nb/": ("organisasjonstype", "gjeldende"),
             "da/": ("organisationstype", "gældende")}[lang_path]
    assert all(w in meta for w in words), meta


def test_concept_and_transition_pages_link_each_other(page, server):
    page.goto(f"{server}/concepts/no/overgang-grunnskole-videregaende.html")
    page.click(".ovg-goto a")
    page.wait_for_url("**/transitions/overgang-grunnskole-videregaende.html")
    page.click(".ovg-counterpart-transition")
    page.wait_for_url("**/transitions/overgang-grundskole-ungdomsuddannelse.html")
    page.click("text=The concept: definition and counterparts")
    page.wait_for_url("**/concepts/dk/overgang-grundskole-ungdomsuddannelse.html")


def test_actors_are_side_by_side_on_a_laptop(page, server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{server}/actors.html")
    columns = page.locator(".ovg-side-by-side > .ovg-column")
    assert columns.count() >= 2
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 5 and second["x"] > first["x"] + first["width"] - 5
    # actor -> its responsibilities and transitions
    assert page.locator(".ovg-actor", has_text="municipality").first.locator("a[href*='transitions/']").count() >= 1


@pytest.mark.parametrize("lang_path", ["", "nb/", "da/"])
def test_transition_pages_write_no_month_day_dates(page, server, built_site, lang_path):
    import re

    bare = re.compile(r"(?<!§ )(?<![\d§-])(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b(?!-)")
    for path in sorted((built_site / "transitions").glob("*.html")):
        page.goto(f"{server}/{lang_path}transitions/{path.name}")
        text = page.locator(".ovg-page").inner_text()
        assert not bare.search(text), (path.name, bare.search(text).group(0))
    page.goto(f"{server}/{lang_path}transitions/overgang-grunnskole-videregaende.html")
    expected = {"": "1 October", "nb/": "1. oktober", "da/": "1. oktober"}[lang_path]
    assert expected in page.locator(".ovg-page").inner_text()


@pytest.mark.parametrize("query, target", [
    ("PP tjenesten", "concepts/no/pp-tjenesten.html"),
    ("oppfolgingstjenesten", "concepts/no/oppfolgingstjenesten.html"),
    ("oppfølgingstjensten", "concepts/no/oppfolgingstjenesten.html"),
    ("uu vejleder", "concepts/dk/uddannelsesvejleder.html"),
    ("pædagogisk psykologisk vurdering", "concepts/dk/ppv.html"),
])
def test_search_forgives_in_the_browser(page, server, query, target):
    page.goto(f"{server}/index.html")
    page.fill("#ovg-q", query)
    first = page.locator(".ovg-results li:not(.ovg-did-you-mean) a").first
    first.wait_for()
    assert first.get_attribute("href").endswith(target)
    hit = page.locator(".ovg-results li:not(.ovg-did-you-mean)", has=page.locator(f"a[href$='{target}']")).first
    assert hit.locator(".ovg-jur").inner_text() in ("Norway", "Denmark")
    assert hit.locator(".ovg-hit-definition").inner_text()
    if query == "oppfølgingstjensten":
        assert "Did you mean" in page.locator(".ovg-did-you-mean").inner_text()


def test_search_says_did_you_mean_when_nothing_matches(page, server):
    page.goto(f"{server}/nb/index.html")
    page.fill("#ovg-q", "kommunne")
    note = page.locator(".ovg-did-you-mean")
    note.wait_for()
    assert "Mente du" in note.inner_text() and "kommune" in note.inner_text()


PARITY_QUERIES = ["P", "PP", "ppt", "PPR", "PP tjenesten", "oppfolgingstjenesten", "oppfølgingstjensten", "uu vejleder",
                  "pædagogisk psykologisk vurdering", "kommunne", "rektor", "sakyndig", "ungdomsskole", "elev", "fravær",
                  "qqqqzzzz", "Åpen", "skole", "foraeldremyndighed", "IOP"]


def test_site_search_and_lookup_share_one_rule(page, server, repo):
    """The browser's script and `overgang lookup` give the same ten results, in the same order, and the same
    suggestions, for the same queries."""
    from catalogue.model.catalogue import build_views
    from catalogue.search.lookup import build_index, find
    from catalogue.source.locate import CatalogueLocation

    index = build_index(build_views(CatalogueLocation(repo, "checkout")))
    page.goto(f"{server}/index.html")
    page.wait_for_function("window.OVG_CONCEPTS && window.OVG_SEARCH")
    for query in PARITY_QUERIES:
        answer = find(index, query, 10)
        browser = page.evaluate("q => window.OVG_SEARCH(q, 10)", query)
        assert browser["results"] == [r["iri"] for r in answer.results], query
        assert browser["total"] == answer.total, query
        assert browser["did_you_mean"] == [s["iri"] for s in answer.suggestions], query


def test_the_sharing_guide_answers_each_rule_as_the_data_states_it(page, server, catalogue):
    from test_rules import ages_to_ask, applies, rules_in_data

    data = rules_in_data(catalogue.union("ontology", "vocab"))
    assert data
    checked = 0
    for rule in data:
        code = rule["transition"].rsplit("/", 2)[-2]
        page.goto(f"{server}/sharing-{code}.html")
        page.select_option("#ovg-guide-transition", rule["transition"])
        page.select_option("#ovg-guide-category", rule["category"])
        for age in ages_to_ask(rule["consent_rules"]):
            page.fill("#ovg-guide-age", "" if age is None else str(age))
            shown = page.locator(".ovg-share-answer:visible")
            assert shown.count() == 1, (rule["transition"], rule["category"], age)
            answer = shown.first
            assert answer.get_attribute("data-has-rule") == "true"
            verdict = {True: "consent", False: "free", None: "unknown"}[rule["consent"]]
            candidates = answer.locator(".ovg-share-rule", has=page.locator(f"[data-verdict={verdict}]"))
            assert candidates.count() >= 1
            part = candidates.first
            links = set(part.locator("a[rel~=nofollow]").evaluate_all("as => as.map(a => a.href)"))
            links = {__import__("urllib.parse").parse.unquote(x) for x in links}
            assert rule["sources"] | rule["legal_bases"] <= links, (rule, links)
            deadlines = sorted((s.get_attribute("data-month-day"), int(s.get_attribute("data-year-offset")))
                               for s in part.locator("[data-month-day]").all())
            assert deadlines == rule["deadlines"]
            assert (part.locator("[data-duty]").count() == 1) == rule["duty"]
            if rule["consent"]:
                roles = sorted(r for r in part.locator("[data-role]").evaluate_all("ls => ls.map(l => l.dataset.role)") if r)
                expected = sorted(role for role, low, below in rule["consent_rules"]
                                  if age is None or applies(low, below, age))
                assert roles == expected, (rule["category"], age, roles)
            checked += 1
    assert checked >= len(data)


def test_the_sharing_guide_says_when_there_is_no_rule(page, server, catalogue):
    from test_rules import rules_in_data

    data = rules_in_data(catalogue.union("ontology", "vocab"))
    transition = data[0]["transition"]
    with_rule = {r["category"] for r in data if r["transition"] == transition}
    code = transition.rsplit("/", 2)[-2]
    page.goto(f"{server}/sharing-{code}.html")
    page.select_option("#ovg-guide-transition", transition)
    options = page.locator("#ovg-guide-category option").evaluate_all("os => os.map(o => o.value)")
    without = next(o for o in options if o not in with_rule)
    page.select_option("#ovg-guide-category", without)
    shown = page.locator(".ovg-share-answer:visible")
    assert shown.count() == 1 and shown.get_attribute("data-has-rule") == "false"
    assert "has no rule" in shown.inner_text()
    assert shown.locator("[data-verdict=consent], [data-verdict=free]").count() == 0
