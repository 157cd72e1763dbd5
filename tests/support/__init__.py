"""Shared test support: paths and the pinned day, factories for model records, data-file helpers, site builds,
the plan's published text, and a GitHub expression interpreter. Importable as `support` (pyproject: pythonpath)."""
