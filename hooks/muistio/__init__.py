"""Muistio: a knowledge base of meeting memos and company profiles, kept in git.

The core pipeline (see `pipeline`) knows nothing about MkDocs: the hook in `hooks/` and the `kb`
command are thin adapters over it, so the core can move to another site generator.
"""
