"""The review page of suggested targets (`make suggestions`): each suggestion from data/chi-tieu-de-xuat.yml beside
the paragraph it quotes, with the record to copy into data/chi-tieu.yml. A local page for staff, never part of the
site: the build does not publish suggestions."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from macros.data.spec import RECORDS
from macros.domain.model import Plan
from macros.site import identity, render
from macros.vocabulary import kinds


@dataclass(frozen=True)
class Reviewed:
    """One suggestion as staff review it."""

    record: dict
    citation: str
    before: str  # the paragraph up to the quote
    quote: str
    after: str
    kind: str  # the kind's label
    inferred: str  # what the page would mark as inferred: "thời hạn", "mức cần đạt", or ""
    snippet: str  # the YAML to copy into data/chi-tieu.yml


def paragraph(plan: Plan, anchor: str) -> str:
    unit = plan.units.get(anchor)
    if unit is not None:
        return unit.text or unit.title or ""
    owner = plan.units[plan.anchors[anchor]]
    return next(block.text for block in owner.blocks if block.anchor == anchor)


def reviewed(plan: Plan, record: dict) -> Reviewed:
    text, quote = paragraph(plan, record["doan"]), record["nguyen_van"]
    start = text.find(quote)
    inferred = [word for key, word in (("han_theo_ke_hoach", "thời hạn"), ("gia_tri_theo_ke_hoach", "mức cần đạt"))
                if record.get(key) is False]  # fmt: skip
    snippet = yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=10**6)
    return Reviewed(
        record={field.name: record.get(field.name) for field in RECORDS["target"].fields},
        citation=plan.units[record["muc"]].citation,
        before=text[:start] if start >= 0 else text,
        quote=quote if start >= 0 else "",
        after=text[start + len(quote) :] if start >= 0 else "",
        kind=kinds.KINDS[record["loai"]].label if record["loai"] in kinds.KINDS else record["loai"],
        inferred=" và ".join(inferred),
        snippet="  " + snippet.replace("\n", "\n  ").rstrip(),
    )


def page(plan: Plan, records: list[dict]) -> str:
    """The whole page, in the plan's order."""
    anchors = [anchor for unit in plan.units.values() for anchor in (unit.id, *(b.anchor for b in unit.blocks))]
    order = {anchor: position for position, anchor in enumerate(anchors)}
    items = sorted((reviewed(plan, r) for r in records), key=lambda item: order.get(item.record["doan"], 0))
    name = identity.site_settings(plan)["site_name"]
    return render.environment().get_template("suggestions_review.html").render(site_name=name, items=items)
