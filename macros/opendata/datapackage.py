"""du-lieu/datapackage.json: the Frictionless Data Package that describes the open data files. Pure.

Built from columns.py, the same definitions the CSV and JSON files are written from. Each table is published
twice: the CSV file is a tabular resource with a Table Schema; the JSON file (a list of records, with real lists
and objects) is a JSON resource that carries the same schema as documentation.
"""

from __future__ import annotations

import json

from macros import slug
from macros.domain.model import Plan
from macros.formats import MISSING
from macros.opendata.columns import DATASETS, Column, Dataset
from macros.urls import Urls

DESCRIPTION = (
    "Các chỉ tiêu, nhiệm vụ và báo cáo tiến độ của Kế hoạch, đọc từ dữ liệu của trang web. "
    "Tệp CSV mã hóa UTF-8 có BOM để Excel hiển thị đúng chữ có dấu; tệp JSON mã hóa UTF-8."
)
# SPDX id -> (title, the name people write, e.g. in mkdocs.yml's copyright line, address of the licence text)
LICENCES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": (
        "Creative Commons Attribution Share-Alike 4.0",
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": ("CC0 1.0 Universal", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": (
        "Open Data Commons Open Database License 1.0",
        "ODbL 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
}


def _field(column: Column, kind: str) -> dict:
    field = {"name": column.name, "type": kind, "title": column.title, "description": column.description}
    constraints = {"required": True} if column.required else {}
    if column.choices:
        constraints["enum"] = list(column.choices)
    return field | ({"constraints": constraints} if constraints else {})


def _resource(dataset: Dataset, fmt: str) -> dict:
    kind = {"csv": lambda c: c.type, "json": lambda c: c.json}[fmt]
    return {
        "name": f"{dataset.name}-{fmt}",
        "path": dataset.file_name(fmt),  # relative to datapackage.json, which sits beside the files
        "title": f"{dataset.title} ({fmt.upper()})",
        "description": dataset.description,
        "format": fmt,
        "encoding": "utf-8",  # the CSV files start with a BOM for Excel; readers of UTF-8 skip it
        "schema": {"fields": [_field(column, kind(column)) for column in dataset.columns]},
    }


def _resources(dataset: Dataset) -> list[dict]:
    csv = _resource(dataset, "csv") | {
        "profile": "tabular-data-resource",
        "mediatype": "text/csv",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
    }
    return [csv, _resource(dataset, "json") | {"profile": "data-resource", "mediatype": "application/json"}]


def licence(plan: Plan) -> dict:
    title, _, path = LICENCES[plan.commune.licence]
    return {"name": plan.commune.licence, "title": title, "path": path}


def licence_name(plan: Plan) -> str:
    """The licence as people write it: "CC BY 4.0"."""
    return LICENCES[plan.commune.licence][1]


def _sources(plan: Plan, home: str) -> list[dict]:
    document = plan.document
    text = {"title": f"{document.kind.capitalize()} “{document.title}” ({document.issuer or MISSING})"}
    reports = {"title": "Báo cáo tiến độ của các cơ quan, đơn vị; văn bản nguồn của từng số liệu ghi ở cột nguon"}
    return [text | ({"path": home + Urls.document} if home else {}), reports]


def descriptor(plan: Plan, site_url: str) -> dict:
    commune, home = plan.commune, site_url.rstrip("/") + "/" if site_url else ""
    span = plan.document.span
    package = {
        "profile": "data-package",
        "name": f"ke-hoach-{span.baseline}-{span.last}-{slug.slugify(commune.name)}",
        "title": f"Kế hoạch {span.term} xã {commune.name} ({commune.province}): chỉ tiêu, nhiệm vụ, báo cáo tiến độ",
        "description": DESCRIPTION,
        "licenses": [licence(plan)],
        "sources": _sources(plan, home),
        "keywords": ["kế hoạch", "chỉ tiêu", "tiến độ", f"xã {commune.name}", commune.province],
        "resources": [resource for dataset in DATASETS for resource in _resources(dataset)],
    }
    return package | ({"homepage": home} if home else {})


def to_json(plan: Plan, site_url: str) -> str:
    return json.dumps(descriptor(plan, site_url), ensure_ascii=False, indent=1) + "\n"
