"""Reading GitHub Actions workflows as data: their triggers, jobs, steps, actions and job dependencies."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.gh_expressions import evaluate_if
from support.paths import ROOT

GITHUB_DIR = ROOT / ".github"
WORKFLOW_DIR = GITHUB_DIR / "workflows"
DEPENDABOT = GITHUB_DIR / "dependabot.yml"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])
DEPLOY_ACTION = "actions/deploy-pages"


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
    """The web-form intake runs on issues only; its own write rules are in tests/workflows/test_form_intake.py."""
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


def running_jobs(wf: dict[str, Any], ctx: dict[str, str]) -> set[str]:
    """The jobs that run for this context when every job that runs succeeds. A job runs when its `if:` holds and
    every job it needs ran: GitHub skips a job whose needed job was skipped, unless its `if:` calls a status
    function (then `evaluate_if` decides from `upstream_ok`)."""
    ran: set[str] = set()
    todo = list(jobs(wf))
    while todo:
        job_id = next(job for job in todo if set(needs_of(jobs(wf)[job])) <= set(jobs(wf)) - set(todo))
        todo.remove(job_id)
        upstream_ok = set(needs_of(jobs(wf)[job_id])) <= ran
        if evaluate_if(jobs(wf)[job_id].get("if"), ctx, upstream_ok=upstream_ok):
            ran.add(job_id)
    return ran


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
