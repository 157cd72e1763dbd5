"""How long the engine is maintained, and the notice the build prints once it is not.

Material for MkDocs 9.x gets critical fixes and security updates until 5 May 2027 (its own notice, which
NO_MKDOCS_2_WARNING=1 hides, says so). The plan runs to 2030, so from the day after, every build says it in
Vietnamese, with what to do (README.md, "Đổi công cụ dựng trang"). A notice never fails a build: clerks' reports must
keep being published.
"""

from __future__ import annotations

import datetime as dt

from macros import formats

MATERIAL_SUPPORT_ENDS = dt.date(2027, 5, 5)  # the last day of critical fixes and security updates


def material_notice(today: dt.date) -> str | None:
    """The notice for a build on `today` (the build day in Việt Nam); None while Material is still maintained."""
    if today <= MATERIAL_SUPPORT_ENDS:
        return None
    last_day = formats.date(MATERIAL_SUPPORT_ENDS)
    return (
        f"Lưu ý: Material for MkDocs không còn được sửa lỗi và vá bảo mật sau ngày {last_day}. "
        "Trang web vẫn được dựng và công bố như thường. Người bảo trì nên đổi công cụ dựng trang: xem mục "
        '"Đổi công cụ dựng trang" trong README.md.'
    )
