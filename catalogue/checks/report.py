"""Turning findings into the text and JSON that `check` prints."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from catalogue.checks.findings import SEVERITIES, Finding
from catalogue.namespaces import all_prefixes
from catalogue.text.templating import render_text


def short_iri(iri: str | None) -> str:
    if not iri:
        return ""
    table = all_prefixes()
    best = None
    for prefix, namespace in table.items():
        if iri.startswith(namespace) and (best is None or len(namespace) > len(table[best])):
            best = prefix
    return f"{best}:{iri[len(table[best]):]}" if best else f"<{iri}>"


def counts(findings: list[Finding]) -> dict[str, int]:
    tally = Counter(f.severity for f in findings)
    return {s: tally.get(s, 0) for s in SEVERITIES}


def findings_text(findings: list[Finding], lang: str, checks_run: int) -> str:
    by_file = defaultdict(list)
    for f in findings:
        by_file[f.file or "(catalogue)"].append(f)
    return render_text("check.txt.j2", groups=sorted(by_file.items()), lang=lang, counts=counts(findings),
                       checks_run=checks_run, short_iri=short_iri)


def findings_json(findings: list[Finding], lang: str) -> str:
    return json.dumps({
        "summary": counts(findings),
        "findings": [{"check": f.check, "severity": f.severity, "file": f.file, "line": f.line,
                      "focus": f.focus, "message": f.text(lang), "messages": f.message, **f.detail}
                     for f in findings],
    }, ensure_ascii=False, indent=2)
