"""The hand-written pages of docs/ are rendered with plain Jinja (macros/publish/hand_written.py): their front matter
kept as written, their macros run, a mistake in a page reported with its file and line."""

from __future__ import annotations

import pytest

from macros.errors import DataError
from macros.publish import hand_written

CONFIG = {"site_url": "https://vi.example/", "repo_url": "https://example.org/kho"}
PAGE = (
    "---\n# chú thích\ntitle: Thử\ndu_lieu: data/ap.yml\n---\n\n# Xã {{ xa().ten }}\n\n{{ config.repo_url }}/issues\n"
)


def test_front_matter_is_kept_as_written_and_macros_run(real_site_data):
    written, meta, body = hand_written.render_page(real_site_data, "thu/trang.md", PAGE, CONFIG)
    assert written == "# chú thích\ntitle: Thử\ndu_lieu: data/ap.yml\n"
    assert meta == {"title": "Thử", "du_lieu": "data/ap.yml"}
    assert body == "# Xã Vĩnh Phong\n\nhttps://example.org/kho/issues"


def test_each_macro_gets_the_page_address_and_its_html_can_be_set_aside(real_site_data):
    text = "# Chỉ tiêu\n\n{{ bang_chi_tieu() }}\n"
    _, _, body = hand_written.render_page(real_site_data, "chi-tieu/index.md", text, CONFIG)
    assert 'href="../chi-tieu/bao-hiem-y-te/"' in body, "links lead from chi-tieu/ back to the root"
    _, _, aside = hand_written.render_page(real_site_data, "chi-tieu/index.md", text, CONFIG, lambda html: "<!--x-->")
    assert aside == "# Chỉ tiêu\n\n<!--x-->"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: Thử\n---\n\nĐoạn.\n\n{{ bang_chi_tieu( }}\n", 7, "lệnh trong trang viết sai"),
        ("---\ntitle: Thử\n---\n\n{{ khong_co() }}\n", 0, "trang gọi 'khong_co', nhưng không có lệnh"),
    ],
)
def test_a_mistake_in_a_page_names_the_file_and_line(real_site_data, text, line, words):
    with pytest.raises(DataError) as raised:
        hand_written.render_page(real_site_data, "huong-dan.md", text, CONFIG)
    problem = raised.value.problems[0]
    assert (problem.file, problem.line) == ("docs/huong-dan.md", line)
    assert words in problem.message and "MACROS" in problem.fix
