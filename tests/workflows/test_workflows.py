"""Security rules for the GitHub Actions workflows and the Dependabot config.

Three layers:

* zizmor (static analysis for GitHub Actions), with its pedantic persona, must report nothing;
* check-jsonschema validates every workflow and dependabot.yml against the
  schemas it ships (no network needed);
* our own rules, read from the parsed YAML: no default token permissions,
  actions pinned to a full commit SHA, no persisted credentials, every pull
  request checked, and deploy jobs that can only run after a green build on
  main, exactly one of them per deploying run, and one that waits for the whole
  test suite whenever code changed.

Every rule is also run against a small, deliberately bad workflow so that a
rule which could never fail is caught too.
"""

from __future__ import annotations

import re
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.gh_expressions import context, evaluate_if
from support.paths import ROOT
from support.workflows import (
    DEPENDABOT,
    GITHUB_DIR,
    WORKFLOWS,
    all_uses,
    deploy_jobs,
    issue_intake,
    jobs,
    load,
    running_jobs,
    steps,
    tool,
    triggers,
    upstream_jobs,
)

SHA_RE = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
USES_LINE_RE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT_RE = re.compile(r"#\s*v\d+\.\d+\.\d+\b")


MAIN = "refs/heads/main"
MUST_DEPLOY = [("push", MAIN), ("workflow_dispatch", MAIN)]
MUST_NOT_DEPLOY = [
    ("pull_request", "refs/pull/7/merge"),
    ("push", "refs/heads/thu-nghiem"),
    ("workflow_dispatch", "refs/heads/thu-nghiem"),
]


# ------------------------------------------------------------------- rules
# Each rule takes (parsed workflow, raw text) and returns a list of problems.

Rule = Callable[[dict[str, Any], str], list[str]]


def rule_top_level_permissions_empty(wf: dict[str, Any], text: str) -> list[str]:
    if wf.get("permissions") != {}:
        return [f"top-level permissions must be {{}}, got {wf.get('permissions')!r}"]
    return []


def rule_jobs_declare_permissions(wf: dict[str, Any], text: str) -> list[str]:
    problems = []
    for job_id, job in jobs(wf).items():
        perms = job.get("permissions")
        if not isinstance(perms, dict):
            problems.append(f"job {job_id}: must declare its own permissions")
            continue
        if any(v == "write" for v in perms.values()) and job_id not in deploy_jobs(wf) and not issue_intake(wf):
            problems.append(f"job {job_id}: only the deploy job may write")
    for job_id, job in deploy_jobs(wf).items():
        if job.get("permissions") != {"pages": "write", "id-token": "write"}:
            problems.append(f"job {job_id}: deploy needs exactly pages: write, id-token: write")
    return problems


def rule_uses_pinned_to_sha(wf: dict[str, Any], text: str) -> list[str]:
    problems = []
    for where, uses in all_uses(wf):
        if uses.startswith("./"):
            continue  # a local composite action lives in this repository
        if not SHA_RE.match(uses):
            problems.append(f"{where}: {uses!r} is not pinned to a 40-hex commit SHA")
    for lineno, line in enumerate(text.splitlines(), 1):
        m = USES_LINE_RE.match(line)
        local = m is not None and m["ref"].startswith("./")
        if m and not local and not VERSION_COMMENT_RE.search(m["rest"]):
            problems.append(f"line {lineno}: pinned uses needs a '# vX.Y.Z' note")
    return problems


def rule_checkout_without_credentials(wf: dict[str, Any], text: str) -> list[str]:
    problems = []
    for job_id, job in jobs(wf).items():
        for i, step in enumerate(steps(job)):
            is_checkout = str(step.get("uses", "")).startswith("actions/checkout@")
            persist = (step.get("with") or {}).get("persist-credentials")
            if is_checkout and persist is not False:
                problems.append(f"jobs.{job_id}.steps[{i}]: checkout needs persist-credentials: false")
    return problems


def rule_every_pull_request_checked(wf: dict[str, Any], text: str) -> list[str]:
    on = triggers(wf)
    if issue_intake(wf):
        return []
    problems = []
    for event in ("pull_request", "push", "workflow_dispatch"):
        if event not in on:
            problems.append(f"missing trigger {event}")
    if "pull_request_target" in on:
        problems.append("pull_request_target runs untrusted code with secrets")
    pr = on.get("pull_request") or {}
    for key in ("paths", "paths-ignore", "branches", "branches-ignore"):
        if key in pr:
            problems.append(f"pull_request must not filter on {key}")
    return problems


