"""Import a commune's plan document (.docx or UTF-8 text) into a complete data/ for that commune.

Plain Python that knows nothing of MkDocs. One module per idea: reading the file (`source`, `docx_text`), joining
the lines a page or a window broke (`paragraphs`), the numbering of Vietnamese administrative documents
(`numbering`, `outline`), the document's own fields (`document`), the bodies it names (`bodies`), Vietnamese
numbers (`numbers`), the commitments it makes (`commitments`), and writing the YAML files (`writer`). `run` ties
them together for `make import` (scripts/import_plan.py).
"""
