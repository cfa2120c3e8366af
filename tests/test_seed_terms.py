"""Every actor, concern and tool the two seed texts name is in the catalogue: `overgang lookup` finds it.

The terms are written as the seeds write them (plural, definite or verb forms included), so the test proves
that a reader who copies a word from the seed finds the concept the content audit
(`shared/research/content-audit.md`, section 4) pairs it with. Verb forms are the one exception: "informasjon må
gjeninnhentes" is looked up as the noun "gjeninnhenting", as the audit names it.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

REPO = Path(__file__).resolve().parent.parent
NO = "https://w3id.org/overgang/no/"
DK = "https://w3id.org/overgang/dk/"

# samt-bu-case-2-overgang-grunnskole-vgo.nb.md
SAMT_BU = {
    "Ungdom": "ungdom", "Foresatte": "foresatte", "Lærere": "laerer", "rådgivere": "radgiver",
    "skoleledelse": "skoleledelse", "PPT": "pp-tjenesten", "oppfølgingstjenesten": "oppfolgingstjenesten",
    "Fagsystemleverandører": "fagsystemleverandor", "Utdanningsdirektoratet": "utdanningsdirektoratet",
    "Digitaliseringsdirektoratet": "digitaliseringsdirektoratet", "Bufdir": "bufdir",
    "Helsedirektoratet": "helsedirektoratet", "Kunnskapsdepartementet": "kunnskapsdepartementet",
    "Digitaliserings- og forvaltningsdepartementet": "digitaliserings-og-forvaltningsdepartementet",
    "Barne- og familiedepartementet": "barne-og-familiedepartementet", "Kommuner": "kommune",
    "Fylkeskommuner": "fylkeskommune", "KS": "ks", "KS Digital": "ks-digital", "Sikt": "sikt", "SSB": "ssb",
    "SAMT-BU": "samt-bu", "barnevern": "barnevernstjenesten", "familie": "familievern",
    "ungdomsskole": "ungdomsskole", "videregående opplæring": "videregaende-opplaering", "grunnskole": "grunnskole",
    "ansvarsskifte": "ansvarsskifte", "informasjonsflyt": "informasjonsoverforing",
    "behov for tilrettelegging": "behov-for-tilrettelegging", "tidligere tiltak": "gjennomforte-tiltak",
    "informasjonsbærer": "informasjonsbaerer", "elevens skoleløp": "skolelop", "gjeninnhenting": "gjeninnhenting",
    "frafall": "frafall", "manuell koordinering": "samordning", "samhandling": "samordning",
    "skoleadministrative systemer": "skoleadministrativt-system", "fagsystemer": "fagsystem",
    "støttesystemer": "stottesystem", "utdanningsdata": "utdanningsdata", "læreplaner": "laereplan",
    "rapportering": "rapportering", "vurdering": "individuell-vurdering",
    "felles informasjonsmodeller": "felles-informasjonsmodell", "datadeling": "informasjonsoverforing",
    "sammenhengende tjenester": "sammenhengende-tjenester", "arbeidsprosesser": "arbeidsprosess",
    "felles kommunale digitale løsninger": "felles-kommunal-digital-losning", "arkitektur": "arkitektur",
    "forvaltningsnivåer": "forvaltningsniva",
}

# kl-4.1-bedre-sammenhaeng-for-boern-og-unge.da.txt
KL_4_1 = {
    "børn": "barn", "sundhedsplejen": "sundhedsplejen", "børnetandlægen": "boernetandplejen", "dagtilbud": "dagtilbud",
    "skole": "folkeskole", "fritid": "fritidstilbud", "ungdomsskole": "ungdomsskole",
    "ungdomsuddannelse": "ungdomsuddannelse", "det sociale område": "boerne-og-familieafdeling",
    "kommunerne": "kommune", "KL": "kl", "It i folkeskolen": "it-i-folkeskolen",
    "den fællesoffentlige strategi 2016-2020": "faellesoffentlig-digitaliseringsstrategi-2016-2020",
    "sammenhængende velfærdsforløb": "sammenhaengende-forloeb", "grundskole": "grundskole",
    "samarbejdsplatformen": "aula", "fælles udbud": "kombit", "datastandardisering": "datastandardisering",
    "deling af data": "overlevering", "it-understøttelse": "it-understoettelse",
    "digital understøttelse": "it-understoettelse", "arbejdsgange": "arbejdsgang", "koordinering": "koordinering",
    "sammenhængende forløb": "sammenhaengende-forloeb", "0-18 års området": "boerne-og-ungeomraadet",
    "børne- og ungeområdet": "boerne-og-ungeomraadet", "tværsektorielt perspektiv": "tvaersektorielt-samarbejde",
}

CASES = [(term, NO + slug) for term, slug in SAMT_BU.items()] + [(term, DK + slug) for term, slug in KL_4_1.items()]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    # one index for the module, kept out of the user's cache folder
    folder = tmp_path_factory.mktemp("lookup-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OVERGANG_CACHE_DIR", str(folder))
        yield folder


@pytest.mark.parametrize("term, expected", CASES, ids=[term for term, _ in CASES])
def test_lookup_finds_the_concept_the_seed_term_names(cache, term, expected):
    result = CliRunner().invoke(main, ["--catalogue", str(REPO), "lookup", "--format", "json", term])
    assert result.exit_code == 0, (term, result.output)
    found = [r["iri"] for r in json.loads(result.output)["results"]]
    assert expected in found, (term, found[:5])


def test_every_seed_file_is_covered():
    """The lists name both seeds' terms, not a handful: at least the 15 + 10 items the audit found missing."""
    assert len(SAMT_BU) >= 40 and len(KL_4_1) >= 25
