"""A seeded mutation generator over the valid examples, for comparing the compiled engine with pySHACL.

Mostly literal forms (every date and integer position, written in many lexical forms and datatypes), and some
structure: swapped IRIs, deleted and duplicated statements, identity numbers in every datatype. Each mutant is
an N-Triples file (statements as written, so that lexical forms survive). Used by tests/test_mutants.py and by
benchmarks/validate_bench.py --mutants.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
XSD = "http://www.w3.org/2001/XMLSchema#"
COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
FODSELSNUMMER, CPR = "03021001243", "0302100124"


def _integer_forms(n: int) -> list[tuple[str, str]]:
    digits = str(n)
    arabic = "".join(chr(0x0660 + int(d)) for d in digits)
    forms = [f"0{digits}", f"+{digits}", f" {digits}", f"{digits} ", f"{digits[:1]}_{digits[1:]}" if len(digits) > 1
             else f"0_{digits}", arabic, f"{digits}.0", f"-{digits}", "", f"0x{n:x}", f"{digits}e0", str(n - 1),
             str(n + 1), "fifteen"]
    types = ["integer", "nonNegativeInteger", "int", "decimal", "string", "double", "byte", "positiveInteger"]
    return [(form, "integer") for form in forms] + [(digits, t) for t in types]


def _date_forms(text: str) -> list[tuple[str, str]]:
    y, m, d = text[:4], text[5:7], text[8:10]
    forms = [f"{y}-{int(m)}-{int(d)}", f"{text}T00:00:00", f"{y}-W18", f"{text}+02:00", f"{text}-14:00", f"{text}Z",
             f"{y}-02-30", f"{y}{m}{d}", f" {text}", f"{y}-{m}", f"{int(y) - 1}-{m}-{d}", f"{int(y) + 1}-{m}-{d}",
             f"{y}-13-01", f"-{text}"]
    types = ["date", "dateTime", "string", "gYear", "dateTimeStamp"]
    return [(form, "date") for form in forms] + [(text if t != "gYear" else y, t) for t in types] + \
        [(f"{text}T12:00:00", "dateTime"), (f"{text}T12:00:00+01:00", "dateTime")]


def _identity_literals() -> list[ox.Literal]:
    out = []
    for number in (FODSELSNUMMER, CPR, f"{FODSELSNUMMER[:6]} {FODSELSNUMMER[6:]}", f"{CPR[:6]}-{CPR[6:]}"):
        out.append(ox.Literal(number))
        out.append(ox.Literal(number, language="nb"))
        for datatype in ("integer", "decimal", "long", "string", "nonNegativeInteger"):
            out.append(ox.Literal(number, datatype=ox.NamedNode(XSD + datatype)))
    return out


@dataclass(frozen=True)
class Mutant:
    name: str
    ntriples: bytes


def _serialise(triples: list) -> bytes:
    return "".join(f"{t} .\n" for t in triples).encode("utf-8")


def _typed_positions(triples: list) -> list[int]:
    """Dates and integers still in their plain form (a second mutation never starts from a mutated one)."""
    import re

    plain = {XSD + "date": re.compile(r"\d{4}-\d\d-\d\d$"), XSD + "integer": re.compile(r"\d+$"),
             XSD + "nonNegativeInteger": re.compile(r"\d+$")}
    return [i for i, t in enumerate(triples) if isinstance(t.object, ox.Literal) and t.object.language is None and
            t.object.datatype.value in plain and plain[t.object.datatype.value].match(t.object.value)]


def _literal_mutation(rng: random.Random, triples: list) -> tuple[str, list]:
    positions = _typed_positions(triples)
    index = rng.choice(positions)
    old = triples[index]
    lexical = old.object.value
    forms = _date_forms(lexical) if old.object.datatype.value == XSD + "date" else _integer_forms(int(lexical))
    form, datatype = rng.choice(forms)
    if datatype == "integer" and old.object.datatype.value != XSD + "integer" and rng.random() < 0.5:
        datatype = old.object.datatype.value[len(XSD):]  # the same form in the datatype the example uses
    new = ox.Triple(old.subject, old.predicate, ox.Literal(form, datatype=ox.NamedNode(XSD + datatype)))
    out = list(triples)
    out[index] = new
    return f"literal:{old.predicate.value.rsplit('#', 1)[-1]}={form!r}^^{datatype}", out


def _structural_mutation(rng: random.Random, triples: list) -> tuple[str, list]:
    out = list(triples)
    kind = rng.choice(["swap", "delete", "duplicate", "identity", "identity"])
    if kind == "swap":
        named = [i for i, t in enumerate(out) if isinstance(t.object, ox.NamedNode)]
        a, b = rng.sample(named, 2)
        ta, tb = out[a], out[b]
        out[a] = ox.Triple(ta.subject, ta.predicate, tb.object)
        out[b] = ox.Triple(tb.subject, tb.predicate, ta.object)
        return f"swap:{a}<->{b}", out
    if kind == "delete":
        index = rng.randrange(len(out))
        del out[index]
        return f"delete:{index}", out
    if kind == "duplicate":
        index, other = rng.randrange(len(out)), rng.randrange(len(out))
        out.append(ox.Triple(out[index].subject, out[index].predicate, out[other].object))
        return f"duplicate:{index}:{other}", out
    subjects = sorted({t.subject for t in out if isinstance(t.subject, ox.NamedNode)}, key=lambda s: s.value)
    literal = rng.choice(_identity_literals())
    out.append(ox.Triple(rng.choice(subjects), COMMENT, literal))
    return f"identity:{literal}", out


def mutants(count: int, seed: int = 18) -> list[Mutant]:
    """``count`` mutants: two thirds literal forms, the rest structure, one in five with a second mutation."""
    rng = random.Random(seed)
    bases = [(p.stem, list(ox.parse(p.read_bytes(), format=ox.RdfFormat.TURTLE)))
             for p in sorted((REPO / "examples" / "valid").glob("*.ttl"))]
    bases = [(stem, [q.triple if hasattr(q, "triple") else q for q in triples]) for stem, triples in bases]
    out = []
    for number in range(count):
        stem, triples = rng.choice(bases)
        names = []
        for _round in range(2 if rng.random() < 0.2 else 1):
            literal = rng.random() < 2 / 3 and _typed_positions(triples)
            mutate = _literal_mutation if literal else _structural_mutation
            name, triples = mutate(rng, triples)
            names.append(name)
        out.append(Mutant(f"{number:04d}-{stem}-{'+'.join(names)}", _serialise(triples)))
    return out
