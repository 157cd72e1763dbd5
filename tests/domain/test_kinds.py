"""The registry of target kinds: every kind is a complete record, and every stage reads it from there.

These tests run for every kind in the registry, so a new kind is checked by the check, the schema, the status rule and
the pages as soon as its record is added."""

from __future__ import annotations

import datetime as dt

import pytest
from support.data import copy_data, messages, patch
from support.factories import make_report, make_scope, make_target
from support.paths import TODAY

from macros.data.schema import all_schemas
from macros.data.spec import RECORDS
from macros.domain import status
from macros.opendata import columns
from macros.vocabulary import kinds

KINDS = list(kinds.KINDS.values())


def target_of(kind: kinds.TargetKind, **fields):
    goal = {} if kind.yes_no else {kind.goal_attr: 10}
    deadline = None if kind.yearly == kinds.MUST else 2030
    return make_target(kind=kind.code, unit="sản phẩm", deadline=deadline, **goal | fields)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_every_kind_is_offered_by_the_check_the_schema_and_the_open_data(kind):
    assert kind.code in RECORDS["target"].field("loai").choices
    schema = all_schemas()["chi-tieu.schema.json"]
    assert kind.code in str(schema["$defs"]["target"]["properties"]["loai"])
    loai = next(column for column in columns.TARGETS.columns if column.name == "loai")
    assert kind.code in loai.choices and f"{kind.code}: {kind.help}" in loai.description


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_every_kind_has_words_for_readers(kind):
    assert kind.label and kind.help and kind.label[0].isupper()
    assert kind.goal_text(target_of(kind))
    assert kind.yes_no or kind.missing_goal


def judged(target, value) -> str:
    """The status of one report meeting or missing the goal: a quarter, or for a bình quân kind the whole year of a
    one-year plan that is over."""
    if kinds.of(target).average:
        scope = make_scope(span=(2026, 2026, None))
        return status.assess(target, (make_report("2026", value),), dt.date(2027, 1, 5), scope).status
    return status.assess(target, (make_report("2026-Q3", value, dt.date(2026, 9, 30)),), TODAY).status


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_every_kind_is_judged_met_and_not_met(kind):
    target = target_of(kind)
    met, short = (True, False) if kind.yes_no else (10, 9)
    assert kinds.of(target).is_met(target, met) and not kinds.of(target).is_met(target, short)
    assert judged(target, met) == status.ACHIEVED
    assert judged(target, short) != status.ACHIEVED


@pytest.mark.parametrize("kind", [k for k in KINDS if not k.yes_no], ids=lambda k: k.code)
def test_the_check_asks_a_numeric_kind_for_its_goal(tmp_path, kind):
    data = copy_data(tmp_path)
    deadline = kinds.YEARLY if kind.yearly == kinds.MUST else "2030"
    values = '    gia_tri_tu: null\n    gia_tri_den: null\n    don_vi: "%"\n'
    old = f"    loai: tich-luy\n    gia_tri: 100\n{values}    han: 2030\n"
    patch(data, "chi-tieu.yml", old, f"    loai: {kind.code}\n    gia_tri: null\n{values}    han: {deadline}\n")
    key = RECORDS["target"].key_of(kind.goal_attr)
    assert any(f"{key}: {kind.missing_goal}" in message for message in messages(data, TODAY))


def test_the_deadline_rule_names_the_kinds_from_the_registry():
    rule = kinds.deadline_rule()
    assert all(k.code in rule for k in KINDS if k.yearly != kinds.NEVER)
