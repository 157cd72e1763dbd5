"""The repository's own files that name the commune, generated from data/xa.yml and data/ke-hoach.yml: the first
screen of README.md and the placeholder team names of .github/CODEOWNERS. `make import` rewrites them; a test
says when they are stale (`scripts/repo_files.py --check`)."""

from __future__ import annotations

import re

from macros.domain.model import Plan
from macros.site import identity
from macros.slug import slugify

README = "README.md"
CODEOWNERS = ".github/CODEOWNERS"
START = "<!-- Phần đầu này sinh từ data/xa.yml và data/ke-hoach.yml (make import, make repo-files): đừng sửa tay. -->"
END = "<!-- Hết phần sinh từ dữ liệu. -->"


def readme_head(plan: Plan) -> str:
    """The README's first screen: what the site is, for which commune, from which plan."""
    settings = identity.site_settings(plan)
    return (
        f"{START}\n# {settings['site_name']} — trang công khai\n\n"
        f"Trang web tĩnh công bố **toàn văn {identity.kind(plan)}** của {identity.issuer(plan)} (tỉnh "
        f"{plan.commune.province}): “{plan.document.title}”, cùng **các chỉ tiêu** mà xã cam kết, **ai chịu trách "
        f"nhiệm** và **tiến độ** của từng chỉ tiêu.\n{END}\n"
    )


def with_readme_head(readme: str, plan: Plan) -> str:
    """README.md with its generated first screen replaced (or put in front, the first time)."""
    block = re.compile(re.escape(START) + r".*?" + re.escape(END) + r"\n", re.DOTALL)
    head = readme_head(plan)
    return block.sub(lambda _: head, readme, count=1) if block.search(readme) else head + "\n" + readme


def organisation(plan: Plan) -> str:
    """The placeholder GitHub organisation: "xa-" and the commune's name."""
    return f"xa-{slugify(plan.commune.name)}"


def codeowners(plan: Plan) -> str:
    return CODEOWNERS_TEMPLATE.format(org=organisation(plan), name=plan.commune.name)


CODEOWNERS_TEMPLATE = """\
# CODEOWNERS — ai phải xem xét (review) thay đổi ở từng tệp. Tệp này sinh từ data/xa.yml (make repo-files).
#
# LƯU Ý: các tên nhóm dưới đây là TÊN GIỮ CHỖ (placeholder). Tổ chức
# "{org}" và các nhóm (team) này chưa chắc đã tồn tại trên GitHub.
# Quản trị viên kho mã cần thay chúng bằng tổ chức và nhóm thật, ví dụ:
#   @{org}/phong-kinh-te        -> nhóm cán bộ Phòng Kinh tế xã {name}
#   @{org}/van-phong-hdnd-ubnd  -> nhóm cán bộ Văn phòng HĐND và UBND xã {name}
#   @{org}/ky-thuat             -> nhóm kỹ thuật (mã nguồn, quy trình tự động)
# Mỗi nhóm phải có quyền ghi (write) vào kho mã thì GitHub mới tính là người
# duyệt; tên sai hoặc nhóm không có quyền sẽ bị GitHub bỏ qua (trang tệp này
# trên GitHub báo lỗi). Nên bật "Require review from Code Owners" trong
# quy tắc bảo vệ nhánh main.
#
# Cách đọc: dòng nằm DƯỚI được ưu tiên hơn dòng nằm trên. Khi một dòng ghi
# nhiều nhóm, chỉ cần MỘT người thuộc một trong các nhóm đó duyệt là đủ.
#
# Căn cứ phân công: mục "Tổ chức thực hiện" của Kế hoạch (data/ke-hoach.yml) nói
# cơ quan nào theo dõi, tổng hợp và báo cáo tiến độ; đổi nhóm cho khớp.

# Mặc định: mọi thứ khác (mã nguồn, cấu hình) thuộc nhóm kỹ thuật.
*                           @{org}/ky-thuat

# Mã nguồn, kiểm thử, giao diện, cấu hình dựng trang và quy trình tự động.
/.github/                   @{org}/ky-thuat
/.ci/                       @{org}/ky-thuat
/macros/                    @{org}/ky-thuat
/scripts/                   @{org}/ky-thuat
/tests/                     @{org}/ky-thuat
/overrides/                 @{org}/ky-thuat
/mkdocs.yml                 @{org}/ky-thuat
/Makefile                   @{org}/ky-thuat
/requirements*.txt          @{org}/ky-thuat
/package.json               @{org}/ky-thuat
/package-lock.json          @{org}/ky-thuat
/data/schemas/              @{org}/ky-thuat

# Văn bản kế hoạch: chỉ sửa khi chép sai so với bản gốc.
/data/ke-hoach.yml          @{org}/van-phong-hdnd-ubnd
/data/nguon/                @{org}/van-phong-hdnd-ubnd

# Danh mục cơ quan, đơn vị và nhiệm vụ.
/data/co-quan.yml           @{org}/van-phong-hdnd-ubnd
/data/nhiem-vu.yml          @{org}/van-phong-hdnd-ubnd

# Chỉ tiêu, và các đề xuất chỉ tiêu chưa công bố: Phòng Kinh tế.
/data/chi-tieu.yml          @{org}/phong-kinh-te
/data/chi-tieu-de-xuat.yml  @{org}/phong-kinh-te

# Báo cáo tiến độ: Phòng Kinh tế chủ trì, Văn phòng HĐND và UBND xã cùng theo dõi.
/data/cap-nhat/             @{org}/phong-kinh-te @{org}/van-phong-hdnd-ubnd

# Tên xã, tỉnh, giấy phép dữ liệu mở và danh sách ấp.
/data/xa.yml                @{org}/van-phong-hdnd-ubnd
/data/ap.yml                @{org}/van-phong-hdnd-ubnd @{org}/phong-kinh-te

# Sổ các mã (id) đã công bố: không bao giờ xoá dòng. Văn phòng và nhóm kỹ
# thuật cùng giữ, vì xoá hay đổi mã sẽ làm hỏng đường dẫn đã được trích dẫn.
/data/id-da-cong-bo.yml     @{org}/van-phong-hdnd-ubnd @{org}/ky-thuat

# Trang nội dung, hướng dẫn cho cán bộ và mẫu pull request.
/docs/                      @{org}/van-phong-hdnd-ubnd @{org}/ky-thuat
/CONTRIBUTING.md            @{org}/van-phong-hdnd-ubnd @{org}/ky-thuat
/.github/pull_request_template.md  @{org}/van-phong-hdnd-ubnd @{org}/ky-thuat

# Chính tệp này (ai duyệt cái gì): nhóm kỹ thuật hoặc Văn phòng HĐND và UBND xã.
/.github/CODEOWNERS         @{org}/ky-thuat @{org}/van-phong-hdnd-ubnd
"""
