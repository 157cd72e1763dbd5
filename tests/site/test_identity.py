"""What the site calls itself comes from data: its name, description, licence line, and the plan's pages and the
mid-term review in the navigation (a label in mkdocs.yml may only shorten the title of its own section)."""

from __future__ import annotations

import dataclasses

from macros.site import identity
from macros.vocabulary import periods

NAV = [
    "index.md",
    {
        "Kế hoạch": [
            "ke-hoach/index.md",
            {"I. Mục đích, yêu cầu": "ke-hoach/i.md"},
            {"II. Tên của một xã khác": "ke-hoach/ii.md"},
            {"VI. Phần không có": "ke-hoach/vi.md"},
            {"Văn bản gốc": "van-ban-goc.md"},
        ]
    },
    {"Báo cáo theo kỳ": ["bao-cao/index.md", {"Đánh giá giữa nhiệm kỳ 2028": "bao-cao/giua-nhiem-ky-2028.md"}]},
]


def test_name_description_and_licence_line(real_site_data):
    settings = identity.site_settings(real_site_data.plan)
    assert settings["site_name"] == "Kế hoạch 2025–2030 xã Vĩnh Phong"
    assert settings["copyright"] == (
        "Nội dung Kế hoạch là văn bản của Ủy ban nhân dân xã Vĩnh Phong. Dữ liệu mở theo giấy phép CC BY 4.0."
    )
    assert "(An Giang)" in settings["site_description"]


def test_plan_pages_come_from_the_data_and_a_label_only_shortens_its_own_title(real_site_data):
    nav = identity.with_plan_pages(NAV, real_site_data.plan)
    plan_section = nav[1]["Kế hoạch"]
    assert plan_section[0] == "ke-hoach/index.md" and plan_section[-1] == {"Văn bản gốc": "van-ban-goc.md"}
    labels = [next(iter(entry)) for entry in plan_section[1:-1]]
    assert labels[0] == "I. Mục đích, yêu cầu"  # kept: the words of its own title
    assert labels[1] == "II. Nhiệm vụ trọng tâm và các khâu đột phá"  # replaced: not this section's title
    assert "VI. Phần không có" not in labels  # a page the data does not have is gone
    split = plan_section[3]["III. Các giải pháp chủ yếu"]
    assert split[0] == "ke-hoach/iii.md" and len(split) == 9  # a long part: its overview and eight sections


def test_the_mid_term_review_follows_the_plans_year(real_site_data):
    plan = real_site_data.plan
    assert identity.with_midterm_page(NAV, plan)[2] == NAV[2]
    later = dataclasses.replace(plan.document, span=periods.Span(2026, 2030, 2029))
    moved = identity.with_midterm_page(NAV, dataclasses.replace(plan, document=later))
    assert moved[2]["Báo cáo theo kỳ"][1] == {"Đánh giá giữa nhiệm kỳ 2029": "bao-cao/giua-nhiem-ky-2029.md"}
    none = dataclasses.replace(plan.document, span=periods.Span(2026, 2030))
    assert identity.with_midterm_page(NAV, dataclasses.replace(plan, document=none))[2] == {
        "Báo cáo theo kỳ": ["bao-cao/index.md"]
    }
