"""A change to data/ alone takes the short path in CI; any other change waits for every test.

scripts/what_changed.py runs here on real git repositories, with the event names, refs and the deployed site's
ban-dung.json as GitHub and the site give them; its answer then drives the job conditions of build.yml through the
expression interpreter (support.gh_expressions), so each case is followed from the commits to the jobs that run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support.gh_expressions import context
from support.paths import ROOT
from support.workflows import WORKFLOW_DIR, jobs, load, needs_of, running_jobs, steps, upstream_jobs

SCRIPT = ROOT / "scripts" / "what_changed.py"
MAIN = "refs/heads/main"
FORM_BRANCH = "refs/heads/bao-cao/issue-42"


def workflow() -> dict:
    return load((WORKFLOW_DIR / "build.yml").read_text(encoding="utf-8"))


# ------------------------------------------------------------------- a repository like ours


class Repo:
    """A git repository with a data/ folder and code, committed to step by step."""

    def __init__(self, path: Path):
        self.path = path
        path.mkdir()
        self.git("init", "--quiet", "--initial-branch=main")
        self.git("config", "user.email", "kiem-thu@example.invalid")
        self.git("config", "user.name", "Kiểm thử")
        self.commit(
            {
                "data/cap-nhat/2026.yml": "bao_cao: []\n",
                "data/chi-tieu.yml": "chi_tieu: []\n",
                "macros/site/render.py": "X = 1\n",
                "README.md": "# Kế hoạch\n",
            }
        )

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.path, capture_output=True, text=True, check=True).stdout

    def commit(self, files: dict[str, str | None], message: str = "thay đổi") -> str:
        for name, text in files.items():
            path = self.path / name
            if text is None:
                self.git("rm", "--quiet", name)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.git("add", name)
        self.git("commit", "--quiet", "-m", message)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def deployed(self, commit: str) -> Path:
        """The ban-dung.json the site serves after a build of `commit`, as the workflow's stamp step writes it."""
        site = self.path.parent / f"site-{commit[:7]}"
        site.mkdir(exist_ok=True)
        result = run_script(self.path, "stamp", "--site", str(site), "--commit", commit)
        assert result.returncode == 0, result.stderr
        return site / "ban-dung.json"

    def compare(self, event: str, ref: str, **options: str) -> tuple[str, str]:
        """(data_only as written to $GITHUB_OUTPUT, what the script printed)."""
        output = self.path.parent / "github-output"
        output.unlink(missing_ok=True)
        args = ["compare", "--event", event, "--ref", ref, "--default-branch", "main", "--output", str(output)]
        args += [f"--{name.replace('_', '-')}={value}" for name, value in options.items()]
        result = run_script(self.path, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        lines = output.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and lines[0].startswith("data_only="), lines
        return lines[0].removeprefix("data_only="), result.stdout


def run_script(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path) -> Repo:
    return Repo(tmp_path / "repo")


REPORT = "bao_cao:\n  - chi_tieu: bao-hiem-y-te\n    ky: 2026-Q3\n    gia_tri: 81.82\n"
DATA_ONLY = {"data/cap-nhat/2026.yml": REPORT}
CODE_ONLY = {"macros/site/render.py": "X = 2\n"}
BOTH = DATA_ONLY | CODE_ONLY


def push(repo: Repo, *changes: dict) -> tuple[str, str]:
    """Deploy the current commit, then push `changes` to main; what the next run finds."""
    deployed = repo.deployed(repo.head())
    for files in changes:
        repo.commit(files)
    return repo.compare("push", MAIN, deployed=str(deployed))


def jobs_for(event: str, ref: str, data_only: str) -> set[str]:
    return running_jobs(workflow(), context(event, ref, data_only=data_only))


# ------------------------------------------------------------------- pushes to main


def test_a_push_of_data_alone_deploys_without_waiting_for_the_test_job(repo):
    data_only, printed = push(repo, DATA_ONLY)
    assert data_only == "true"
    assert "data/cap-nhat/2026.yml" in printed and "đường ngắn" in printed
    running = jobs_for("push", MAIN, data_only)
    assert {"changes", "data", "deploy-data"} <= running and "deploy" not in running
    assert "test" not in upstream_jobs(workflow(), "deploy-data")  # the full suite still runs, nobody waits for it
    assert "test" in running


@pytest.mark.parametrize("changes", [CODE_ONLY, BOTH], ids=["code only", "code and data"])
def test_a_push_with_code_waits_for_the_test_job(repo, changes):
    data_only, printed = push(repo, changes)
    assert data_only == "false"
    assert "macros/site/render.py" in printed
    running = jobs_for("push", MAIN, data_only)
    assert {"changes", "data", "test", "deploy"} <= running and "deploy-data" not in running
    assert {"data", "test"} <= upstream_jobs(workflow(), "deploy")


def test_a_push_is_measured_against_the_deployed_commit_not_the_previous_one(repo):
    """A code push whose tests failed was never deployed: the next data push must still run every test."""
    data_only, _ = push(repo, CODE_ONLY, DATA_ONLY)
    assert data_only == "false"


def test_nothing_changed_since_the_deploy_is_the_short_path(repo):
    assert push(repo)[0] == "true"


def test_a_file_moved_into_data_is_a_code_change(repo):
    data_only, printed = push(repo, {"macros/site/render.py": None, "data/render.py": "X = 1\n"})
    assert data_only == "false" and "macros/site/render.py" in printed


@pytest.mark.parametrize(
    "stamp",
    [None, "<html>404</html>", '{"commit": "khong-phai-commit"}', json.dumps({"commit": "a" * 40})],
    ids=["site down", "not json", "not a commit", "unknown commit"],
)
def test_without_a_deployed_commit_every_test_runs(repo, tmp_path, stamp):
    repo.commit(DATA_ONLY)
    deployed = tmp_path / "ban-dung.json"
    if stamp is not None:
        deployed.write_text(stamp, encoding="utf-8")
    data_only, printed = repo.compare("push", MAIN, deployed=str(deployed))
    assert data_only == "false" and "chạy toàn bộ kiểm thử" in printed
    assert "deploy" in jobs_for("push", MAIN, data_only)


def test_the_stamp_refuses_what_is_not_a_commit(repo, tmp_path):
    result = run_script(repo.path, "stamp", "--site", str(tmp_path), "--commit", "main")
    assert result.returncode != 0 and "40 ký tự" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "ban-dung.json").exists()


