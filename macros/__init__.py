"""The data layer of the site, in stages: data (load, validate) → domain (model, status) → site (pages) → opendata →
publish (every page as files any engine renders). Only macros/adapter/ knows MkDocs (mkdocs.yml `hooks:`)."""
