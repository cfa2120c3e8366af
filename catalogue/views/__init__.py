"""Typed, read-only views of the catalogue, built once from the loaded RDF and shared by all commands."""
