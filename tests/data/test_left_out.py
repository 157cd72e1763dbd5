"""Issue 17: every commitment-like phrase of the plan is a target, or is in the README's list of what was left out,
with its reason. The list quotes the plan verbatim and names the right section, so it cannot drift from the text."""

from __future__ import annotations

import re

import pytest
from support.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### Quy tắc: cam kết nào thành chỉ tiêu", 1)[1].split("\n### ", 1)[0]
ROWS = [
    (cells[0], cells[1], cells[2])
    for line in SECTION.splitlines()
    if line.startswith("| ")
    and not line.startswith("| Mục")
    and (cells := [c.strip() for c in line.strip("|").split("|")])
]
QUOTE = re.compile(r"“([^”]+)”")
# The words that make a sentence a candidate commitment (README, "Quy tắc: cam kết nào thành chỉ tiêu").
TRIGGERS = re.compile(
    r"hằng năm|hàng năm|định kỳ|giữ vững|duy trì|không để|(?:đến|vào) năm \d{4}|trong nhiệm kỳ|\d+(?:,\d+)?%",
    re.IGNORECASE,
)


def paragraphs(plan, unit_id: str) -> list[tuple[str, str]]:
    """(anchor, text) of a section's own sentence and paragraphs, and those of its subsections."""
    found = []
    for unit in plan.units[unit_id].walk():
        found += [(unit.id, unit.text)] if unit.text else []
        found += [(block.anchor, block.text) for block in unit.blocks]
    return found


def left_out(plan) -> list[tuple[str, str, tuple[int, int]]]:
    """(section citation, anchor, span) of every quote of the README's list, where it stands in the plan."""
    units = {unit.citation: unit.id for unit in plan.units.values()}
    found = []
    for citation, cell, _ in ROWS:
        quote = QUOTE.search(cell).group(1)
        places = [(anchor, text.find(quote)) for anchor, text in paragraphs(plan, units[citation]) if quote in text]
        assert places, f"{citation}: “{quote}” is not the plan's words in that section"
        found += [(citation, anchor, (start, start + len(quote))) for anchor, start in places]
    return found


def test_the_list_has_a_reason_for_each_commitment_left_out():
    assert len(ROWS) >= 20
    assert all(QUOTE.search(cell) and len(reason) > 20 for _, cell, reason in ROWS)


def test_every_quote_of_the_list_is_the_plans_words_in_its_section(real_site_data):
    assert left_out(real_site_data.plan)


def test_every_commitment_phrase_is_a_target_or_left_out_with_a_reason(real_site_data):
    plan = real_site_data.plan
    covered: dict[str, list[tuple[int, int]]] = {}
    for target in plan.targets:
        text = plan_text(plan, target.anchor)
        covered.setdefault(target.anchor, []).append(
            (text.find(target.wording), text.find(target.wording) + len(target.wording))
        )
    for _, anchor, span in left_out(plan):
        covered.setdefault(anchor, []).append(span)
    missing = [
        f"{anchor}: {match.group()} … {text[max(0, match.start() - 40) : match.end() + 20]}"
        for anchor, text in paragraphs_of_the_plan(plan)
        for match in TRIGGERS.finditer(text)
        if not any(start <= match.start() and match.end() <= end for start, end in covered.get(anchor, []))
    ]
    assert missing == []


def test_what_was_left_out_is_not_also_a_target(real_site_data):
    plan = real_site_data.plan
    targets = {(t.anchor, t.wording) for t in plan.targets}
    for _, anchor, (start, end) in left_out(plan):
        text = plan_text(plan, anchor)
        overlapping = [w for a, w in targets if a == anchor and text.find(w) < end and start < text.find(w) + len(w)]
        assert overlapping == [], anchor


@pytest.mark.parametrize("gone", ["giu-vung-nganh-nghe-truyen-thong"])
def test_a_target_dropped_for_the_list_keeps_its_address(real_site_data, gone):
    assert gone not in real_site_data.plan.target_by_id
    assert (f"chi-tieu/{gone}", "muc/iii-2-2-d1") in real_site_data.plan.redirects


def plan_text(plan, anchor: str) -> str:
    return dict(paragraphs_of_the_plan(plan))[anchor]


def paragraphs_of_the_plan(plan) -> list[tuple[str, str]]:
    return [pair for part in plan.parts for pair in paragraphs(plan, part.id)]
