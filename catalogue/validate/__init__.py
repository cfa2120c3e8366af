"""Validating handover datasets: the reference engine (pySHACL), the compiled engine and the reports."""
