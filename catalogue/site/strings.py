"""Interface strings of the static site, in the interface languages (en, nb, da; nn falls back to nb)."""

from __future__ import annotations

SITE_LANGUAGES = ("en", "nb", "da")
LANGUAGE_NAMES = {"en": "English", "nb": "Norsk bokmål", "nn": "Norsk nynorsk", "da": "Dansk"}

STRINGS = {
    "site_name": {"en": "Transition catalogue", "nb": "Overgangskatalogen", "da": "Overgangskataloget"},
    "tagline": {"en": "Concepts, roles and rules for a child's moves between stages of education, across borders",
                "nb": "Begreper, roller og regler for barns overganger i utdanningsløpet, på tvers av grenser",
                "da": "Begreber, roller og regler for børns overgange i uddannelsesforløbet, på tværs af grænser"},
    "search": {"en": "Search for a term in any language", "nb": "Søk etter et begrep på hvilket som helst språk",
               "da": "Søg efter et begreb på et hvilket som helst sprog"},
    "search_hint": {"en": "For example PPR, oppføl, ungdomsudd", "nb": "For eksempel PPR, oppføl, ungdomsudd",
                    "da": "For eksempel PPR, oppføl, ungdomsudd"},
    "no_results": {"en": "No concept matches.", "nb": "Ingen begreper passer.", "da": "Ingen begreber passer."},
    "for_case_workers": {"en": "Teachers, advisers and PPT/PPR staff", "nb": "Lærere, rådgivere og PPT-ansatte",
                         "da": "Lærere, vejledere og PPR-medarbejdere"},
    "for_case_workers_text": {"en": "Look up a term: what it means, who is responsible, and what it is called across the border.",
                              "nb": "Slå opp et begrep: hva det betyr, hvem som har ansvaret, og hva det heter på den andre siden av grensen.",
                              "da": "Slå et begreb op: hvad det betyder, hvem der har ansvaret, og hvad det hedder på den anden side af grænsen."},
    "for_architects": {"en": "Architects and vendors", "nb": "Arkitekter og leverandører", "da": "Arkitekter og leverandører"},
    "for_architects_text": {"en": "What a valid handover dataset looks like, and the ontology behind it.",
                            "nb": "Hvordan et gyldig overføringsdatasett ser ut, og ontologien bak det.",
                            "da": "Hvordan et gyldigt overleveringsdatasæt ser ud, og ontologien bag det."},
    "for_standards": {"en": "Standards bodies", "nb": "Standardiseringsorganer", "da": "Standardiseringsorganer"},
    "for_standards_text": {"en": "How to propose and review concepts, and what changed.",
                           "nb": "Hvordan man foreslår og vurderer begreper, og hva som er endret.",
                           "da": "Hvordan man foreslår og vurderer begreber, og hvad der er ændret."},
    "crosswalk": {"en": "Crosswalk: counterparts across borders", "nb": "Motstykker på tvers av grensene",
                  "da": "Modstykker på tværs af grænserne"},
    "actors": {"en": "Actors and responsibilities", "nb": "Aktører og ansvar", "da": "Aktører og ansvar"},
    "transitions": {"en": "Transitions", "nb": "Overganger", "da": "Overgange"},
    "handover_reference": {"en": "Handover dataset reference", "nb": "Referanse for overføringsdatasett",
                           "da": "Reference for overleveringsdatasæt"},
    "handover_json": {"en": "Handover in plain JSON", "nb": "Overføring i ren JSON", "da": "Overlevering i ren JSON"},
    "handover_json_intro": {
        "en": "A handover can be written as plain JSON with the keys below. The JSON-LD context turns it into the "
              "RDF the shapes check; the JSON Schema checks the same structure in any JSON tool. Both are generated "
              "from the ontology, the shapes and the catalogue.",
        "nb": "En overføring kan skrives som ren JSON med nøklene nedenfor. JSON-LD-konteksten gjør den til RDF-en som "
              "reglene sjekker; JSON Schema sjekker den samme strukturen i ethvert JSON-verktøy. Begge er generert fra "
              "ontologien, reglene og katalogen.",
        "da": "En overlevering kan skrives som ren JSON med nøglerne nedenfor. JSON-LD-konteksten gør den til den RDF, "
              "reglerne kontrollerer; JSON Schema kontrollerer den samme struktur i ethvert JSON-værktøj. Begge er "
              "genereret fra ontologien, reglerne og kataloget."},
    "handover_json_context": {"en": "JSON-LD context", "nb": "JSON-LD-kontekst", "da": "JSON-LD-kontekst"},
    "handover_json_schema": {"en": "JSON Schema (2020-12)", "nb": "JSON Schema (2020-12)", "da": "JSON Schema (2020-12)"},
    "handover_json_validate": {
        "en": "overgang validate reads the JSON form with the bundled context (it never fetches one) and points "
              "each finding at its JSON path, line and column.",
        "nb": "overgang validate leser JSON-formen med den medfølgende konteksten (den hentes aldri) og viser hvert "
              "funn med JSON-sti, linje og kolonne.",
        "da": "overgang validate læser JSON-formen med den medfølgende kontekst (den hentes aldrig) og viser hvert "
              "fund med JSON-sti, linje og kolonne."},
    "handover_json_key": {"en": "Key", "nb": "Nøkkel", "da": "Nøgle"},
    "handover_json_closed": {"en": "no other keys", "nb": "ingen andre nøkler", "da": "ingen andre nøgler"},
    "handover_json_shacl_only": {"en": "Rules checked by overgang validate only",
                                 "nb": "Regler som bare overgang validate sjekker",
                                 "da": "Regler, som kun overgang validate kontrollerer"},
    "handover_json_shacl_only_text": {
        "en": "These rules need the catalogue's knowledge (transition coherence, consent by age, deadlines, national "
              "identity numbers), so the JSON Schema cannot check them.",
        "nb": "Disse reglene trenger katalogens kunnskap (sammenheng med overgangen, samtykke etter alder, frister, "
              "fødselsnummer), så JSON Schema kan ikke sjekke dem.",
        "da": "Disse regler kræver katalogets viden (sammenhæng med overgangen, samtykke efter alder, frister, "
              "CPR-numre), så JSON Schema kan ikke kontrollere dem."},
    "handover_json_examples": {"en": "A complete example for each transition", "nb": "Et komplett eksempel per overgang",
                               "da": "Et komplet eksempel for hver overgang"},
    "ontology_reference": {"en": "Ontology reference", "nb": "Ontologireferanse", "da": "Ontologireference"},
    "downloads": {"en": "Downloads", "nb": "Nedlastinger", "da": "Downloads"},
    "about": {"en": "About", "nb": "Om katalogen", "da": "Om kataloget"},
    "changelog": {"en": "Changelog", "nb": "Endringslogg", "da": "Ændringslog"},
    "contributing": {"en": "Contributing", "nb": "Bidra", "da": "Bidrag"},
    "labels": {"en": "Labels", "nb": "Termer", "da": "Termer"},
    "preferred": {"en": "preferred", "nb": "anbefalt", "da": "foretrukken"},
    "alternative": {"en": "also", "nb": "også", "da": "også"},
    "discouraged": {"en": "discouraged", "nb": "frarådd", "da": "frarådet"},
    "definition": {"en": "Definition", "nb": "Definisjon", "da": "Definition"},
    "source": {"en": "Source", "nb": "Kilde", "da": "Kilde"},
    "legal_source": {"en": "Legal source", "nb": "Rettskilde", "da": "Juridisk kilde"},
    "status": {"en": "Status", "nb": "Status", "da": "Status"},
    "deprecated_use": {"en": "This concept is no longer in use. Use instead:", "nb": "Begrepet er ikke lenger i bruk. Bruk i stedet:",
                       "da": "Begrebet er ikke længere i brug. Brug i stedet:"},
    "history": {"en": "History", "nb": "Historikk", "da": "Historik"},
    "broader": {"en": "Broader", "nb": "Overordnet", "da": "Overordnet"},
    "narrower": {"en": "Narrower", "nb": "Underordnet", "da": "Underordnet"},
    "related": {"en": "Related", "nb": "Relatert", "da": "Relateret"},
    "counterparts": {"en": "Across the border", "nb": "På andre siden av grensen", "da": "På den anden side af grænsen"},
    "no_counterpart": {"en": "No counterpart recorded.", "nb": "Ikke noe motstykke registrert.", "da": "Intet modstykke registreret."},
    "false_friend": {"en": "False friend", "nb": "Falsk venn", "da": "Falsk ven"},
    "false_friend_text": {"en": "Looks like, but is not the same as:", "nb": "Ligner på, men er ikke det samme som:",
                          "da": "Ligner, men er ikke det samme som:"},
    "right_counterpart": {"en": "The right counterpart:", "nb": "Riktig motstykke:", "da": "Det rigtige modstykke:"},
    "responsibilities": {"en": "Responsibilities", "nb": "Ansvar", "da": "Ansvar"},
    "responsible": {"en": "Responsible", "nb": "Ansvarlig", "da": "Ansvarlig"},
    "responsible_for": {"en": "Responsible for", "nb": "Ansvarlig for", "da": "Ansvarlig for"},
    "at_stage": {"en": "Stage", "nb": "Trinn", "da": "Trin"},
    "legal_basis": {"en": "Legal basis", "nb": "Rettslig grunnlag", "da": "Retsgrundlag"},
    "provision": {"en": "Provision", "nb": "Bestemmelse", "da": "Bestemmelse"},
    "in_transitions": {"en": "In transitions", "nb": "I overganger", "da": "I overgange"},
    "identifier": {"en": "Persistent identifier", "nb": "Varig identifikator", "da": "Varig identifikator"},
    "download_as": {"en": "Download as", "nb": "Last ned som", "da": "Download som"},
    "editorial": {"en": "Not verified", "nb": "Ikke verifisert", "da": "Ikke verificeret"},
    "from_stage": {"en": "From", "nb": "Fra", "da": "Fra"},
    "to_stage": {"en": "To", "nb": "Til", "da": "Til"},
    "shift": {"en": "Responsibility shift", "nb": "Ansvarsskifte", "da": "Ansvarsskifte"},
    "before": {"en": "Before", "nb": "Før", "da": "Før"},
    "after": {"en": "After", "nb": "Etter", "da": "Efter"},
    "information_may_follow": {"en": "Information that may follow the pupil", "nb": "Opplysninger som kan følge eleven",
                               "da": "Oplysninger, der må følge eleven"},
    "category": {"en": "Category", "nb": "Kategori", "da": "Kategori"},
    "condition": {"en": "Condition", "nb": "Vilkår", "da": "Vilkår"},
    "consent": {"en": "consent", "nb": "samtykke", "da": "samtykke"},
    "deadline": {"en": "Deadline", "nb": "Frist", "da": "Frist"},
    "who_consents": {"en": "Who may consent", "nb": "Hvem kan samtykke", "da": "Hvem kan give samtykke"},
    "from_age": {"en": "from age", "nb": "fra alder", "da": "fra alder"},
    "below_age": {"en": "below age", "nb": "under alder", "da": "under alder"},
    "year_before": {"en": "the year before the start", "nb": "året før oppstart", "da": "året før start"},
    "same_year": {"en": "the year of the start", "nb": "samme år som oppstart", "da": "samme år som start"},
    "a_z": {"en": "A–Z", "nb": "A–Å", "da": "A–Å"},
    "hierarchy": {"en": "Hierarchy", "nb": "Hierarki", "da": "Hierarki"},
    "filter": {"en": "Filter the table", "nb": "Filtrer tabellen", "da": "Filtrér tabellen"},
    "relation": {"en": "Match", "nb": "Samsvar", "da": "Match"},
    "justification": {"en": "Why", "nb": "Begrunnelse", "da": "Begrundelse"},
    "property": {"en": "Property", "nb": "Egenskap", "da": "Egenskab"},
    "cardinality": {"en": "How many", "nb": "Antall", "da": "Antal"},
    "allowed": {"en": "Allowed values", "nb": "Tillatte verdier", "da": "Tilladte værdier"},
    "severity": {"en": "Severity", "nb": "Alvorlighet", "da": "Alvorlighed"},
    "message": {"en": "Message", "nb": "Melding", "da": "Meddelelse"},
    "rule": {"en": "Rule", "nb": "Regel", "da": "Regel"},
    "examples": {"en": "Example datasets", "nb": "Eksempeldatasett", "da": "Eksempeldatasæt"},
    "classes": {"en": "Classes", "nb": "Klasser", "da": "Klasser"},
    "properties": {"en": "Properties", "nb": "Egenskaper", "da": "Egenskaber"},
    "domain": {"en": "Domain", "nb": "Domene", "da": "Domæne"},
    "range": {"en": "Range", "nb": "Verdiområde", "da": "Værdiområde"},
    "language": {"en": "Language", "nb": "Språk", "da": "Sprog"},
    "violation": {"en": "violation", "nb": "brudd", "da": "brud"},
    "warning": {"en": "warning", "nb": "advarsel", "da": "advarsel"},
    "info": {"en": "info", "nb": "info", "da": "info"},
    "whole_catalogue": {"en": "The whole catalogue", "nb": "Hele katalogen", "da": "Hele kataloget"},
    "alignments_sssom": {"en": "Alignments between jurisdictions (SSSOM)", "nb": "Koblinger mellom jurisdiksjoner (SSSOM)",
                         "da": "Koblinger mellem jurisdiktioner (SSSOM)"},
    "harvest": {"en": "Collection for data.norge.no", "nb": "Begrepssamling for data.norge.no",
                "da": "Begrebssamling for data.norge.no"},
    "harvest_links": {"en": "its links to other schemes, which the collection file leaves out",
                      "nb": "lenkene til andre begrepssystemer, som samlingsfilen utelater",
                      "da": "links til andre begrebssystemer, som samlingsfilen udelader"},
    # search
    "typo_note": {"en": "Nothing matches exactly; near matches, allowing for typos:",
                  "nb": "Ingenting passer nøyaktig; nære treff, med rom for skrivefeil:",
                  "da": "Intet passer præcist; nære hits, med plads til stavefejl:"},
    # concept page
    "no_definition": {"en": "No definition yet.", "nb": "Ingen definisjon ennå.", "da": "Ingen definition endnu."},
    "see_transition_page": {"en": "This is a transition: see what moves and what may be shared →",
                            "nb": "Dette er en overgang: se hva som går over, og hva som kan deles →",
                            "da": "Dette er en overgang: se hvad der flytter, og hvad der må deles →"},
    "who_is_responsible": {"en": "Who is responsible", "nb": "Hvem har ansvaret", "da": "Hvem har ansvaret"},
    "this_is_responsible_for": {"en": "This one is responsible for:", "nb": "Denne har ansvaret for:",
                                "da": "Denne har ansvaret for:"},
    "details": {"en": "Details", "nb": "Detaljer", "da": "Detaljer"},
    "definition_other_languages": {"en": "Definition in other languages", "nb": "Definisjon på andre språk",
                                   "da": "Definition på andre sprog"},
    "why_counterpart": {"en": "Why these counterparts", "nb": "Hvorfor disse motstykkene", "da": "Hvorfor disse modstykker"},
    "notes": {"en": "Notes", "nb": "Merknader", "da": "Bemærkninger"},
    "external_matches": {"en": "In other vocabularies", "nb": "I andre vokabularer", "da": "I andre vokabularer"},
    "see_also": {"en": "See also", "nb": "Se også", "da": "Se også"},
    "about_concept": {"en": "The concept: definition and counterparts", "nb": "Begrepet: definisjon og motstykker",
                      "da": "Begrebet: definition og modstykker"},
    "counterpart_in": {"en": "Counterpart in", "nb": "Motstykke i", "da": "Modstykke i"},
    "no_consent_rules": {"en": "The catalogue has no consent rule for this transition.",
                         "nb": "Katalogen har ingen samtykkeregel for denne overgangen.",
                         "da": "Kataloget har ingen samtykkeregel for denne overgang."},
    # crosswalk
    "crosswalk_lede": {"en": "Each concept with its counterpart across the border, how close the match is, and why. "
                             "False friends first: they look alike but are not the same.",
                       "nb": "Hvert begrep med motstykket på den andre siden av grensen, hvor godt de samsvarer, og hvorfor. "
                             "Falske venner først: de ligner, men er ikke det samme.",
                       "da": "Hvert begreb med modstykket på den anden side af grænsen, hvor godt de passer, og hvorfor. "
                             "Falske venner først: de ligner hinanden, men er ikke det samme."},
    "on_this_page": {"en": "On this page", "nb": "På denne siden", "da": "På denne side"},
    "false_friends": {"en": "False friends", "nb": "Falske venner", "da": "Falske venner"},
    "false_friends_lede": {"en": "The same word, a different thing. Do not treat these as counterparts.",
                           "nb": "Samme ord, forskjellig innhold. Ikke behandle disse som motstykker.",
                           "da": "Samme ord, forskelligt indhold. Behandl dem ikke som modstykker."},
    "is_not": {"en": "is not the same as", "nb": "er ikke det samme som", "da": "er ikke det samme som"},
    "counterpart_table": {"en": "All counterparts", "nb": "Alle motstykker", "da": "Alle modstykker"},
    "filter_hint": {"en": "A word in any column", "nb": "Et ord i hvilken som helst kolonne",
                    "da": "Et ord i en hvilken som helst kolonne"},
    "countries": {"en": "Countries", "nb": "Land", "da": "Lande"},
    "all": {"en": "All", "nb": "Alle", "da": "Alle"},
    "rows_shown": {"en": "{shown} of {total} shown", "nb": "{shown} av {total} vises", "da": "{shown} af {total} vises"},
    "concept": {"en": "Concept", "nb": "Begrep", "da": "Begreb"},
    "counterpart": {"en": "Counterpart", "nb": "Motstykke", "da": "Modstykke"},
    # actors
    "actors_lede": {"en": "Who answers for what, at which stage, and on which law; the countries side by side.",
                    "nb": "Hvem som har ansvaret for hva, på hvilket trinn og etter hvilken lov; landene side om side.",
                    "da": "Hvem der har ansvaret for hvad, på hvilket trin og efter hvilken lov; landene side om side."},
    # sharing guide
    "sharing_nav": {"en": "What may be shared: a guide", "nb": "Hva kan deles: en veiviser",
                    "da": "Hvad må deles: en vejviser"},
    "sharing_title": {"en": "What may be shared: {country}", "nb": "Hva kan deles: {country}",
                      "da": "Hvad må deles: {country}"},
    "sharing_lede": {"en": "Pick a transition, the information and the pupil's age. The answer says whether the "
                           "information may follow without consent, who must consent, on which law, and by when; "
                           "every answer links to its source.",
                     "nb": "Velg overgang, opplysninger og elevens alder. Svaret sier om opplysningene kan følge eleven "
                           "uten samtykke, hvem som må samtykke, etter hvilken lov og innen når; hvert svar lenker til "
                           "kilden.",
                     "da": "Vælg overgang, oplysninger og elevens alder. Svaret siger, om oplysningerne må følge eleven "
                           "uden samtykke, hvem der skal give samtykke, efter hvilken lov og hvornår; hvert svar linker "
                           "til kilden."},
    "transition": {"en": "Transition", "nb": "Overgang", "da": "Overgang"},
    "information_category": {"en": "Information", "nb": "Opplysninger", "da": "Oplysninger"},
    "pupil_age": {"en": "Pupil's age (years)", "nb": "Elevens alder (år)", "da": "Elevens alder (år)"},
    "age_optional": {"en": "optional", "nb": "valgfritt", "da": "valgfrit"},
    "age_not_given": {"en": "age not given", "nb": "alder ikke oppgitt", "da": "alder ikke angivet"},
    "sharing_note": {"en": "Generated from the catalogue's rules; not legal advice. Where the catalogue has no rule, "
                           "the guide says so.",
                     "nb": "Laget fra katalogens regler; ikke juridisk rådgivning. Der katalogen ikke har en regel, "
                           "sier veiviseren det.",
                     "da": "Lavet ud fra katalogets regler; ikke juridisk rådgivning. Hvor kataloget ikke har en regel, "
                           "siger vejviseren det."},
}

RELATION_PLAIN = {
    "exactMatch": {"en": "the same", "nb": "det samme", "da": "det samme"},
    "closeMatch": {"en": "close match, with differences", "nb": "nært samsvar, med forskjeller",
                   "da": "nært match, med forskelle"},
    "broadMatch": {"en": "the counterpart is broader", "nb": "motstykket er videre", "da": "modstykket er bredere"},
    "narrowMatch": {"en": "the counterpart is narrower", "nb": "motstykket er snevrere", "da": "modstykket er snævrere"},
    "relatedMatch": {"en": "related, not the same", "nb": "beslektet, ikke det samme", "da": "beslægtet, ikke det samme"},
}


def t(key: str, lang: str) -> str:
    """The interface string; the sharing answer's words come from catalogue.search.messages, which
    `overgang rules` prints too, so the site and the terminal say the same thing."""
    from catalogue.search.messages import MESSAGES

    entry = STRINGS.get(key) or RELATION_PLAIN.get(key) or MESSAGES[key]
    return entry.get(lang) or entry.get("nb" if lang == "nn" else "en") or entry["en"]
