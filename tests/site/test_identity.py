"""What the site calls itself comes from data: its name, description and licence line."""

from __future__ import annotations

from macros.site import identity


def test_name_description_and_licence_line(real_site_data):
    settings = identity.site_settings(real_site_data.plan)
    assert settings["site_name"] == "Kế hoạch 2025–2030 xã Vĩnh Phong"
    assert settings["copyright"] == (
        "Nội dung Kế hoạch là văn bản của Ủy ban nhân dân xã Vĩnh Phong. Dữ liệu mở theo giấy phép CC BY 4.0."
    )
    assert "(An Giang)" in settings["site_description"]
