"""Changing and publishing the catalogue: propose, diff, canonical format, SSSOM export and publish."""
