"""The web-form route: the generated issue form, issue bodies as GitHub renders them, and the intake workflow."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
import yaml
from support import forms
from support.data import copy_data, patch
from support.forms import body, submit
from support.paths import ROOT
from support.workflows import jobs, load, steps, tool, triggers

from macros import pipeline
from macros.domain.model import Plan
from macros.intake import issue_form

FORM = ROOT / issue_form.PATH
WORKFLOW = ROOT / ".github" / "workflows" / "bao-cao-tu-bieu-mau.yml"
GOOD = forms.GOOD | {"nguon": "Báo cáo số 45/BC-BHXH: số liệu quý 3"}  # a colon the YAML must keep


# ----------------------------------------------------------------- the form


@pytest.mark.data_change
def test_the_form_is_up_to_date_with_the_data():
    result = subprocess.run(
        [sys.executable, "scripts/issue_form.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + " — run `make issue-form`"


def test_a_renamed_agency_makes_the_form_stale(tmp_path, real_site_data):
    plan: Plan = real_site_data.plan
    renamed = dataclasses.replace(plan.agencies[0], name="Đơn vị đổi tên")
    changed = dataclasses.replace(plan, agencies=(renamed, *plan.agencies[1:]))
    assert issue_form.render(changed) != FORM.read_text(encoding="utf-8")
    assert issue_form.render(plan) == FORM.read_text(encoding="utf-8")


@pytest.mark.data_change
def test_the_form_matches_githubs_issue_form_schema():
    command = [tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms", str(FORM)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_lists_every_target_agency_and_period(real_site_data):
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    plan = real_site_data.plan
    assert fields["chi_tieu"]["attributes"]["options"] == [f"{t.name} ({t.id})" for t in plan.targets]
    assert fields["don_vi_bao_cao"]["attributes"]["options"] == [f"{a.name} ({a.id})" for a in plan.agencies]
    assert {"Tháng 11/2026", "Quý 4/2026", "Năm 2026"} <= set(fields["ky"]["attributes"]["options"])
    assert "Năm 2025" in fields["ky"]["attributes"]["options"]  # the baseline year, before the plan
    assert [fields[name]["attributes"]["label"] for name in issue_form.LABELS] == list(issue_form.LABELS.values())
    assert form["labels"] == [issue_form.LABEL]


# ----------------------------------------------------------------- bodies


def test_parse_body_reads_headings_and_no_response():
    answer = issue_form.parse_body(body(**GOOD) + "\r\n")
    assert answer.values["Chỉ tiêu"] == GOOD["chi_tieu"]
    assert answer.values["Ghi chú"] is None and answer.values["Giá trị theo ấp"] is None
    assert answer.missing == ()


def test_a_good_form_becomes_a_pull_request_with_the_yaml_change(tmp_path):
    data = copy_data(tmp_path)
    before = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    result = submit(data, body(**GOOD, ghi_chu="Số ước tính\nsẽ đính chính"), tmp_path)
    assert result["result"].strip() == "pr"
    assert result["branch"].strip() == "bao-cao/issue-42"
    assert "Closes #42" in result["pr-body.md"]
    after = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    assert after.startswith(before.replace("bao_cao: []\n", "bao_cao:\n"))  # comments kept, report appended
    added = yaml.safe_load(after)["bao_cao"]
    assert added == [
        {
            "chi_tieu": "bao-hiem-y-te",
            "ky": "2026-Q3",
            "gia_tri": 81.82,
            "ngay": dt.date(2026, 9, 30),
            "nguon": "Báo cáo số 45/BC-BHXH: số liệu quý 3",
            "don_vi_bao_cao": "thong-ke-co-so",
            "ghi_chu": "Số ước tính\nsẽ đính chính",
        }
    ]
    assert pipeline.check(data, data.parent, dt.date(2026, 11, 29)) == []


HAND_WRITTEN_YEAR_FILES = [
    "bao_cao: []  # chưa có báo cáo\n",
    "bao_cao:  # báo cáo năm 2026\n",
    "bao_cao:\n- chi_tieu: kham-pha-an\n  ky: 2026-Q2\n  gia_tri: 70\n  ngay: 2026-06-30\n  nguon: x\n"
    "  don_vi_bao_cao: phong-kinh-te\n",
]


@pytest.mark.parametrize("year_file", HAND_WRITTEN_YEAR_FILES)
def test_a_report_is_appended_to_a_year_file_written_by_hand(tmp_path, year_file):
    """A valid year file written by hand (a comment after the key, reports at the margin) takes the form's report,
    instead of a duplicate key or an indentation error the clerk did not make."""
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").write_text(year_file, encoding="utf-8")
    result = submit(data, body(**GOOD), tmp_path)
    assert result["result"].strip() == "pr", result["comment.md"]
    reports = yaml.safe_load((data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8"))["bao_cao"]
    assert reports[-1]["chi_tieu"] == "bao-hiem-y-te" and reports[-1]["gia_tri"] == 81.82
    assert len(reports) == year_file.count("- chi_tieu") + 1


def test_a_yes_no_target_and_a_per_hamlet_target(tmp_path):
    data = copy_data(tmp_path)
    yes = GOOD | {"chi_tieu": "Xã duy trì đạt chuẩn nông thôn mới (duy-tri-nong-thon-moi)", "ky": "Năm 2026"}
    assert submit(data, body(**yes | {"gia_tri": "Đạt", "ngay": "20/11/2026"}), tmp_path)["result"].strip() == "pr"
    hamlet = dict(GOOD, chi_tieu="Tổ hợp tác ở mỗi ấp (to-hop-tac-tung-ap)", ky="Quý IV/2026", ngay="2026-11-15")
    text = body(**hamlet | {"gia_tri": None, "theo_ap": "ấp Vĩnh Thạnh (vinh-thanh): 2"})
    assert submit(data, text, tmp_path, issue=43)["result"].strip() == "pr"
    reports = yaml.safe_load((data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8"))["bao_cao"]
    assert reports[0]["gia_tri"] is True and reports[0]["ky"] == "2026"
    assert reports[1]["theo_ap"] == {"vinh-thanh": 2} and "gia_tri" not in reports[1]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"chi_tieu": "Chỉ tiêu bịa (khong-co-chi-tieu-nay)"}, '**Chỉ tiêu**: không có chỉ tiêu nào mang mã "khong-co'),
        ({"ky": "Quý 1/2027", "ngay": "31/03/2027"}, "**Kỳ báo cáo**: kỳ 2027-Q1 chưa bắt đầu"),
        ({"gia_tri": "tám mươi"}, '**Giá trị**: không đọc được "tám mươi"'),
        ({"gia_tri": "1.234"}, '**Giá trị**: "1.234" đọc được hai cách: 1234'),
        ({"gia_tri": "120"}, "**Giá trị**: tỷ lệ 120% lớn hơn 100%"),
        ({"gia_tri": None}, '**Giá trị**: thiếu giá trị báo cáo — điền "Giá trị"'),
        ({"ngay": "31/09/2026"}, '**Ngày số liệu**: ngày "31/09/2026" không có thật'),
        ({"ngay": "15/10/2026"}, "**Ngày số liệu**: ngày số liệu 15/10/2026 sau khi kỳ Quý 3/2026 đã kết thúc"),
        ({"nguon": None}, "**Nguồn số liệu**: chưa điền mục này"),
        (
            {"chi_tieu": "Hợp tác xã thành lập mới (hop-tac-xa-moi)", "gia_tri": "2%"},
            "**Giá trị**: chỉ tiêu này tính bằng hợp tác xã, không phải phần trăm",
        ),
    ],
)
def test_a_bad_form_gets_the_vietnamese_errors_and_opens_nothing(tmp_path, answers, expected):
    data = copy_data(tmp_path)
    before = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    result = submit(data, body(**GOOD | answers), tmp_path)
    assert result["result"].strip() == "invalid"
    assert expected in result["comment.md"], result["comment.md"]
    assert "chưa có gì được gửi đi" in result["comment.md"]
    assert "branch" not in result and "pr-body.md" not in result
    assert (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8") == before


def test_a_duplicate_period_is_refused(tmp_path):
    data = copy_data(tmp_path)
    assert submit(data, body(**GOOD), tmp_path)["result"].strip() == "pr"
    again = submit(data, body(**GOOD | {"gia_tri": "82"}), tmp_path, issue=44)
    assert again["result"].strip() == "invalid"
    assert "**Kỳ báo cáo**: chỉ tiêu bao-hiem-y-te đã có báo cáo kỳ 2026-Q3" in again["comment.md"]


def test_a_body_edited_out_of_shape_names_the_missing_fields(tmp_path):
    data = copy_data(tmp_path)
    text = "Xin gửi số liệu bảo hiểm y tế quý 3 là 81,82%.\n\n### Giá trị\n\n81,82"
    result = submit(data, text, tmp_path)
    assert result["result"].strip() == "invalid"
    for label in ("Chỉ tiêu", "Kỳ báo cáo", "Ngày số liệu", "Nguồn số liệu", "Đơn vị báo cáo"):
        assert f"**{label}**: thiếu mục này trong nội dung issue" in result["comment.md"]


def test_only_writers_get_a_pull_request(tmp_path):
    data = copy_data(tmp_path)
    before = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    for association in ("NONE", "CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR"):
        result = submit(data, body(**GOOD), tmp_path, association=association)
        assert result["result"].strip() == "not-allowed"
        assert "Cảm ơn anh/chị" in result["comment.md"]
    assert (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8") == before
    for association in ("OWNER", "MEMBER", "COLLABORATOR"):
        fresh = copy_data(tmp_path / association)
        assert submit(fresh, body(**GOOD), tmp_path, association=association)["result"].strip() == "pr"


def test_a_form_for_a_new_year_creates_the_year_file(tmp_path):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").unlink()  # the first report of a year has no year file yet
    result = submit(data, body(**GOOD), tmp_path)
    assert result["result"].strip() == "pr"
    created = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    assert created.startswith("# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\nbao_cao:\n  - ")


def test_a_baseline_year_report_comes_through_the_form(tmp_path):
    data = copy_data(tmp_path)
    result = submit(data, body(**GOOD | {"ky": "Năm 2025", "ngay": "31/12/2025"}), tmp_path)
    assert result["result"].strip() == "pr", result.get("comment")
    assert "ky: '2025'" in (data / "cap-nhat" / "2025.yml").read_text(encoding="utf-8")


# ----------------------------------------------------------------- the workflow


def test_the_intake_workflow_is_least_privilege_and_never_expands_the_body():
    text = WORKFLOW.read_text(encoding="utf-8")
    wf = load(text)
    assert triggers(wf) == {"issues": {"types": ["opened", "edited"]}}
    assert wf["permissions"] == {}
    (job,) = jobs(wf).values()
    assert job["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
        "actions": "write",
    }
    assert f"'{issue_form.LABEL}'" in job["if"]
    for step in steps(job):
        assert "${{" not in str(step.get("run", ""))
        assert step.get("with", {}).get("persist-credentials", False) is False
    run = "\n".join(str(step.get("run", "")) for step in steps(job))
    assert "scripts/form_report.py" in run and '"$ISSUE_BODY"' in run
    assert "gh workflow run build.yml" in run  # the PR opened with GITHUB_TOKEN is checked anyway
    assert "issue.body" in str([step.get("env") for step in steps(job)])


def test_the_build_workflow_can_be_dispatched_on_the_new_branch():
    assert "workflow_dispatch" in triggers(load((ROOT / ".github" / "workflows" / "build.yml").read_text()))


def test_only_the_step_that_talks_to_github_holds_the_token():
    job = next(iter(jobs(load(WORKFLOW.read_text(encoding="utf-8"))).values()))
    assert "GH_TOKEN" not in (job.get("env") or {})
    holders = [step["name"] for step in steps(job) if "GH_TOKEN" in (step.get("env") or {})]
    assert len(holders) == 1 and "gh " in next(s["run"] for s in steps(job) if s["name"] == holders[0])


def test_broken_data_on_the_branch_is_said_plainly(tmp_path):
    data = copy_data(tmp_path)
    patch(data, "chi-tieu.yml", "loai: dat-chuan", "loai: dat-chuan-moi")
    result = submit(data, body(**GOOD), tmp_path)
    assert result["result"].strip() == "invalid"
    assert "Dữ liệu hiện có trong kho đang có lỗi" in result["comment.md"]
    assert "data/chi-tieu.yml:" in result["comment.md"]


def test_an_edited_issue_updates_its_pull_request_or_closes_it():
    job = next(iter(jobs(load(WORKFLOW.read_text(encoding="utf-8"))).values()))
    run = next(step["run"] for step in steps(job) if "GH_TOKEN" in (step.get("env") or {}))
    assert 'gh pr list --head "$branch" --state open' in run  # only an open PR is updated; a closed one stays closed
    assert 'gh pr edit "$open_pr"' in run and '--body-file "$out/pr-body.md"' in run
    assert 'gh pr close "$open_pr" --comment "$(cat "$out/close.md")"' in run
    assert run.index('[ "$result" = invalid ] && [ -n "$open_pr" ]') < run.index("gh pr close")
    assert "git push --force" in run  # the branch follows the edited issue


def test_the_form_asks_whether_the_report_is_new_or_a_correction():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = [item.get("id") for item in form["body"] if item.get("id")]
    assert ids[:3] == ["loai_bao_cao", "ly_do_sua", "chi_tieu"]
    fields = {item.get("id"): item for item in form["body"]}
    kind = fields["loai_bao_cao"]
    assert kind["type"] == "dropdown" and kind["validations"]["required"] is True
    assert kind["attributes"]["label"] == "Loại báo cáo"
    assert kind["attributes"]["options"] == ["Báo cáo mới", "Sửa báo cáo đã gửi"]
    assert kind["attributes"]["default"] == 0
    assert fields["ly_do_sua"]["attributes"]["label"] == "Lý do sửa"
