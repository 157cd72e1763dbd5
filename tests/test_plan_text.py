"""The plan in data/ is the official text, verbatim, with the numbering as published."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

SOURCE = ROOT / "data" / "nguon" / "ke-hoach-vinh-phong-2025-2030.txt"
PUBLISHED_IDS = [
    "i",
    "i-1",
    "i-2",
    "i-3",
    "ii",
    "ii-1",
    "ii-2",
    "iii",
    "iii-1",
    "iii-2",
    "iii-2-1",
    "iii-2-2",
    "iii-2-3",
    "iii-2-4",
    "iii-2-5",
    "iii-2-6",
    "iii-2-7",
    "iii-3",
    "iii-3-1",
    "iii-3-2",
    "iii-3-3",
    "iii-3-4",
    "iii-3-5",
    "iii-3-6",
    "iii-4",
    "iii-5",
    "iii-6",
    "iii-7",
    "iii-8",
    "v",
    "v-1",
    "v-2",
    "v-3",
    "v-4",
    "v-5",
    "v-6",
]
LOWER_START = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


def source_paragraphs() -> list[str]:
    """Paragraphs of the official text, with the 9 page-break splits joined back together."""
    paragraphs: list[str] = []
    joined = 0
    for line in SOURCE.read_text(encoding="utf-8").replace("**", "").splitlines():
        line = line.strip()
        if not line:
            continue
        if paragraphs and LOWER_START.match(line) and not paragraphs[-1].endswith((".", ":", ";")):
            paragraphs[-1] += " " + line
            joined += 1
        else:
            paragraphs.append(line)
    assert joined == 9, "the source has exactly 9 paragraphs split by a page break"
    return paragraphs


def sentences() -> list[str]:
    found = []
    for paragraph in source_paragraphs():
        text = paragraph.removeprefix("- ")
        found += [s for s in re.split(r"(?<=[.;:!?])\s+", text) if s.strip()]
    return found


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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


OFFICIAL = ROOT.parent / "shared" / "source" / SOURCE.name


@pytest.mark.skipif(not OFFICIAL.exists(), reason="the shared folder sits beside the project in CI, not in every clone")
def test_the_committed_source_is_the_official_one():
    assert OFFICIAL.read_bytes() == SOURCE.read_bytes()


def test_every_sentence_of_the_source_is_in_the_data(real_site_data):
    text = model_text(real_site_data)
    missing = [s for s in sentences() if normalize(s) not in text]
    assert missing == []


def test_the_data_adds_no_sentence_of_its_own(real_site_data):
    source = normalize(" ".join(source_paragraphs()))
    for unit in real_site_data.plan.units.values():
        for block in unit.blocks:
            assert normalize(block.text) in source
        assert normalize(unit.title or unit.text) in source


def test_numbering_is_as_published(real_site_data):
    assert list(real_site_data.plan.units) == PUBLISHED_IDS
    assert [part.number for part in real_site_data.plan.parts] == ["I", "II", "III", "V"]
    assert real_site_data.plan.units["iii-2-1"].citation == "III.2.1"


def test_typos_are_kept():
    text = normalize((ROOT / "data" / "ke-hoach.yml").read_text(encoding="utf-8"))
    for typo in ("Phân đầu có từ 01- 02 điểm đến", "Trường áp các ấp trên địa bàn xã", "Phần đầu đến năm 2030"):
        assert typo in text


def test_unknown_metadata_is_left_empty(real_site_data):
    doc = real_site_data.plan.document
    assert doc.number is None and doc.issued is None
