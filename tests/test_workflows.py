"""Security rules for the GitHub Actions workflows and the Dependabot config.

Three layers:

* zizmor (static analysis for GitHub Actions) must report nothing;
* check-jsonschema validates every workflow and dependabot.yml against the
  schemas it ships (no network needed);
* our own rules, read from the parsed YAML: no default token permissions,
  actions pinned to a full commit SHA, no persisted credentials, every pull
  request checked, and a deploy job that can only run after a green build on
  main.

Every rule is also run against a small, deliberately bad workflow so that a
rule which could never fail is caught too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB_DIR = ROOT / ".github"
WORKFLOW_DIR = GITHUB_DIR / "workflows"
DEPENDABOT = GITHUB_DIR / "dependabot.yml"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])

SHA_RE = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
USES_LINE_RE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT_RE = re.compile(r"#\s*v\d+\.\d+\.\d+\b")
DEPLOY_ACTION = "actions/deploy-pages"


# ---------------------------------------------------------------- helpers


def tool(name: str) -> str:
    """A console script from the project's venv, else from PATH."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; run `make install`")
    return found


def load(text: str) -> dict[str, Any]:
    """Parse a workflow. PyYAML (YAML 1.1) reads the key `on` as True."""
    data = yaml.safe_load(text)
    assert isinstance(data, dict), "a workflow must be a mapping"
    if True in data and "on" not in data:
        data["on"] = data.pop(True)
    return data


def triggers(wf: dict[str, Any]) -> dict[str, Any]:
    on = wf.get("on")
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    if isinstance(on, dict):
        return on
    return {}


def issue_intake(wf: dict[str, Any]) -> bool:
    """The web-form intake runs on issues only; its own write rules are in tests/test_form_intake.py."""
    return set(triggers(wf)) == {"issues"}


def jobs(wf: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return wf.get("jobs") or {}


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps") or []


def all_uses(wf: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, uses) for every step-level and job-level (reusable) `uses`."""
    found = []
    for job_id, job in jobs(wf).items():
        if "uses" in job:
            found.append((f"jobs.{job_id}", str(job["uses"])))
        for i, step in enumerate(steps(job)):
            if "uses" in step:
                found.append((f"jobs.{job_id}.steps[{i}]", str(step["uses"])))
    return found


def needs_of(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs") or []
    return [needs] if isinstance(needs, str) else list(needs)


def deploy_jobs(wf: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        job_id: job
        for job_id, job in jobs(wf).items()
        if any(str(step.get("uses", "")).startswith(DEPLOY_ACTION + "@") for step in steps(job))
    }


def upstream_jobs(wf: dict[str, Any], job_id: str) -> set[str]:
    """Every job that `job_id` needs, directly or through another job."""
    seen: set[str] = set()
    todo = needs_of(jobs(wf).get(job_id, {}))
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(needs_of(jobs(wf).get(current, {})))
    return seen


# ------------------------------------------- a tiny `if:` expression evaluator
#
# Enough of the GitHub Actions expression language to decide, for a given
# event and ref, whether a job runs: string literals, github.* context,
# == and != (case-insensitive, as GitHub does), !, &&, ||, parentheses and
# the status functions. Anything else raises, so an unexpected expression
# fails the test rather than passing silently.

TOKEN_RE = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||!|\(|\))"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_.\-]*))"
)


def _tokens(expr: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        m = TOKEN_RE.match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot read expression at {expr[pos:]!r}")
        kind = m.lastgroup
        assert kind is not None
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def evaluate_if(expr: Any, context: dict[str, str], *, upstream_ok: bool) -> bool:
    """Would a job with this `if:` run? Missing `if:` means success()."""
    if expr is None:
        return upstream_ok
    if isinstance(expr, bool):
        return expr and upstream_ok
    text = str(expr).strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    toks = _tokens(text)
    pos = 0
    uses_status = False

    def peek() -> tuple[str, str] | None:
        return toks[pos] if pos < len(toks) else None

    def take() -> tuple[str, str]:
        nonlocal pos
        tok = toks[pos]
        pos += 1
        return tok

    def primary() -> Any:
        nonlocal uses_status
        kind, value = take()
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if (kind, value) == ("op", "("):
            result = or_expr()
            if take() != ("op", ")"):
                raise ValueError("missing )")
            return result
        if kind == "name":
            if peek() == ("op", "("):
                take()
                if take() != ("op", ")"):
                    raise ValueError(f"{value}() takes no arguments here")
                uses_status = True
                return {
                    "success": upstream_ok,
                    "failure": not upstream_ok,
                    "always": True,
                    "cancelled": False,
                }[value]
            if value in ("true", "false"):
                return value == "true"
            if value in context:
                return context[value]
            raise ValueError(f"unknown name {value!r}")
        raise ValueError(f"unexpected {value!r}")

    def comparison() -> Any:
        left = primary()
        if peek() in (("op", "=="), ("op", "!=")):
            _, op = take()
            right = primary()
            same = str(left).lower() == str(right).lower()
            return same if op == "==" else not same
        return left

    def unary() -> Any:
        if peek() == ("op", "!"):
            take()
            return not unary()
        return comparison()

    def and_expr() -> Any:
        result = unary()
        while peek() == ("op", "&&"):
            take()
            right = unary()
            result = result and right
        return result

    def or_expr() -> Any:
        result = and_expr()
        while peek() == ("op", "||"):
            take()
            right = and_expr()
            result = result or right
        return result

    value = bool(or_expr())
    if pos != len(toks):
        raise ValueError(f"trailing tokens in {text!r}")
    # Without a status function GitHub adds an implicit success().
    return value if uses_status else value and upstream_ok


def context(event: str, ref: str) -> dict[str, str]:
    return {"github.event_name": event, "github.ref": ref}


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


def rule_deploy_only_after_green_build_on_main(wf: dict[str, Any], text: str) -> list[str]:
    deploys = deploy_jobs(wf)
    if not deploys:
        return []  # a check-only workflow
    problems = []
    for job_id, job in deploys.items():
        upstream = upstream_jobs(wf, job_id)
        if not any("make check" in str(step.get("run", "")) for other in upstream for step in steps(jobs(wf)[other])):
            problems.append(f"job {job_id}: must need the job that runs make check")
        env = job.get("environment")
        env_name = env.get("name") if isinstance(env, dict) else env
        if env_name != "github-pages":
            problems.append(f"job {job_id}: environment must be github-pages")
        conc = job.get("concurrency") or {}
        if conc.get("group") != "pages" or conc.get("cancel-in-progress") is not False:
            problems.append(f"job {job_id}: concurrency group pages, cancel-in-progress false")
        try:
            for event, ref in MUST_DEPLOY:
                ctx = context(event, ref)
                if not evaluate_if(job.get("if"), ctx, upstream_ok=True):
                    problems.append(f"job {job_id}: does not run on {event} to {ref}")
            for event, ref in MUST_NOT_DEPLOY:
                ctx = context(event, ref)
                if evaluate_if(job.get("if"), ctx, upstream_ok=True):
                    problems.append(f"job {job_id}: runs on {event} to {ref}")
            for event, ref in MUST_DEPLOY:
                ctx = context(event, ref)
                if evaluate_if(job.get("if"), ctx, upstream_ok=False):
                    problems.append(f"job {job_id}: runs although the build failed")
        except (ValueError, KeyError, IndexError) as exc:
            problems.append(f"job {job_id}: cannot read if: {exc}")
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
        [tool("zizmor"), "--offline", "--format", "plain", str(GITHUB_DIR)],
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
