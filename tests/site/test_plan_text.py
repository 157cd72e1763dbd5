"""The plan in data/ is the official text, verbatim, with the numbering as published."""

from __future__ import annotations

import pytest
from support.paths import ROOT
from support.plan_text import PUBLISHED_IDS, SOURCE, normalize, sentences, source_paragraphs

pytestmark = pytest.mark.data_change  # the plan's official text, in data/ke-hoach.yml


def model_text(site) -> str:
    """The document as the data holds it, with the numbering printed as in the source."""
    plan, doc = site.plan, site.plan.document
    parts = [doc.kind, doc.title, doc.basis, doc.preamble]
    for unit in plan.units.values():
        parts.append(f"{unit.number}. {unit.title or unit.text}")
        parts += [block.text for block in unit.blocks]
    parts += [doc.closing, "Nơi nhận:", *doc.recipients, doc.signature.form, doc.signature.position]
    parts.append(doc.signature.signer or "")
    return normalize("\n".join(parts))


@pytest.fixture(params=["real_site_data", "imported_site_data"])
def plan_data(request):
    """The published data, and the data `make import` makes from the source text alone."""
    return request.getfixturevalue(request.param)


OFFICIAL = ROOT.parent / "shared" / "source" / SOURCE.name


@pytest.mark.skipif(not OFFICIAL.exists(), reason="the shared folder sits beside the project in CI, not in every clone")
def test_the_committed_source_is_the_official_one():
    assert OFFICIAL.read_bytes() == SOURCE.read_bytes()


def test_every_sentence_of_the_source_is_in_the_data(plan_data):
    text = model_text(plan_data)
    missing = [s for s in sentences() if normalize(s) not in text]
    assert missing == []


def test_the_data_adds_no_sentence_of_its_own(plan_data):
    source = normalize(" ".join(source_paragraphs()))
    for unit in plan_data.plan.units.values():
        for block in unit.blocks:
            assert normalize(block.text) in source
        assert normalize(unit.title or unit.text) in source


def test_numbering_is_as_published(plan_data):
    assert list(plan_data.plan.units) == PUBLISHED_IDS
    assert [part.number for part in plan_data.plan.parts] == ["I", "II", "III", "V"]
    assert plan_data.plan.units["iii-2-1"].citation == "III.2.1"


def test_typos_are_kept():
    text = normalize((ROOT / "data" / "ke-hoach.yml").read_text(encoding="utf-8"))
    for typo in ("Phân đầu có từ 01- 02 điểm đến", "Trường áp các ấp trên địa bàn xã", "Phần đầu đến năm 2030"):
        assert typo in text


def test_unknown_metadata_is_left_empty(plan_data):
    doc = plan_data.plan.document
    assert doc.number is None and doc.issued is None
