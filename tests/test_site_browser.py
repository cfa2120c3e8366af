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
    page.fill("#ovg-filter-1", "PP-tjenesten")
    row = page.locator("#ovg-crosswalk-1 tbody tr:visible", has_text="pædagogisk psykologisk rådgivning").first
    shot(page, "crosswalk")
    row.locator("a", has_text="pædagogisk psykologisk rådgivning").click()
    page.wait_for_url("**/concepts/dk/ppr.html")
    assert "PP-tjenesten" in page.locator(".ovg-counterpart").first.inner_text()
    shot(page, "concept-ppr")


def test_false_friend_warning_is_prominent(page, server):
    page.goto(f"{server}/concepts/no/ungdomsskole.html")
    warning = page.locator(".ovg-callout-false-friend").first
    assert warning.is_visible() and "ungdomsskole" in warning.inner_text()
    shot(page, "false-friend")


def test_language_switch_keeps_the_page(page, server):
    page.goto(f"{server}/concepts/dk/ppr.html")
    page.click(".ovg-langs a[hreflang=da]")
    page.wait_for_url("**/da/concepts/dk/ppr.html")
    assert page.locator("html").get_attribute("lang") == "da"
    assert "På den anden side af grænsen" in page.content()


def test_sorting_the_crosswalk(page, server):
    page.goto(f"{server}/crosswalk.html")
    page.click("#ovg-crosswalk-1 thead th:nth-child(3) button")
    assert page.locator("#ovg-crosswalk-1 thead th:nth-child(3)").get_attribute("aria-sort") == "ascending"


@pytest.mark.parametrize("path", ["index.html", "concepts/dk/ppr.html", "crosswalk.html",
                                  "transitions/overgang-grunnskole-videregaende.html"])
def test_no_serious_accessibility_violations(page, server, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{server}/{path}")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert [(v["id"], len(v["nodes"])) for v in serious] == []
