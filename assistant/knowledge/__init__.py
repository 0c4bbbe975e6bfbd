"""Clinician-approved articles, their validation, and retrieval over them.

Plain Python (no Django): `articles` parses and validates the Markdown files in
`articles/`, `index` searches their sections, `evaluate` and `bench` measure both.
See docs/KNOWLEDGE.md.
"""
