"""The compiled validation engine: the handover shapes turned into SPARQL and Python checks over pyoxigraph.

pySHACL stays the reference engine. This one is used only when every shape compiles, and it is held equal
to pySHACL by the differential tests in tests/test_compiled_engine.py.
"""
