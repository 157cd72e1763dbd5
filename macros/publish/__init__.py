"""What the site publishes, as files any MkDocs-like engine renders: every page as Markdown with front matter (the
hand-written pages of docs/ with their macros already rendered, and every generated page), the open data, feeds and
preview images, and the engine's configuration (the navigation from the data). Plain Python: the MkDocs adapter calls
it during a build, and `make site-files` writes the same pages to a folder."""
