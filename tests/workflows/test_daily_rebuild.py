"""Statuses stay current: the build day is the date in Việt Nam, the site says which day statuses were judged on,
and the daily workflow run deploys exactly when a status changed (scripts/status_changes.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from support.data import copy_data
from support.gh_expressions import context, evaluate_if
from support.paths import ROOT
from support.workflows import WORKFLOW_DIR, deploy_jobs, jobs, load, running_jobs, steps

from macros import pipeline
from macros.domain import status
from macros.opendata import export

SCRIPT = ROOT / "scripts" / "status_changes.py"
WORKFLOW = WORKFLOW_DIR / "build.yml"
TARGET = "bau-cu-nhiem-ky-2026-2031"  # a milestone due by the end of 2026
# Reported "not yet" in November: on track until 31/12/2026 ends in Việt Nam, missed from then on.
NOT_YET = f"""bao_cao:
  - chi_tieu: {TARGET}
    ky: 2026-11
    gia_tri: false
    ngay: 2026-11-15
    nguon: "Báo cáo mẫu (kiểm thử)"
    don_vi_bao_cao: phong-kinh-te
"""


def epoch(*args) -> str:
    return str(int(dt.datetime(*args, tzinfo=dt.UTC).timestamp()))


BEFORE_MIDNIGHT = epoch(2026, 12, 31, 16, 30)  # 23:30 on 31/12/2026 in Việt Nam
AFTER_MIDNIGHT = epoch(2026, 12, 31, 17, 30)  # 00:30 on 01/01/2027 in Việt Nam, still 31/12 in UTC


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        (epoch(2026, 11, 29, 16, 59, 59), dt.date(2026, 11, 29)),
        (epoch(2026, 11, 29, 17, 0, 0), dt.date(2026, 11, 30)),
        (AFTER_MIDNIGHT, dt.date(2027, 1, 1)),
    ],
)
def test_build_day_is_the_date_in_viet_nam(monkeypatch, moment, day):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", moment)
    assert pipeline.build_day() == day


@pytest.fixture(scope="module")
def not_yet_data(tmp_path_factory):
    data = copy_data(tmp_path_factory.mktemp("daily"))
    (data / "cap-nhat" / "2026.yml").write_text(NOT_YET, encoding="utf-8")
    return data


def site_at(data, moment, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", moment)
    return pipeline.load_site(data, data.parent)


def test_a_deadline_passes_at_midnight_in_viet_nam_not_in_utc(not_yet_data, monkeypatch):
    before = site_at(not_yet_data, BEFORE_MIDNIGHT, monkeypatch).assessments[TARGET]
    after = site_at(not_yet_data, AFTER_MIDNIGHT, monkeypatch).assessments[TARGET]
    assert (before.status, after.status) == (status.ON_TRACK, status.MISSED)
    assert after.reason == "Đã qua hạn 31/12/2026 mà báo cáo mới nhất (Tháng 11/2026) ghi: chưa đạt."


def write_statuses(tmp_path, site) -> os.PathLike:
    path = tmp_path / "deployed.json"
    built = {file.path: file.content for file in export.files(site)}
    path.write_text(built["du-lieu/chi-tieu.json"], encoding="utf-8")
    return path


def run_script(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_a_build_across_midnight_shows_the_day_and_asks_to_deploy(tmp_path, not_yet_data, monkeypatch):
    out = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=AFTER_MIDNIGHT, DATA_DIR=str(not_yet_data))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "chi-tieu" / TARGET / "index.html").read_text(encoding="utf-8")
    judged = 'Cập nhật trạng thái ngày <time datetime="2027-01-01">01/01/2027</time>'
    assert judged in page and "Không đạt" in page
    assert judged in (out / "chi-tieu" / "index.html").read_text(encoding="utf-8")
    assert judged in (out / "index.html").read_text(encoding="utf-8")

    deployed = write_statuses(tmp_path, site_at(not_yet_data, BEFORE_MIDNIGHT, monkeypatch))
    output = tmp_path / "github-output"
    found = run_script("--built", out / "du-lieu" / "chi-tieu.json", "--deployed", deployed, "--output", output)
    assert found.returncode == 0, found.stderr
    assert found.stdout == f"{TARGET}: Đúng tiến độ → Không đạt\n"
    assert output.read_text(encoding="utf-8") == "changed=true\n"


def test_same_statuses_on_another_day_do_not_deploy(tmp_path, not_yet_data, monkeypatch):
    built = write_statuses(tmp_path, site_at(not_yet_data, AFTER_MIDNIGHT, monkeypatch))
    deployed = tmp_path / "old.json"
    deployed.write_text(built.read_text(encoding="utf-8"), encoding="utf-8")
    output = tmp_path / "github-output"
    found = run_script("--built", built, "--deployed", deployed, "--output", output)
    assert found.stdout == "Không chỉ tiêu nào đổi trạng thái: không cần triển khai.\n"
    assert output.read_text(encoding="utf-8") == "changed=false\n"


@pytest.mark.parametrize("deployed", [None, "<html>404</html>", "[]"], ids=["missing", "not json", "empty"])
def test_an_unreadable_or_empty_deployed_site_is_redeployed(tmp_path, not_yet_data, monkeypatch, deployed):
    built = write_statuses(tmp_path, site_at(not_yet_data, AFTER_MIDNIGHT, monkeypatch))
    old = tmp_path / "old.json"
    if deployed is not None:
        old.write_text(deployed, encoding="utf-8")
    output = tmp_path / "github-output"
    assert run_script("--built", built, "--deployed", old, "--output", output).returncode == 0
    assert output.read_text(encoding="utf-8") == "changed=true\n"


def test_a_new_build_without_targets_fails(tmp_path):
    missing = tmp_path / "none.json"
    result = run_script("--built", missing, "--deployed", missing)
    assert result.returncode == 1 and "Traceback" not in result.stderr


# ------------------------------------------------------------------- the workflow


def workflow():
    return load(WORKFLOW.read_text(encoding="utf-8"))


def step_named(job, word):
    return next(step for step in steps(job) if word in step.get("name", ""))


def test_the_workflow_runs_every_day_just_after_midnight_in_viet_nam():
    (schedule,) = workflow()["on"]["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert hour == "17" and int(minute) < 60 and rest == ["*", "*", "*"]  # 17:xx UTC is 00:xx in UTC+7


@pytest.mark.parametrize(
    ("changed", "build_ok", "deploys"),
    [("true", True, True), ("false", True, False), ("true", False, False)],
)
def test_the_daily_run_deploys_only_when_a_status_changed(changed, build_ok, deploys):
    wf = workflow()
    ctx = context("schedule", "refs/heads/main", changed, data_only="true")  # main's code is the deployed code
    assert evaluate_if(jobs(wf)["deploy-data"]["if"], ctx, upstream_ok=build_ok) is deploys
    assert evaluate_if(jobs(wf)["deploy"]["if"], ctx, upstream_ok=build_ok) is False
    package = step_named(jobs(wf)["data"], "Đóng gói")
    assert evaluate_if(package["if"], ctx, upstream_ok=build_ok) is deploys


def test_the_daily_run_never_deploys_code_that_was_not_deployed_after_its_tests():
    """A code push whose tests failed was not deployed: main then differs from the site in more than data/, and the
    daily run (which runs no test) must not publish that code, whatever the statuses do."""
    wf = workflow()
    ctx = context("schedule", "refs/heads/main", "true", data_only="false")
    assert not deploy_jobs(wf).keys() & running_jobs(wf, ctx)
    assert "test" not in running_jobs(wf, ctx)


def test_the_daily_run_compares_statuses_and_hands_the_answer_to_deploy():
    data = jobs(workflow())["data"]
    compare = step_named(data, "So trạng thái")
    assert compare["id"] == "statuses"
    assert "scripts/status_changes.py" in compare["run"] and '--output "$GITHUB_OUTPUT"' in compare["run"]
    for event, runs in (("schedule", True), ("push", False), ("pull_request", False)):
        assert evaluate_if(compare["if"], context(event, "refs/heads/main"), upstream_ok=True) is runs
    assert data["outputs"]["changed"] == "${{ steps.statuses.outputs.changed }}"
    assert "SITE_URL" in workflow()["env"]  # the address the compare step fetches the deployed list from


def test_a_deployed_list_carries_every_status_the_script_reads():
    site = pipeline.load_site(ROOT / "data", ROOT, dt.date(2026, 11, 29))
    records = json.loads({f.path: f.content for f in export.files(site)}["du-lieu/chi-tieu.json"])
    assert {record["trang_thai"] for record in records} <= set(status.ORDER)
    assert len(records) == len(site.plan.targets)
