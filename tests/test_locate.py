"""Which catalogue folder wins: option, then environment, then the checkout, then the installed copy."""

import pytest

from catalogue.errors import InputError
from catalogue.source.locate import ENV_VAR, locate, packaged_catalogue


def test_checkout_wins_inside_a_checkout(repo, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    found = locate(cwd=repo / "vocab")
    assert (found.root, found.origin) == (repo, "checkout")


def test_environment_beats_checkout(repo, tmp_path, monkeypatch):
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "overgang.ttl").write_text("")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    found = locate(cwd=repo)
    assert (found.root, found.origin) == (tmp_path, "environment")


def test_option_beats_environment(tmp_path, monkeypatch, repo):
    monkeypatch.setenv(ENV_VAR, str(repo))
    with pytest.raises(InputError, match="not a catalogue folder"):
        locate(tmp_path)


def test_installed_copy_is_used_outside_a_checkout(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    found = locate(cwd=tmp_path)
    assert found.origin == "package"
    assert (found.root / "ontology" / "overgang.ttl").is_file()
    assert found.root == packaged_catalogue()
