"""Words for people: interface strings, templates, terminal safety and the one output file."""
