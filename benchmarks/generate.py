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
NO_DAYCARE_LAW = "<https://lovdata.no/lov/2005-06-17-64>"
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


# Defect-free records carry every category their transition allows, as real handovers with several findings
# to pass on do (about 50 triples a record, like the research harness's records): transition -> (sending and
# receiving institution kinds, ages, consenting role, law, categories, categories that need consent, the
# category a free-text note goes on (never a special-category one)).
RICH = [
    ("no:overgang-grunnskole-videregaende", "ungdomsskole", "videregaende-skole", (15, 16), "no:elev", NO_LAW,
     "2026-09-20", "2027-08-17",
     ["sakkyndig-vurdering", "standpunktkarakter", "behov-for-tilrettelegging", "enkeltvedtak",
      "individuell-opplaeringsplan", "gjennomforte-tiltak"],
     {"sakkyndig-vurdering", "behov-for-tilrettelegging", "enkeltvedtak", "individuell-opplaeringsplan",
      "gjennomforte-tiltak"}, "standpunktkarakter"),
    ("no:overgang-barnehage-skole", "barnehage", "barneskole", (5, 6), "no:person-med-foreldreansvar",
     NO_DAYCARE_LAW, "2026-05-12", None,
     ["sterke-sider", "sakkyndig-vurdering", "enkeltvedtak", "gjennomforte-tiltak", "behov-for-tilrettelegging"],
     {"sterke-sider", "sakkyndig-vurdering", "enkeltvedtak", "gjennomforte-tiltak", "behov-for-tilrettelegging"},
     "sterke-sider"),
    ("dk:overgang-grundskole-ungdomsuddannelse", "folkeskole", "gymnasium", (16, 17), "dk:elev", DK_LAW,
     "2027-02-15", "2027-08-10",
     ["uddannelsesplan", "standpunktskarakter", "stoettebehov", "givet-stoette", "ppv", "styrker"],
     {"stoettebehov", "givet-stoette", "ppv", "styrker"}, "styrker"),
    ("dk:overgang-dagtilbud-skole", "boernehave", "folkeskole", (5, 6), "dk:foraeldremyndighedsindehaver",
     DK_DAYCARE_LAW, "2026-04-30", None,
     ["overgangsbeskrivelse", "sprogvurdering", "skoleparathed", "styrker", "stoettebehov", "givet-stoette"],
     {"sprogvurdering", "stoettebehov", "givet-stoette"}, "skoleparathed"),
]
# Consent is given, and items are written, before the handover date.
CONSENT_DATES = {"no:overgang-grunnskole-videregaende": "2026-09-01", "no:overgang-barnehage-skole": "2026-04-28",
                 "dk:overgang-grundskole-ungdomsuddannelse": "2027-01-20", "dk:overgang-dagtilbud-skole": "2026-04-01"}
NOTES = ["Trives godt i mindre grupper.", "Har god nytte av faste rutiner.", "Arbejder bedst med korte opgaver.",
         "Viser stor interesse for praktiske fag.", "Samarbeider godt med medelever."]


def _pseudonym(rng, defect):
    # Letters between the digits, so that no pseudonym can look like a national identity number by chance.
    if defect == "pseudonym":
        return str(rng.randrange(10**6, 10**7))  # too short, and only digits
    return "P" + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") + rng.choice("0123456789") for _ in range(5))


def _rich_record(i: int, rng: random.Random) -> str:
    (transition, sender, recipient, ages, role, law, date, start, categories, consented,
     noted) = RICH[i % len(RICH)]
    scheme = transition.split(":")[0]
    h, p, c = f"ex:h{i}", f"ex:p{i}", f"ex:c{i}"
    count = rng.randrange(4, len(categories) + 1)  # the first four categories are always there
    chosen = categories[:count]
    items = [f"ex:i{i}-{n}" for n in range(count)]
    needs_consent = [cat for cat in chosen if cat in consented]
    sending = _school(rng, sender)
    head = (f'{h} a ovg:Handover ; dct:identifier "OVG-{i:07d}" ; ovg:transition {transition} ; ovg:pupil {p} ; '
            f"ovg:sender {sending} ; ovg:recipient {_school(rng, recipient)} ; "
            f'dct:date "{date}"^^xsd:date ; ' + (f'ovg:expectedStart "{start}"^^xsd:date ; ' if start else "")
            + f"ovg:informationItem {', '.join(items)}" + (f" ; ovg:consent {c}" if needs_consent else "") + " .")
    lines = [head, f'{p} a ovg:Pupil ; ovg:pseudonym "{_pseudonym(rng, None)}" ; '
                   f'ovg:ageAtHandover "{rng.choice(ages)}"^^xsd:nonNegativeInteger .']
    for item, category in zip(items, chosen):
        line = (f"{item} a ovg:InformationItem ; ovg:informationCategory {scheme}:{category} ; dpv:hasLegalBasis {law} ; "
                f'dct:creator {sending} ; dct:created "{CONSENT_DATES[transition]}"^^xsd:date')
        if category == noted:
            line += f' ; ovg:note "{rng.choice(NOTES)}"@{"nb" if scheme == "no" else "da"}'
        lines.append(line + " .")
    if needs_consent:
        lines.append(f'{c} a dpv:Consent ; ovg:consentGivenBy {role} ; dct:date "{CONSENT_DATES[transition]}"^^xsd:date ; '
                     f"ovg:coversCategory {', '.join(f'{scheme}:{cat}' for cat in needs_consent)} .")
    return "\n".join(lines) + "\n"


def _record(i: int, rng: random.Random, defect: str | None) -> str:
    if defect is None:
        return _rich_record(i, rng)
    # Every defect sits in a lean Norwegian lower-to-upper-secondary record, built so that it gives exactly the
    # one finding DEFECTS names.
    h, p = f"ex:h{i}", f"ex:p{i}"
    pseudonym = _pseudonym(rng, defect)
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
