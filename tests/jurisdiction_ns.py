"""The two real jurisdictions' namespaces, for tests that build data in them (the package itself names none)."""

from rdflib import Namespace

NO = Namespace("https://w3id.org/overgang/no/")
DK = Namespace("https://w3id.org/overgang/dk/")
