"""Reading what comes from outside: which catalogue, files, RDF parsing with limits, and the network guard.

Everything untrusted enters here; the rest of the package only sees parsed graphs."""
