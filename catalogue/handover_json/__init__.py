"""The plain-JSON form of a handover: a JSON-LD context and a JSON Schema generated from the ontology, the
handover shapes and the catalogue, a reader that turns the JSON form into RDF with JSON locations, and
conversion both ways.

The reader (``reader.py``) needs only the bundled context, so that ``validate`` on a JSON file never loads
more than it does for Turtle; everything else needs the loaded catalogue.
"""
