"""The built-in national rule pack of gklint, one sub-pack per rule family.

Each sub-pack is a pluggy plugin registered through the ``gklint`` entry-point group,
exactly as a third-party pack would be.
"""
