"""JSON Schemas are generated from the check's own field specs, kept current, and named by every data file."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml
from support.paths import ROOT

from macros.data.schema import all_schemas
from macros.data.spec import FILES

SCHEMAS = ROOT / "data" / "schemas"
DATA_FILES = [(path, spec) for spec in FILES if spec.schema for path in sorted((ROOT / "data").glob(spec.pattern))]


@pytest.mark.data_change
def test_schemas_are_up_to_date():
    for name, body in all_schemas().items():
        on_disk = SCHEMAS / name
        assert on_disk.exists(), f"{name} is missing: run make schemas"
        assert json.loads(on_disk.read_text(encoding="utf-8")) == body, f"{name} is stale: run make schemas"


def _plain(value):
    """YAML dates become the strings a JSON Schema expects."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.data_change
@pytest.mark.parametrize(("path", "spec"), DATA_FILES, ids=[p.relative_to(ROOT).as_posix() for p, _ in DATA_FILES])
def test_data_file_names_its_schema_and_validates(path, spec):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    relative = "../" * (len(path.relative_to(ROOT / "data").parts) - 1) + "schemas/" + spec.schema
    assert first == f"# yaml-language-server: $schema={relative}"
    schema = json.loads((SCHEMAS / spec.schema).read_text(encoding="utf-8"))
    jsonschema.validate(
        _plain(yaml.safe_load(path.read_text(encoding="utf-8"))), schema, format_checker=jsonschema.FormatChecker()
    )


def test_every_field_has_vietnamese_help():
    for body in all_schemas().values():
        for record in body["$defs"].values():
            for name, field in record["properties"].items():
                assert field["title"] and field["description"], name


def test_schema_rejects_an_unknown_field():
    schema = all_schemas()["cap-nhat.schema.json"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"bao_cao": [{"chi_tieu": "x", "gia_tr": 1}]}, schema)
