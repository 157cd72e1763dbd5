"""Loading YAML: line numbers, duplicate keys anywhere, and no silent yes/no booleans."""

from __future__ import annotations

import datetime as dt

from macros.data.load import parse_text


def test_lines_are_remembered():
    value, problems = parse_text("a: 1\nitems:\n  - x: 1\n    y: 2\n  - x: 3\n", "data/t.yml")
    assert problems == []
    assert value.line_of("items") == 2
    assert value["items"].line_of(1) == 5
    assert value["items"][0].line_of("y") == 4


def test_duplicate_keys_are_found_at_any_depth():
    _, problems = parse_text("a: 1\nb:\n  - c: 1\n    c: 2\na: 3\n", "data/t.yml")
    assert [(p.line, p.field) for p in problems] == [(4, "c"), (5, "a")]


def test_yes_no_on_off_stay_text():
    value, _ = parse_text("a: yes\nb: no\nc: on\nd: off\ne: true\nf: False\n", "data/t.yml")
    assert value == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": True, "f": False}


def test_dates_and_numbers():
    value, _ = parse_text("d: 2026-09-30\nn: 81.82\nk: 2026-Q4\nm: 2026-11\n", "data/t.yml")
    assert value == {"d": dt.date(2026, 9, 30), "n": 81.82, "k": "2026-Q4", "m": "2026-11"}


def test_syntax_error_names_the_line_and_gives_a_hint():
    _, problems = parse_text("a: 1\n b: 2\n", "data/t.yml")
    assert len(problems) == 1 and problems[0].line == 2
    assert problems[0].fix == "viết dòng này sát lề trái, thẳng cột với dòng 1"


def test_syntax_errors_are_explained_in_vietnamese():
    cases = {'a: "x\n': "ngoặc kép mở ở dòng này chưa được đóng", "a:\n\t- b\n": "Tab", "a: 1\n b: 2\n": "thụt lề"}
    for text, words in cases.items():
        _, problems = parse_text(text, "data/t.yml")
        assert words in problems[0].message, (text, problems[0].message)
