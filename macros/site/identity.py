"""What the site calls itself, from data/xa.yml and data/ke-hoach.yml: its name, description and licence line
(mkdocs.yml's site_name, site_description, copyright).

Public and plain Python: macros/publish/config.py puts them in the engine's configuration, for the MkDocs build and
for the mkdocs.yml of a site-files folder; README's first screen says the same (macros/site/repo_files.py).
"""

from __future__ import annotations

from macros.domain.model import Plan
from macros.opendata import datapackage
from macros.slug import fold


def kind(plan: Plan) -> str:
    """ "KẾ HOẠCH" -> "Kế hoạch"."""
    return plan.document.kind.capitalize()


def issuer(plan: Plan) -> str:
    """The issuer with the commune's name: "Ủy ban nhân dân xã" -> "Ủy ban nhân dân xã Vĩnh Phong"."""
    name, written = plan.commune.name, plan.document.issuer
    if not written:
        return f"xã {name}"
    if fold(name).lower() in fold(written).lower():
        return written
    return f"{written} {name}" if written.endswith(("xã", "phường")) else written


def site_settings(plan: Plan) -> dict[str, str]:
    """site_name, site_description and copyright, as mkdocs.yml names them."""
    term = plan.document.span.term
    return {
        "site_name": f"{kind(plan)} {term} xã {plan.commune.name}",
        "site_description": f"Toàn văn {kind(plan)} {term} của {issuer(plan)} ({plan.commune.province}), "
        "các chỉ tiêu, ai chịu trách nhiệm và tiến độ thực hiện.",
        "copyright": f"Nội dung {kind(plan)} là văn bản của {issuer(plan)}. "
        f"Dữ liệu mở theo giấy phép {datapackage.licence_name(plan)}.",
    }
