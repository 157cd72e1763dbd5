"""The YAML files of an imported commune, each with the header that tells staff what it holds."""

from __future__ import annotations

from pathlib import Path

import yaml

HEADERS = {
    "ke-hoach.yml": "# Nguyên văn Kế hoạch. Chỉ sửa khi chép sai so với văn bản gốc (data/nguon/).\n",
    "xa.yml": "# Tên xã và tỉnh hiển thị trên trang web, trong nguồn tin (feed) và gói dữ liệu mở.\n"
    '# Giấy phép của dữ liệu mở (trang "Dữ liệu mở", datapackage.json, dòng bản quyền cuối trang).\n',
    "co-quan.yml": "# Các cơ quan, đơn vị mà Kế hoạch nêu tên (nhập tự động từ văn bản, theo danh sách cơ quan\n"
    "# thường gặp).\n"
    "# vai_tro: chua-xet nghĩa là cán bộ xã chưa xét Kế hoạch giao gì cho cơ quan này; thay bằng vai trò đúng\n"
    "# (ban-hanh, duoc-giao, duoc-de-nghi, phoi-hop, nhan-bao-cao, ban-hanh-can-cu, noi-nhan, duoc-neu-ten).\n",
    "chi-tieu.yml": "# Các chỉ tiêu đã được cán bộ xã chấp nhận. Đề xuất từ văn bản nằm ở chi-tieu-de-xuat.yml\n"
    "# (chưa công bố).\n",
    "nhiem-vu.yml": '# Các nhiệm vụ theo phương châm "06 rõ". Chưa có: cán bộ xã bổ sung.\n',
    "ap.yml": "# Các ấp của xã. Chưa có danh sách: cán bộ xã bổ sung rồi đổi day_du thành true.\n",
    "chi-tieu-de-xuat.yml": "# CHƯA CÔNG BỐ. Các cam kết mà lệnh nhập kế hoạch đề xuất làm chỉ tiêu (xem: make\n"
    "# suggestions). Chấp nhận một đề xuất: chép cả mục sang data/chi-tieu.yml (sửa id, ten nếu cần), rồi xóa\n"
    "# mục đó ở đây. Mọi điều suy ra (thời hạn, mức cần đạt) có *_theo_ke_hoach: false và lý do ở ghi_chu.\n",
    "id-da-cong-bo.yml": "# Sổ đăng ký các mã (địa chỉ) đã công bố. KHÔNG BAO GIỜ XÓA dòng nào: báo chí và cơ quan\n"
    "# cấp trên đã trích dẫn. Khi dời một mục, thêm dòng vào chuyen_huong (mã cũ: mã mới).\n",
    "cap-nhat": '# Báo cáo tiến độ. Mỗi chỉ tiêu, mỗi kỳ một mục. Xem "Hướng dẫn cập nhật số liệu" trên trang web.\n'
    '# Chưa có báo cáo nào: trang web hiển thị "Chưa có số liệu" cho mọi chỉ tiêu.\n',
}


def schema_line(name: str, folder_depth: int = 0) -> str:
    schema = Path(name).name.replace(".yml", ".schema.json") if name != "cap-nhat" else "cap-nhat.schema.json"
    return f"# yaml-language-server: $schema={'../' * folder_depth}schemas/{schema}\n"


def dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)


def write(path: Path, header_key: str, value, folder_depth: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = schema_line(header_key if header_key != "cap-nhat" else "cap-nhat", folder_depth) + HEADERS[header_key]
    path.write_text(text + dump(value), encoding="utf-8")


def registry(path: Path, ids: list[str]) -> None:
    write(path, "id-da-cong-bo.yml", {"chuyen_huong": {}, "id": sorted(ids)})