def rule_no_expressions_in_run(wf: dict[str, Any], text: str) -> list[str]:
    problems = []
    for job_id, job in jobs(wf).items():
        for i, step in enumerate(steps(job)):
            if "${{" in str(step.get("run", "")):
                problems.append(f"jobs.{job_id}.steps[{i}]: pass ${{{{ }}}} through env:, not inside run:")
    return problems


def runs_make(wf: dict[str, Any], job_ids: set[str], target: str) -> bool:
    """Does one of these jobs run `make <target>` (the whole word: `make test` is not `make test-data`)?"""
    pattern = re.compile(rf"\bmake {re.escape(target)}(?![\w-])")
    return any(pattern.search(str(step.get("run", ""))) for job in job_ids for step in steps(jobs(wf)[job]))


def deploy_setup_problems(wf: dict[str, Any], job_id: str, job: dict[str, Any]) -> list[str]:
    problems = []
    if not runs_make(wf, upstream_jobs(wf, job_id), "check"):
        problems.append(f"job {job_id}: must need the job that runs make check")
    env = job.get("environment")
    env_name = env.get("name") if isinstance(env, dict) else env
    if env_name != "github-pages":
        problems.append(f"job {job_id}: environment must be github-pages")
    conc = job.get("concurrency") or {}
    if conc.get("group") != "pages" or conc.get("cancel-in-progress") is not False:
        problems.append(f"job {job_id}: concurrency group pages, cancel-in-progress false")
    return problems


def deploy_run_problems(wf: dict[str, Any]) -> list[str]:
    """Exactly one deploy job on a push or a run by hand on main, whatever changed; none elsewhere, none after a
    failed build; and a deploy for a code change waits for the job that runs `make test`."""
    problems, deploys = [], set(deploy_jobs(wf))
    for data_only in ("true", "false"):
        for event, ref in MUST_DEPLOY + MUST_NOT_DEPLOY:
            ctx = context(event, ref, data_only=data_only)
            running = deploys & running_jobs(wf, ctx)
            expected = 1 if (event, ref) in MUST_DEPLOY else 0
            if len(running) != expected:
                problems.append(f"{event} to {ref} (data_only={data_only}): deploy jobs {sorted(running)}")
            untested = [
                job for job in running if data_only == "false" and not runs_make(wf, upstream_jobs(wf, job), "test")
            ]
            problems += [f"job {job}: deploys a code change without waiting for make test" for job in untested]
            for job_id in deploys:
                if evaluate_if(jobs(wf)[job_id].get("if"), ctx, upstream_ok=False):
                    problems.append(f"job {job_id}: runs on {event} to {ref} although the build failed")
    return problems


def rule_deploy_only_after_green_build_on_main(wf: dict[str, Any], text: str) -> list[str]:
    deploys = deploy_jobs(wf)
    if not deploys:
        return []  # a check-only workflow
    problems = [problem for job_id, job in deploys.items() for problem in deploy_setup_problems(wf, job_id, job)]
    try:
        problems += deploy_run_problems(wf)
    except (ValueError, KeyError, IndexError, StopIteration) as exc:
        problems.append(f"cannot read the deploy conditions: {exc}")
    return problems


RULES: list[Rule] = [
    rule_top_level_permissions_empty,
    rule_jobs_declare_permissions,
    rule_uses_pinned_to_sha,
    rule_checkout_without_credentials,
    rule_every_pull_request_checked,
    rule_no_expressions_in_run,
    rule_deploy_only_after_green_build_on_main,
]


# ---------------------------------------------------- in-memory fixtures

GOOD = textwrap.dedent(
    """\
    on:
      pull_request:
      push:
        branches: [main]
      workflow_dispatch:
    permissions: {}
    jobs:
      build:
        runs-on: ubuntu-latest
        permissions:
          contents: read
        steps:
          - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
            with:
              persist-credentials: false
          - run: make check
            env:
              REF: ${{ github.ref }}
          - run: make test
      deploy:
        needs: build
        if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
        runs-on: ubuntu-latest
        permissions:
          pages: write
          id-token: write
        concurrency:
          group: pages
          cancel-in-progress: false
        environment:
          name: github-pages
        steps:
          - uses: actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0
    """
)

BAD = textwrap.dedent(
    """\
    on:
      pull_request:
        paths: [data/**]
      push:
    permissions: write-all
    jobs:
      build:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
          - uses: actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405
          - run: echo "${{ github.event.pull_request.title }}"
          - run: make check
      deploy:
        if: always()
        runs-on: ubuntu-latest
        permissions:
          contents: write
        concurrency:
          group: pages
          cancel-in-progress: true
        steps:
          - uses: actions/deploy-pages@v4
    """
)


