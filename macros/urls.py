"""Every address of the site, built here and only here.

Paths are relative to the site's root ("chi-tieu/bao-hiem-y-te/"): a page prefixes them with its way back to the root,
a feed with the site's address, so the site works under any base path. Templates reach this class as the Jinja global
`url`. The published addresses that may never break ("muc/<id>", "chi-tieu/<id>", "don-vi/<id>", and the task ids
"nhiem-vu/<id>" the open data names) are the addresses of data/id-da-cong-bo.yml, written without the final "/".
"""

from __future__ import annotations

CITE, TARGET, AGENCY, TASK = "muc", "chi-tieu", "don-vi", "nhiem-vu"  # the kinds of published address


class Urls:
    """Site paths. Pages end in "/"; files keep their name."""

    home = ""
    plan = "ke-hoach/"
    targets = f"{TARGET}/"
    agencies = f"{AGENCY}/"
    rule = "cach-tinh-tien-do/"
    hamlets = "ap/"
    periods = "bao-cao/"
    document = "van-ban-goc/"
    whats_new = "co-gi-moi/"
    atom = "feed.xml"
    rss = "rss.xml"
    abbreviations = "chu-viet-tat/"
    previews = "assets/previews/"  # link-preview images (Open Graph), drawn at build time
    site_preview = f"{previews}trang.png"  # for every page that has no image of its own

    @staticmethod
    def address(kind: str, key: str) -> str:
        """A published address, as the id registry writes it: "muc/iii-2-1"."""
        return f"{kind}/{key}"

    @classmethod
    def cite(cls, anchor: str) -> str:
        """The permanent link of a section or paragraph: /muc/<id>/ lands on wherever it is published now."""
        return cls.address(CITE, anchor) + "/"

    @classmethod
    def target(cls, target_id: str) -> str:
        return cls.address(TARGET, target_id) + "/"

    @classmethod
    def agency(cls, agency_id: str) -> str:
        return cls.address(AGENCY, agency_id) + "/"

    @classmethod
    def plan_page(cls, page_id: str) -> str:
        return f"{cls.plan}{page_id}/"

    @classmethod
    def section(cls, page_id: str, anchor: str) -> str:
        """A section or paragraph on the plan page that holds it."""
        return f"{cls.plan_page(page_id)}#{anchor}"

    @classmethod
    def area(cls, page_id: str) -> str:
        """The targets of one area (one page of the plan) in the targets table."""
        return f"{cls.targets}#linh-vuc-{page_id}"

    @classmethod
    def period(cls, period) -> str:
        return f"{cls.periods}{period.slug}/"

    @classmethod
    def midterm(cls, year: int) -> str:
        """The mid-term review the plan holds in `year` (its page compares every target with its halfway point)."""
        return f"{cls.periods}giua-nhiem-ky-{year}/"

    @classmethod
    def preview(cls, kind: str, key: str) -> str:
        """The preview image of a section ("muc", unit id) or of a target ("chi-tieu", target id)."""
        return f"{cls.previews}{kind}/{key}.png"

    @staticmethod
    def data_file(name: str) -> str:
        """An open data file: du-lieu/chi-tieu.csv."""
        return f"du-lieu/{name}"

    @classmethod
    def theme(cls) -> dict[str, str]:
        """The addresses the theme's own templates write (overrides/main.html reads them as config.extra.urls)."""
        return {"atom": cls.atom, "rss": cls.rss, "whats_new": cls.whats_new, "home": cls.home}

    @staticmethod
    def markdown_source(path: str) -> str:
        """The Markdown file MkDocs builds a page address from: "chi-tieu/x/" -> "chi-tieu/x.md"."""
        return path.rstrip("/") + ".md"

    @staticmethod
    def index_source(path: str) -> str:
        """The Markdown file of a section's own page: "ke-hoach/" -> "ke-hoach/index.md", "" -> "index.md"."""
        return f"{path}index.md"

    @staticmethod
    def of_markdown(source: str) -> str:
        """The address of a Markdown file, as MkDocs makes it: "a/index.md" -> "a/", "a/b.md" -> "a/b/", "index.md"
        -> ""."""
        stem = source.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"
