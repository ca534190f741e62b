"""The one reader of `mkdocs.yml`, for everything outside MkDocs (the command-line twin, the link
check, the Zensical config, publishing).

MkDocs reads its config with two extra YAML tags:
- `!ENV VAR`, `!ENV [VAR, default]`, `!ENV [VAR1, VAR2, default]`: the first variable that is set,
  its text typed like a plain YAML scalar (`true` → True); else the default (the last item of a list
  of two or more), else null — the rules of MkDocs' `pyyaml_env_tag`;
- `!!python/name:module.attr`: a Python object, which only MkDocs needs; it reads here as null.

`read_config(path)` gives the values as MkDocs would see them; `read_config(path, keep_tags=True)`
keeps every tag as a `Tagged` value, for writing the configuration out again (`dump_config`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import yaml


class Tagged(NamedTuple):
    """A value with a YAML tag (`!ENV`, `!!python/name:`) kept as written."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    environ: Mapping[str, str] = os.environ


class _KeepTags(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _env(loader: _Loader, node: yaml.Node) -> Any:
    """`!ENV` as MkDocs resolves it."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(None, None, f"!ENV takes a name or a list, not {node.id}",
                                                node.start_mark)
    for name in names:
        if name in loader.environ:
            text = loader.environ[name]
            tag = loader.resolve(yaml.ScalarNode, text, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, text))
    return default


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_KeepTags.add_multi_constructor("!", _tagged)
_KeepTags.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent)
_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def read_config(path: Path, environ: Mapping[str, str] | None = None, keep_tags: bool = False) -> dict[str, Any]:
    """mkdocs.yml as a dict ({} when the file is missing or not a mapping).

    `environ` (default: the process environment) resolves `!ENV`; with `keep_tags` nothing is resolved.
    """
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    if keep_tags:
        config = yaml.load(text, Loader=_KeepTags)
    else:
        loader_class = type("_EnvLoader", (_Loader,), {"environ": os.environ if environ is None else environ})
        config = yaml.load(text, Loader=loader_class)
    return config if isinstance(config, dict) else {}


def dump_config(config: dict[str, Any]) -> str:
    """YAML text of a configuration read with `keep_tags=True`, tags written back as they were."""
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
