"""Checking a shapes graph against SHACL's own shapes (shacl-shacl), as pySHACL ships them."""

from __future__ import annotations

from importlib import resources

from rdflib import Graph

from catalogue.validate.shacl import run_shacl


def shacl_shacl() -> Graph:
    text = (resources.files("pyshacl") / "assets" / "shacl-shacl.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def shapes_problems(shapes: Graph) -> list[str]:
    """Meta-SHACL results for ``shapes``: an empty list means the shapes are well-formed SHACL."""
    return [f"{r.focus}: {r.messages.get('en') or r.component}" for r in run_shacl(shapes, shacl_shacl())]



