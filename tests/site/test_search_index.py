"""What the search index holds: pages lead to their topic, and a list that only repeats other pages' names (the
inferred targets on "Cách tính tiến độ") stays out, so it cannot outrank the targets and sections it names."""

from __future__ import annotations

import json


def indexed(site) -> dict[str, str]:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"]: f"{doc['title']} {doc['text']}" for doc in docs}


def test_the_inferred_targets_list_is_not_indexed_but_its_page_is(real_site, real_site_data):
    found = indexed(real_site)
    inferred = [t.name for t in real_site_data.plan.targets if t.inferred]
    section = found["cach-tinh-tien-do/#suy-ra"]
    assert inferred and "suy ra" in section
    assert [name for name in inferred if name in section] == []
    assert all(any(name in text for text in found.values()) for name in inferred)  # their own pages are indexed
