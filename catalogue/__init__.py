"""Overgangskatalog: load, check, validate and render the transition catalogue."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("overgangskatalog")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+checkout"
