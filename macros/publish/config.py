"""The engine's configuration: mkdocs.yml read in plain Python, what the data adds to it, and the mkdocs.yml of a
site-files folder (`make site-files`).

mkdocs.yml keeps what is the same for every commune. What the data decides (the plan's pages in the navigation, the
mid-term review) is added by `from_data`, which the MkDocs adapter calls in on_config and the site-files folder writes
out, so both builds have one configuration. What the theme's templates read (`extra`) is `THEME_EXTRA`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from macros.domain.site_data import SiteData
from macros.publish import navigation
from macros.site import previews
from macros.urls import Urls

# What overrides/main.html reads from config.extra: the site's own preview image, and the addresses it links to.
THEME_EXTRA = {"preview_image": previews.SITE_IMAGE, "urls": Urls.theme()}
# mkdocs.yml settings that only the build with our adapter reads: the data folder, the preview cache, the hooks.
BUILD_ONLY_EXTRA = ("data_dir", "cache_dir")
BUILD_ONLY = ("hooks", "watch", "docs_dir", "INHERIT")


def from_data(site: SiteData, config: dict) -> dict:
    """The settings the data decides, by mkdocs.yml key. (The site's name, description and licence line from
    data/xa.yml would be one more line each here.)"""
    found = {}
    if config.get("nav"):
        found["nav"] = navigation.nav(site, config["nav"])
    return found


class PythonName(str):
    """A `!!python/name:` value (the heading slugify), kept as written: the engine imports it, we never do."""


class ConfigLoader(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml: `!ENV` from the environment, `!!python/name:` kept for the engine."""


def environment_value(loader: ConfigLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, …, default]`: the first variable that is set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


ConfigLoader.add_constructor("!ENV", environment_value)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, name, node: PythonName(name))


class ConfigDumper(yaml.SafeDumper):
    pass


ConfigDumper.add_representer(
    PythonName, lambda dumper, name: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", "")
)


def merged(parent: Any, child: Any) -> Any:
    """INHERIT as MkDocs merges it: mappings key by key, anything else replaced by the child's."""
    if isinstance(parent, dict) and isinstance(child, dict):
        return {**parent, **{key: merged(parent.get(key), value) for key, value in child.items()}}
    return child


def read(path: Path) -> dict:
    """mkdocs.yml with its INHERIT merged in; site_url ends in "/" as MkDocs makes it. Relative paths stay relative
    to `path`'s folder, as MkDocs resolves them."""
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    if "INHERIT" in config:
        config = merged(read(path.parent / config.pop("INHERIT")), config)
    if config.get("site_url") and not config["site_url"].endswith("/"):
        config["site_url"] += "/"
    return config


def site_files_config(config: dict, site: SiteData) -> dict:
    """The mkdocs.yml of a site-files folder: the same theme, features, navigation, extensions and search, the pages
    in docs/ and the theme's overrides in overrides/, and no hooks and no plugin of ours."""
    found = {key: value for key, value in config.items() if key not in BUILD_ONLY}
    found["theme"] = {**config.get("theme", {}), "custom_dir": "overrides"}
    extra = {key: value for key, value in config.get("extra", {}).items() if key not in BUILD_ONLY_EXTRA}
    found["extra"] = extra | THEME_EXTRA
    return found | from_data(site, config)


def dump(config: dict) -> str:
    return yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False, width=120)