# ------------------------------------------------------------------- pull requests and the web form's branches


def test_a_pull_request_of_data_alone_is_green_without_the_full_suite(repo):
    base = repo.head()
    repo.commit(DATA_ONLY)
    data_only, _ = repo.compare("pull_request", "refs/pull/7/merge", pr_base=base)
    assert data_only == "true"
    running = jobs_for("pull_request", "refs/pull/7/merge", data_only)
    assert running == {"changes", "data", "data-tests"}


@pytest.mark.parametrize("changes", [CODE_ONLY, BOTH], ids=["code only", "code and data"])
def test_a_pull_request_with_code_runs_the_full_suite(repo, changes):
    base = repo.head()
    repo.commit(changes)
    data_only, _ = repo.compare("pull_request", "refs/pull/7/merge", pr_base=base)
    assert data_only == "false"
    assert jobs_for("pull_request", "refs/pull/7/merge", data_only) == {"changes", "data", "test"}


@pytest.mark.parametrize("base", [None, "--output=/tmp/x", "main"], ids=["missing", "an option", "a branch name"])
def test_a_pull_request_without_a_base_commit_runs_the_full_suite(repo, base):
    repo.commit(DATA_ONLY)
    options = {} if base is None else {"pr_base": base}
    assert repo.compare("pull_request", "refs/pull/7/merge", **options)[0] == "false"