# ------------------------------------------------------------------- tests


def test_workflows_exist():
    assert WORKFLOWS, "no workflow under .github/workflows"
    assert DEPENDABOT.exists()


def test_zizmor_reports_nothing():
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--persona", "pedantic", "--format", "plain", str(GITHUB_DIR)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "No findings to report" in result.stdout, report


def test_zizmor_catches_a_bad_workflow(tmp_path):
    github = tmp_path / ".github"
    (github / "workflows").mkdir(parents=True)
    (github / "workflows" / "bad.yml").write_text(BAD, encoding="utf-8")
    (github / "dependabot.yml").write_text(
        "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule:\n      interval: weekly\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--format", "plain", str(github)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    for audit in ("unpinned-uses", "template-injection", "dependabot-cooldown"):
        assert audit in result.stdout, result.stdout


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_schema(path):
    result = check_jsonschema("vendor.github-workflows", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_matches_schema():
    result = check_jsonschema("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    steps: 3\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", broken).returncode != 0


def test_dependabot_has_cooldown_and_groups():
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    by_ecosystem = {u["package-ecosystem"]: u for u in config["updates"]}
    assert {"pip", "github-actions"} <= set(by_ecosystem)
    for name, update in by_ecosystem.items():
        assert update["directory"] == "/", name
        assert update["schedule"]["interval"] == "weekly", name
        assert update["cooldown"]["default-days"] >= 7, name
        group_types = [set(g.get("update-types", [])) for g in update["groups"].values()]
        assert {"minor", "patch"} in group_types, name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_rule_holds(rule: Rule, path: Path):
    text = path.read_text(encoding="utf-8")
    assert rule(load(text), text) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_rule_passes_good_example(rule: Rule):
    assert rule(load(GOOD), GOOD) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_rule_fails_bad_example(rule: Rule):
    assert rule(load(BAD), BAD) != []


def test_some_workflow_deploys_to_pages():
    assert any(deploy_jobs(load(p.read_text(encoding="utf-8"))) for p in WORKFLOWS)


def test_on_key_is_recovered_from_pyyaml_true():
    assert yaml.safe_load("on: push\n") == {True: "push"}
    assert load("on: push\n")["on"] == "push"


@pytest.mark.parametrize(
    ("expr", "event", "ref", "upstream_ok", "expected"),
    [
        (None, "pull_request", "refs/pull/1/merge", True, True),
        (None, "push", MAIN, False, False),
        ("github.event_name == 'push'", "push", MAIN, True, True),
        ("github.event_name == 'PUSH'", "push", MAIN, True, True),
        ("github.event_name == 'push'", "push", MAIN, False, False),
        (
            "${{ github.event_name != 'pull_request' }}",
            "pull_request",
            MAIN,
            True,
            False,
        ),
        ("always() && github.ref == 'refs/heads/main'", "push", MAIN, False, True),
        ("!cancelled() && (false || github.ref == 'x')", "push", "x", True, True),
    ],
)
def test_expression_evaluator(expr, event, ref, upstream_ok, expected):
    ctx = context(event, ref)
    assert evaluate_if(expr, ctx, upstream_ok=upstream_ok) is expected


def test_expression_evaluator_rejects_unknown_names():
    with pytest.raises(ValueError):
        evaluate_if("github.actor == 'x'", context("push", MAIN), upstream_ok=True)


def test_the_rules_catch_a_deploy_of_code_that_skips_the_tests():
    """The rule that guards the split of build.yml (tests/workflows/test_change_paths.py), on a workflow that deploys
    every push after the data job."""
    text = textwrap.dedent(
        """\
        on: [pull_request, push, workflow_dispatch]
        permissions: {}
        jobs:
          data:
            runs-on: ubuntu-latest
            permissions: {contents: read}
            steps:
              - run: make check
          test:
            runs-on: ubuntu-latest
            permissions: {contents: read}
            steps:
              - run: make test
          deploy:
            needs: data
            if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
            runs-on: ubuntu-latest
            permissions: {pages: write, id-token: write}
            concurrency: {group: pages, cancel-in-progress: false}
            environment: {name: github-pages}
            steps:
              - uses: actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0
        """
    )
    problems = rule_deploy_only_after_green_build_on_main(load(text), text)
    assert "job deploy: deploys a code change without waiting for make test" in problems
