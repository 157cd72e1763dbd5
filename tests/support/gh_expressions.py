"""A tiny interpreter of GitHub Actions `if:` expressions, to tell whether a job runs for an event and a ref."""

from __future__ import annotations

import re
from typing import Any

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


def context(event: str, ref: str, changed: str = "false", data_only: str = "false") -> dict[str, str]:
    """The names a job condition of build.yml may read: `changed` is what the daily run found
    (scripts/status_changes.py), `data_only` whether only data/ changed (scripts/what_changed.py)."""
    names = {"github.event_name": event, "github.ref": ref}
    names |= {"needs.data.outputs.changed": changed, "steps.statuses.outputs.changed": changed}
    return names | {"needs.changes.outputs.data_only": data_only}
