"""The concept schemes themselves: size, sources, alignment, history, transitions and the seed documents."""

import re

import pytest
from jurisdiction_ns import DK, NO

from catalogue.checks.registry import run_checks
from catalogue.model.catalogue import build_views
from catalogue.search.lookup import build_index, search

SEED_TERMS_NO = [  # samt-bu-case-2-overgang-grunnskole-vgo.nb.md: actors, stages and concerns it names
    "ungdom", "foresatte", "lærer", "rådgiver", "skoleledelse", "PPT", "oppfølgingstjenesten", "OT",
    "fagsystemleverandør", "Utdanningsdirektoratet", "Digitaliseringsdirektoratet", "Bufdir", "Helsedirektoratet",
    "Kunnskapsdepartementet", "Digitaliserings- og forvaltningsdepartementet", "Barne- og familiedepartementet",
    "kommune", "fylkeskommune", "KS", "KS Digital", "Sikt", "SSB", "ungdomsskole", "videregående opplæring",
    "grunnskole", "videregående skole", "ansvarsskifte", "informasjonsdeling", "taushetsplikt", "samtykke",
    "skoleeier", "overgang fra grunnskole til videregående opplæring", "SAMT-BU",
]
SEED_TERMS_DK = [  # kl-4.1-bedre-sammenhaeng-for-boern-og-unge.da.txt
    "sundhedsplejen", "børnetandlægen", "dagtilbud", "skole", "fritidstilbud", "ungdomsskole", "ungdomsuddannelse",
    "samarbejdsplatformen", "kommune", "grundskole", "KL", "overgang fra dagtilbud til skole",
    "overgang fra grundskole til ungdomsuddannelse", "datadeling", "ansvarsskifte", "fritid", "kultur",
]


@pytest.fixture(scope="module")
def views(catalogue):
    return build_views(catalogue.location)


@pytest.fixture(scope="module")
def index(views):
    return build_index(views)


def test_the_real_catalogue_passes_every_check(views):
    findings = run_checks(views)
    assert [(f.file, f.line, f.check, f.focus, f.text("en")) for f in findings] == []


@pytest.mark.parametrize("jurisdiction", ["no", "dk"])
def test_at_least_80_concepts_per_jurisdiction(views, jurisdiction):
    assert sum(1 for c in views.concepts.values() if c.jurisdiction == jurisdiction) >= 80


def test_every_concept_has_a_source(views):
    assert [iri for iri, c in views.concepts.items() if not c.all_sources] == []


def test_at_least_60_alignments_and_targets_exist(views):
    assert len(views.mappings) >= 60
    assert all(m.source in views.concepts and m.target in views.concepts for m in views.mappings)


def test_required_false_friends_are_flagged_and_unmapped(views):
    pairs = {frozenset(ff.concepts) for ff in views.false_friends}
    required = [(NO.ungdomsskole, DK.ungdomsskole), (NO["videregaende-opplaering"], DK["videregaaende-uddannelse"]),
                (NO["trinn-10"], DK["tiende-klasse"]), (NO.fylkeskommune, DK.region)]
    for a, b in required:
        assert frozenset((str(a), str(b))) in pairs, (a, b)
    mapped = {frozenset((m.source, m.target)) for m in views.mappings}
    assert pairs & mapped == set()


def _grade_number(concept):
    for label in concept.pref_labels.values():
        match = re.match(r"^(\d+)\.\s*(trinn|klasse)", label)
        if match:
            return int(match.group(1))
    return None


def test_grade_levels_are_never_mapped_by_number(views):
    same_number = []
    for m in views.mappings:
        a, b = _grade_number(views.concepts[m.source]), _grade_number(views.concepts[m.target])
        if a is not None and a == b:
            same_number.append((m.source, m.target))
    assert same_number == []


@pytest.mark.parametrize("old, new", [
    (NO.spesialundervisning, NO["individuelt-tilrettelagt-opplaering"]),
    (DK.uu, DK.kui),
    (NO["opplaeringslova-1998"], NO.opplaeringslova),
])
def test_historical_concepts_stay_deprecated_with_replacement(views, old, new):
    concept = views.concepts[str(old)]
    assert concept.deprecated
    assert str(new) in concept.replaced_by
    assert str(old) in views.concepts[str(new)].replaces
    assert concept.history_notes.get("en")


def test_abolished_upv_is_deprecated_with_history(views):
    upv = views.concepts[str(DK.uddannelsesparathedsvurdering)]
    assert upv.deprecated and upv.history_notes.get("da") and upv.history_notes.get("en")


@pytest.mark.parametrize("transition", [
    NO["overgang-barnehage-skole"], NO["overgang-grunnskole-videregaende"],
    DK["overgang-dagtilbud-skole"], DK["overgang-grundskole-ungdomsuddannelse"],
])
def test_transitions_are_complete_data(views, transition):
    t = views.transitions[str(transition)]
    assert t.from_stages and t.to_stages
    assert t.shifts and all(s.before and s.after for s in t.shifts)
    assert any(s.legal_bases for s in t.shifts)
    assert t.information_rules
    for rule in t.information_rules:
        assert rule.category in views.concepts, rule.category
        assert rule.requires_consent is not None
        assert rule.requires_consent or rule.legal_bases, rule.category
        assert rule.sources
    assert t.consent_rules and all(c.role in views.concepts and c.sources for c in t.consent_rules)
    for stage in t.from_stages + t.to_stages:
        assert stage in views.concepts


def test_norwegian_age_of_consent_is_data_with_a_source(views):
    t = views.transitions[str(NO["overgang-grunnskole-videregaende"])]
    pupil = [c for c in t.consent_rules if c.role == str(NO.elev)]
    assert pupil and pupil[0].from_age == 15 and pupil[0].sources
    assert any(c.applies_at(14) for c in t.consent_rules if c.role == str(NO.foresatte))


def test_norwegian_early_notice_deadline_is_1_october_the_year_before(views):
    t = views.transitions[str(NO["overgang-grunnskole-videregaende"])]
    deadlines = [d for r in t.information_rules for d in r.deadlines]
    assert any(d.month_day == "--10-01" and d.year_offset == -1 for d in deadlines)


def test_stages_link_to_isced(views):
    for jurisdiction in ("no", "dk"):
        assert any(c.isced_levels for c in views.concepts.values() if c.jurisdiction == jurisdiction)


def test_every_transition_has_responsibilities_on_both_sides(views):
    for jurisdiction in ("no", "dk"):
        assert sum(1 for r in views.responsibilities.values() if r.jurisdiction == jurisdiction) >= 8
    for r in views.responsibilities.values():
        assert r.party and all(p in views.concepts for p in r.party), r.iri
        assert all(x in views.concepts for x in r.responsible_for + r.stages), r.iri


@pytest.mark.parametrize("term", SEED_TERMS_NO)
def test_norwegian_seed_terms_are_findable(index, term):
    assert any(r["jurisdiction"] == "no" for r in search(index, term)), term


@pytest.mark.parametrize("term", SEED_TERMS_DK)
def test_danish_seed_terms_are_findable(index, term):
    assert any(r["jurisdiction"] == "dk" for r in search(index, term)), term
