from pathlib import Path

import pytest
from made_once import made_once

from catalogue.source import netguard
from catalogue.source.loader import load
from catalogue.source.locate import CatalogueLocation

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def catalogue():
    """The repository's own catalogue, parsed once for the whole run."""
    return load(CatalogueLocation(REPO, "checkout"))


@pytest.fixture(scope="session")
def ontology_graph(catalogue):
    return catalogue.union("ontology")


@pytest.fixture(autouse=True)
def _network_guard_off_after_test():
    yield
    netguard.disable()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real catalogue's site, built once for the whole run (once, not once per test worker)."""
    from catalogue.site.build import build_site

    return made_once(tmp_path_factory, "built-site", lambda out: build_site(CatalogueLocation(REPO, "checkout"), out))
