"""The static site: generated Markdown pages, downloads and a mkdocs-material build per interface language."""
