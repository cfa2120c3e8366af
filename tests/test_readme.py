"""The README opens with exactly two set-up commands, and CI runs the second one verbatim."""

import re


def _setup_commands(readme: str) -> list[str]:
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block, "README.md must open with a sh code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_starts_with_two_commands(repo):
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert readme.index("```sh") < readme.index("\n## ")
    commands = _setup_commands(readme)
    assert len(commands) == 2
    assert "pip install ." in commands[0] and "overgang" in commands[0]
    assert "'.[test]'" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command(repo):
    commands = _setup_commands((repo / "README.md").read_text(encoding="utf-8"))
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_ci_checks_the_real_catalogue(repo):
    lines = (repo / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ".venv/bin/overgang check" in lines