def test_the_web_forms_branch_is_measured_from_where_it_left_main(repo):
    """The intake workflow runs build.yml on bao-cao/issue-N by hand; main may have moved on with code since."""
    fork_point = repo.head()
    repo.git("switch", "--quiet", "-c", "bao-cao/issue-42")
    repo.commit(DATA_ONLY)
    repo.git("switch", "--quiet", "main")
    main_now = repo.commit(CODE_ONLY)
    repo.git("switch", "--quiet", "bao-cao/issue-42")
    repo.git("update-ref", "refs/remotes/origin/main", main_now)  # what checkout fetches with fetch-depth: 0
    data_only, printed = repo.compare("workflow_dispatch", FORM_BRANCH)
    assert data_only == "true" and fork_point in printed
    assert jobs_for("workflow_dispatch", FORM_BRANCH, data_only) == {"changes", "data", "data-tests"}


def test_the_daily_run_needs_no_test_job():
    for data_only in ("true", "false"):
        assert not {"test", "data-tests"} & jobs_for("schedule", MAIN, data_only)


# ------------------------------------------------------------------- the jobs themselves


def test_the_data_job_installs_the_runtime_only_and_starts_at_once():
    data = jobs(workflow())["data"]
    run = "\n".join(str(step.get("run", "")) for step in steps(data))
    assert "make install-runtime" in run and "make check" in run and "make build" in run
    assert "make install\n" not in run + "\n" and "make test" not in run
    assert needs_of(data) == []


def test_the_test_jobs_run_the_full_suite_and_the_data_subset():
    wf = workflow()
    assert "make test\n" in "\n".join(str(step.get("run", "")) for step in steps(jobs(wf)["test"])) + "\n"
    assert any(step.get("run") == "make test-data" for step in steps(jobs(wf)["data-tests"]))


def test_the_changes_job_reads_the_whole_history_and_hands_its_answer_on():
    changes = jobs(workflow())["changes"]
    checkout, compare = steps(changes)
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    assert "scripts/what_changed.py compare" in compare["run"] and '--output "$GITHUB_OUTPUT"' in compare["run"]
    assert '"${SITE_URL}ban-dung.json"' in compare["run"]
    assert changes["outputs"]["data_only"] == "${{ steps.compare.outputs.data_only }}"
    assert changes["permissions"] == {"contents": "read"}


def test_every_build_says_which_commit_it_was_built_from_before_it_is_packaged():
    names = [step.get("name", "") for step in steps(jobs(workflow())["data"])]
    stamp = next(step for step in steps(jobs(workflow())["data"]) if "stamp" in str(step.get("run", "")))
    assert stamp["run"] == 'python3 scripts/what_changed.py stamp --site site --commit "$GITHUB_SHA"'
    assert "if" not in stamp
    assert names.index(stamp["name"]) < next(i for i, name in enumerate(names) if "Đóng gói" in name)


# ------------------------------------------------------------------- the data subset


def collected(marker: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", marker, "-p", "no:cacheprovider"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_the_data_subset_holds_the_checks_of_the_real_data_and_no_browser_test():
    listed = collected("data_change").stdout.splitlines()
    for wanted in (
        "tests/data/test_schemas.py::test_schemas_are_up_to_date",
        "tests/workflows/test_form_intake.py::test_the_form_is_up_to_date_with_the_data",
        "tests/data/test_validate.py::test_the_real_data_passes",
        "tests/site/test_plan_text.py::test_every_sentence_of_the_source_is_in_the_data[real_site_data]",
        "tests/site/test_site.py::test_every_registered_id_still_resolves[real]",
        "tests/site/test_budgets.py::test_search_index_is_at_most_100_kb_gzip",
    ):
        assert wanted in listed, wanted
    assert collected("data_change and browser").returncode == 5  # pytest: no test collected
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntest-data:")[1].split("\n\n")[0]
    assert "pytest" in recipe and "-m data_change" in recipe
