"""Checks on the catalogue itself. Each check is a function registered under a name (see ``registry``)."""
