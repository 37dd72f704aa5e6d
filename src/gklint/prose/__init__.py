"""The prose of a report as data: what its sentences state (see `gklint.prose.nodes`)."""
