"""`overgang build`: generate the pages, run mkdocs-material once per interface language, add downloads and
redirect rules, then post-process and check every page. Nothing outside the output folder is written or
deleted, and a folder that is not an earlier build is never emptied.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from catalogue.errors import InputError, OvergangError
from catalogue.site.downloads import write_downloads
from catalogue.site.pages import SiteContent, render_language
from catalogue.site.paths import DEFAULT_LANGUAGE
from catalogue.site.postprocess import postprocess
from catalogue.site.search_index import concept_index_js
from catalogue.site.strings import SITE_LANGUAGES, t
from catalogue.source.locate import CatalogueLocation

MARKER = ".overgang-site"
ASSETS = Path(__file__).resolve().parent / "assets"


class BuildError(OvergangError):
    exit_code = 1


@dataclass
class BuildResult:
    out: Path
    pages: int


def _check_output_folder(out: Path, location: CatalogueLocation) -> None:
    if out.exists():
        if not out.is_dir():
            raise InputError(str(out), "exists and is not a folder")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise InputError(str(out), "is not empty and is not an earlier `overgang build` output; "
                             "give an empty or new folder")
    resolved = out.resolve()
    root = location.root.resolve()
    if resolved == root or root.is_relative_to(resolved):
        raise InputError(str(out), "would contain the catalogue's own sources; choose another folder")


def _site_config(location: CatalogueLocation) -> dict:
    path = location.root / "mkdocs.yml"
    if not path.is_file():
        return {}
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError("mkdocs.yml", "not valid YAML (python tags and other unsafe YAML are refused)",
                         mark.line + 1 if mark else None) from None
    return loaded if isinstance(loaded, dict) else {}


def _nav(lang: str, docs: Path, registry) -> list:
    from catalogue.site.paths import jurisdiction_page, sharing_page

    countries = [{j.name(lang): jurisdiction_page(j.code).replace(".html", ".md")} for j in registry]
    guides = [{t("sharing_title", lang).format(country=j.name(lang)): sharing_page(j.code).replace(".html", ".md")}
              for j in registry if (docs / sharing_page(j.code).replace(".html", ".md")).is_file()]
    entries = [("crosswalk", "crosswalk.md"), ("actors", "actors.md"), ("transitions", "transitions.md"),
               ("handover_reference", "reference/handover.md"), ("handover_json", "reference/handover-json.md"),
               ("ontology_reference", "reference/ontology.md"),
               ("downloads", "downloads.md"), ("about", "about.md"), ("changelog", "changelog.md"),
               ("contributing", "contributing.md")]
    return ([{t("site_name", lang): "index.md"}] + countries + guides
            + [{t(key, lang): page} for key, page in entries if (docs / page).is_file()])


def _mkdocs_config(base: dict, lang: str, docs: Path, site_dir: Path, overrides: Path | None, registry) -> dict:
    site_url = str(base.get("site_url") or "").rstrip("/")
    theme = {"name": "material", "language": lang, "font": False,
             "palette": (base.get("theme") or {}).get("palette", {"primary": "indigo", "accent": "indigo"}),
             "features": ["navigation.top"]}
    if overrides is not None:
        theme["custom_dir"] = str(overrides)
    return {
        "site_name": t("site_name", lang),
        "site_url": (site_url + ("/" if lang == DEFAULT_LANGUAGE else f"/{lang}/")) if site_url else None,
        "copyright": str(base.get("copyright") or ""),
        "docs_dir": str(docs),
        "site_dir": str(site_dir),
        "use_directory_urls": False,
        "strict": True,
        "theme": theme,
        "plugins": [],
        "markdown_extensions": ["fenced_code", "tables", "toc"],
        "extra_css": ["assets/ovg.css"],
        "extra_javascript": ["assets/ovg.js"],
        "nav": _nav(lang, docs, registry),
    }


def _run_mkdocs(config: dict, work: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = work / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump({k: v for k, v in config.items() if v is not None}, allow_unicode=True),
                           encoding="utf-8")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        build(load_config(config_file=str(config_file)))
    except (MkDocsException, SystemExit) as error:
        raise BuildError(f"mkdocs build failed in strict mode: {error}") from None


def _copy_pages(location: CatalogueLocation, docs: Path, lang: str) -> None:
    hand_written = location.root / "site"
    if hand_written.is_dir():
        for page in sorted(hand_written.glob(f"*.{lang}.md")):
            shutil.copy(page, docs / page.name.replace(f".{lang}.md", ".md"))
    for name, target in (("CHANGELOG.md", "changelog.md"), ("CONTRIBUTING.md", "contributing.md")):
        source = location.root / name
        text = source.read_text(encoding="utf-8") if source.is_file() else f"# {name}\n"
        (docs / target).write_text(text, encoding="utf-8")


def build_site(location: CatalogueLocation, out: Path) -> BuildResult:
    from catalogue.model.catalogue import build_views
    from catalogue.model.identity_numbers import add_constraints

    _check_output_folder(out, location)
    views = build_views(location)
    # the generated identity-number rules are documented with the rest of the handover shapes
    shapes = add_constraints(views.catalogue.union("shapes"), views.graph)
    examples_folder = location.root / "examples"
    examples = sorted(p.relative_to(examples_folder).as_posix() for p in examples_folder.rglob("*.ttl")) \
        if examples_folder.is_dir() else []
    content = SiteContent(views, shapes, examples)
    base = _site_config(location)
    overrides = location.root / "site" / "overrides"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="overgang-site-") as scratch:
        for lang in SITE_LANGUAGES:  # the default language first: its build owns (and cleans) the root
            work = Path(scratch) / lang
            docs = work / "docs"
            render_language(content, lang, docs)
            _copy_pages(location, docs, lang)
            (docs / "assets").mkdir(parents=True, exist_ok=True)
            for asset in ASSETS.iterdir():
                shutil.copy(asset, docs / "assets" / asset.name)
            (docs / "assets" / "concept-index.js").write_text(concept_index_js(views, lang), encoding="utf-8")
            site_dir = out if lang == DEFAULT_LANGUAGE else out / lang
            _run_mkdocs(_mkdocs_config(base, lang, docs, site_dir,
                                       overrides if overrides.is_dir() else None, views.registry), work)
    write_downloads(views, out)
    if examples:
        shutil.copytree(examples_folder, out / "examples", dirs_exist_ok=True)
    from catalogue.site.w3id import write_redirects

    write_redirects(out, str(base.get("site_url") or ""), views.registry.codes)
    (out / MARKER).write_text("Built by `overgang build`; this folder may be replaced by the next build.\n",
                              encoding="utf-8")
    problems = postprocess(out)
    if problems:
        shown = "\n  ".join(problems[:20])
        raise BuildError(f"{len(problems)} problem(s) in the built site:\n  {shown}")
    return BuildResult(out, sum(1 for _ in out.rglob("*.html")))
