"""JSON Schemas for the data files, generated from the same field specs the check uses.

Editors that read `# yaml-language-server: $schema=…` show each field's Vietnamese title and help on hover.
"""

from __future__ import annotations

from macros.data.spec import ABBREVIATION_PATTERN, FILES, ID_PATTERN, RECORDS, Field
from macros.data.validate import PLAUSIBLE_YEARS
from macros.vocabulary import kinds, periods

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TEXT = {"type": "string", "minLength": 1}
YEAR = {"type": "integer", "minimum": PLAUSIBLE_YEARS[0], "maximum": PLAUSIBLE_YEARS[1]}
ID = {"type": "string", "pattern": ID_PATTERN}
NUMBER = {"type": "number"}

KIND_SCHEMAS = {
    "text": TEXT,
    "texts": {"type": "array", "items": TEXT, "minItems": 1},
    "id": ID,
    "ref": ID,
    "anchor": ID,
    "refs": {"type": "array", "items": ID},
    "anchors": {"type": "array", "items": ID, "minItems": 1},
    "sources": {"type": "array", "items": ID, "minItems": 1},
    "number": NUMBER,
    "year": YEAR,
    "deadline": {"anyOf": [YEAR, {"const": kinds.YEARLY}]},
    "date": {"type": "string", "format": "date"},
    "bool": {"type": "boolean"},
    "value": {"type": ["number", "boolean"]},
    "period": {"anyOf": [{"type": "string", "pattern": periods.PATTERN}, YEAR]},
    "hamlet_values": {"type": "object", "additionalProperties": NUMBER},
    "redirects": {"type": "object", "additionalProperties": {"type": "string"}},
    "abbreviation": {"type": "string", "pattern": ABBREVIATION_PATTERN},
}


def _field_schema(field: Field) -> dict:
    if field.kind == "records":
        body = {"type": "array", "items": {"$ref": f"#/$defs/{field.record}"}}
    elif field.kind == "record":
        body = {"$ref": f"#/$defs/{field.record}"}
    elif field.kind == "enum":
        body = {"enum": list(field.choices)}
    elif field.kind == "enums":
        body = {"type": "array", "items": {"enum": list(field.choices)}, "minItems": 1}
    else:
        body = dict(KIND_SCHEMAS[field.kind])
    if field.kind == "text":
        body["maxLength"] = field.max_length
    elif field.kind == "texts":
        body["items"] = {**TEXT, "maxLength": field.max_length}
    nullable = {"anyOf": [body, {"type": "null"}]} if not field.required else body
    return {"title": field.title, "description": field.description, **nullable}


def _record_schema(name: str) -> dict:
    record = RECORDS[name]
    return {
        "type": "object",
        "title": record.title,
        "properties": {field.name: _field_schema(field) for field in record.fields},
        "required": [field.name for field in record.fields if field.required],
        "additionalProperties": False,
    }


def _used_records(name: str, found: set[str]) -> set[str]:
    found.add(name)
    for field in RECORDS[name].fields:
        if field.record and field.record not in found:
            _used_records(field.record, found)
    return found


def schema_for(root: str, file_name: str) -> dict:
    """The schema of one data file whose top-level record is `root`."""
    definitions = {name: _record_schema(name) for name in sorted(_used_records(root, set()))}
    top = definitions[root]
    return {"$schema": DRAFT, "$id": file_name, **top, "$defs": definitions}


def all_schemas() -> dict[str, dict]:
    """File name -> schema, for every data file kind."""
    return {spec.schema: schema_for(spec.root, spec.schema) for spec in FILES if spec.schema}
