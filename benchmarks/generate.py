"""Seeded generator of synthetic handover records for the four transitions, with known injected defects.

    python benchmarks/generate.py N OUT.ttl [--seed 7] [--defect-rate 0.03]

Writes OUT.ttl and OUT.expected.json (the exact findings the defects must produce, by constraint). Every value
is synthetic; national-identity-shaped numbers are Norwegian test numbers (month + 80) that cannot be real.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

PREFIXES = """@prefix dct: <http://purl.org/dc/terms/> .
@prefix dk: <https://w3id.org/overgang/dk/> .
@prefix dpv: <https://w3id.org/dpv#> .
@prefix ex: <https://example.org/bench/> .
@prefix no: <https://w3id.org/overgang/no/> .
@prefix ovg: <https://w3id.org/overgang/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

"""
SCHOOLS = 300
NO_LAW = "<https://lovdata.no/lov/2023-06-09-30>"
DK_LAW = "<https://www.retsinformation.dk/eli/lta/2024/953>"
DK_DAYCARE_LAW = "<https://www.retsinformation.dk/eli/lta/2025/1038>"
SYNTHETIC_NIN = "15831150065"

# defect -> the finding it must produce: (constraint or shape local name, severity)
DEFECTS = {
    "consent-missing": ("handover-consent-covers", "violation"),
    "category-not-allowed": ("handover-category-allowed", "violation"),
    "pseudonym": ("pupil-pseudonym", "violation"),
    "legal-basis-missing": ("handover-legal-basis", "violation"),
    "national-id": ("no-fodselsnummer", "violation"),
    "deadline": ("handover-deadline", "warning"),
}


def _schools() -> str:
    out = []
    kinds = [("no", "ungdomsskole"), ("no", "videregaende-skole"), ("no", "barnehage"), ("no", "barneskole"),
             ("dk", "folkeskole"), ("dk", "gymnasium"), ("dk", "boernehave")]
    for code, kind in kinds:
        for i in range(SCHOOLS // len(kinds) + 1):
            out.append(f"ex:{kind}-{i} a ovg:School ; ovg:institutionType {code}:{kind} .")
    return "\n".join(out) + "\n"


def _school(rng, kind):
    return f"ex:{kind}-{rng.randrange(SCHOOLS // 7)}"


def _record(i: int, rng: random.Random, defect: str | None) -> str:
    h, p = f"ex:h{i}", f"ex:p{i}"
    # Letters between the digits, so that no pseudonym can look like a national identity number by chance.
    pseudonym = ("P" + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") + rng.choice("0123456789") for _ in range(5))
                 if defect != "pseudonym" else str(rng.randrange(10**6, 10**7)))  # too short, and only digits
    kind = i % 4 if defect is None else 0  # defects all sit in the Norwegian lower-to-upper-secondary transition
    if kind == 0:
        date = "2026-11-20" if defect == "deadline" else "2026-09-20"
        items = [f"ex:i{i}a", f"ex:i{i}b"]
        grades = f"ex:i{i}b a ovg:InformationItem ; ovg:informationCategory no:standpunktkarakter"
        if defect != "legal-basis-missing":
            grades += f" ; dpv:hasLegalBasis {NO_LAW}"
        if defect == "national-id":
            grades += f' ; ovg:note "Tidligere nr. {SYNTHETIC_NIN}"@nb'
        lines = [
            f"{h} a ovg:Handover ; ovg:transition no:overgang-grunnskole-videregaende ; ovg:pupil {p} ; "
            f"ovg:sender {_school(rng, 'ungdomsskole')} ; ovg:recipient {_school(rng, 'videregaende-skole')} ; "
            f'dct:date "{date}"^^xsd:date ; ovg:expectedStart "2027-08-17"^^xsd:date ; '
            f"ovg:informationItem {', '.join(items)}" + ("" if defect == "consent-missing" else f" ; ovg:consent ex:c{i}") + " .",
            f'{p} a ovg:Pupil ; ovg:pseudonym "{pseudonym}" ; ovg:ageAtHandover "{rng.choice([15, 16])}"^^xsd:nonNegativeInteger .',
            f"ex:i{i}a a ovg:InformationItem ; ovg:informationCategory no:sakkyndig-vurdering .",
            grades + " .",
        ]
        if defect != "consent-missing":
            lines.append(f'ex:c{i} a dpv:Consent ; ovg:consentGivenBy no:elev ; dct:date "2026-09-01"^^xsd:date ; '
                         f"ovg:coversCategory no:sakkyndig-vurdering .")
        if defect == "category-not-allowed":
            lines[0] = lines[0].replace(f"ovg:informationItem {', '.join(items)}", f"ovg:informationItem {', '.join(items)}, ex:i{i}c")
            lines.append(f"ex:i{i}c a ovg:InformationItem ; ovg:informationCategory no:sterke-sider ; dpv:hasLegalBasis {NO_LAW} .")
        return "\n".join(lines) + "\n"
    if kind == 1:
        return "\n".join([
            f"{h} a ovg:Handover ; ovg:transition no:overgang-barnehage-skole ; ovg:pupil {p} ; "
            f"ovg:sender {_school(rng, 'barnehage')} ; ovg:recipient {_school(rng, 'barneskole')} ; "
            f'dct:date "2026-05-12"^^xsd:date ; ovg:informationItem ex:i{i}a ; ovg:consent ex:c{i} .',
            f'{p} a ovg:Pupil ; ovg:pseudonym "{pseudonym}" ; ovg:ageAtHandover "5"^^xsd:nonNegativeInteger .',
            f"ex:i{i}a a ovg:InformationItem ; ovg:informationCategory no:sterke-sider .",
            f'ex:c{i} a dpv:Consent ; ovg:consentGivenBy no:person-med-foreldreansvar ; dct:date "2026-04-28"^^xsd:date ; '
            f"ovg:coversCategory no:sterke-sider .",
        ]) + "\n"
    if kind == 2:
        return "\n".join([
            f"{h} a ovg:Handover ; ovg:transition dk:overgang-grundskole-ungdomsuddannelse ; ovg:pupil {p} ; "
            f"ovg:sender {_school(rng, 'folkeskole')} ; ovg:recipient {_school(rng, 'gymnasium')} ; "
            f'dct:date "2027-02-15"^^xsd:date ; ovg:expectedStart "2027-08-10"^^xsd:date ; ovg:informationItem ex:i{i}a .',
            f'{p} a ovg:Pupil ; ovg:pseudonym "{pseudonym}" ; ovg:ageAtHandover "16"^^xsd:nonNegativeInteger .',
            f"ex:i{i}a a ovg:InformationItem ; ovg:informationCategory dk:uddannelsesplan ; dpv:hasLegalBasis {DK_LAW} .",
        ]) + "\n"
    return "\n".join([
        f"{h} a ovg:Handover ; ovg:transition dk:overgang-dagtilbud-skole ; ovg:pupil {p} ; "
        f"ovg:sender {_school(rng, 'boernehave')} ; ovg:recipient {_school(rng, 'folkeskole')} ; "
        f'dct:date "2026-04-30"^^xsd:date ; ovg:informationItem ex:i{i}a .',
        f'{p} a ovg:Pupil ; ovg:pseudonym "{pseudonym}" ; ovg:ageAtHandover "5"^^xsd:nonNegativeInteger .',
        f"ex:i{i}a a ovg:InformationItem ; ovg:informationCategory dk:overgangsbeskrivelse ; "
        f"dpv:hasLegalBasis {DK_DAYCARE_LAW} .",
    ]) + "\n"


def generate(n: int, out: Path, seed: int = 7, defect_rate: float = 0.03) -> dict:
    rng = random.Random(seed)
    expected = Counter()
    kinds = sorted(DEFECTS)
    with out.open("w", encoding="utf-8") as handle:
        handle.write(PREFIXES)
        handle.write(_schools())
        for i in range(n):
            defect = kinds[rng.randrange(len(kinds))] if rng.random() < defect_rate else None
            if defect:
                expected["|".join(DEFECTS[defect])] += 1
            handle.write(_record(i, rng, defect))
    summary = {"records": n, "seed": seed, "expected": dict(sorted(expected.items()))}
    out.with_suffix(".expected.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
    rate = float(args[args.index("--defect-rate") + 1]) if "--defect-rate" in args else 0.03
    print(json.dumps(generate(int(args[0]), Path(args[1]), seed, rate), indent=2))
