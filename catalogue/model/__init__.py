"""Typed, read-only views of the loaded catalogue (jurisdictions, concepts, transitions, ontology), built once."""
