"""The JSON Schemas in `schemas/`: the single source of truth for fields.

Validation, editors' YAML tooling and the field reference in the editing guide all read them.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from ..paths import SCHEMA_DIR
from .text_model import HINT, markdown_problems
from .urls import url_problem


@cache
def load_schema(collection: str, schema_dir: Path = SCHEMA_DIR) -> dict:
    return json.loads((schema_dir / f"{collection}.schema.json").read_text(encoding="utf-8"))


@cache
def _ecma(pattern: str) -> re.Pattern:
    """A schema pattern with ECMA-262 semantics: `$` is the very end (Python's `$` also matches
    before a trailing newline, so an id ending in a newline would pass `^[a-z]+$`)."""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("uri", raises=ValueError)
def _web_address(value: object) -> bool:
    if isinstance(value, str) and (reason := url_problem(value)):
        raise ValueError(reason)
    return True


def _text_kind(validator: Any, kind: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    """`x-text: plain`: one line (escaped completely when shown); `x-text: markdown`: only the inline
    Markdown of model/text_model.py."""
    if kind == "plain" and isinstance(instance, str) and ("\n" in instance or "\t" in instance):
        error = ValidationError("a line break or tab in a one-line field")
        error.cause = instance[:40].split("\n")[0]  # type: ignore[assignment]
        yield error
    if kind == "markdown" and isinstance(instance, str):
        for offset, message in markdown_problems(instance):
            error = ValidationError(message)
            error.cause = instance[max(offset, 0):offset + 40].split("\n")[0]  # type: ignore[assignment]
            yield error


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern, "x-text": _text_kind})


@cache
def validator(collection: str) -> Draft202012Validator:
    """A validator of the schema with its `$ref`s written out: same verdicts, three times faster.
    Patterns match whole values; `format: uri` is a strict http(s) address (see urls.py)."""
    return _Validator(expanded(collection), format_checker=_FORMATS)


def _inline(node: Any, base: str) -> Any:
    """Replace every `$ref` by its target (our schemas are not recursive), keeping sibling keywords."""
    if isinstance(node, list):
        return [_inline(item, base) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target_file, _, pointer = node["$ref"].partition("#")
        target_base = target_file.removesuffix(".schema.json") if target_file else base
        target: Any = load_schema(target_base)
        for part in filter(None, pointer.split("/")):
            target = target[part]
        merged = {**_inline(target, target_base), **{k: _inline(v, base) for k, v in node.items() if k != "$ref"}}
        return merged
    return {k: _inline(v, base) for k, v in node.items()}


@cache
def expanded(collection: str) -> dict:
    """The collection's schema with every reference written out: easy to walk for docs."""
    return _inline(load_schema(collection), collection)


def suggest(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


_TYPE_WORDS = {"array": "a list", "string": "text", "object": "a group of fields", "boolean": "true or false"}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if value is None:
        return "nothing (empty)"
    return f"`{value}`"


def explain(error: ValidationError, collection: str) -> Iterator[tuple[tuple, str, str, bool]]:
    """Turn a jsonschema error into (path, message, hint, at_key) in plain words."""
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        for extra in sorted(set(error.instance) - known):
            guess = suggest(extra, known)
            hint = f"did you mean `{guess}`?" if guess else f"known fields: {', '.join(sorted(known))}"
            yield path + (extra,), f"unknown field `{extra}`", hint, True
    elif kind == "required":
        missing = error.message.split("'")[1]
        hint = {"sources": "add `sources: [source-id]`",
                "added": "add `added: YYYY-MM-DD`, the day you add the record: it puts the record in the "
                         "latest additions and the feed"}.get(missing, f"add `{missing}:`")
        yield path, f"missing required field `{missing}`", hint, False
    elif kind == "pattern":
        if "[0-9]{4}" in error.validator_value:
            yield path, f"`{error.instance}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", "", False
        elif "https?" in error.validator_value:
            yield path, f"`{error.instance}` is not a web address starting with http:// or https://", "", False
        elif "a-z0-9" in error.validator_value:
            hint = "use lower-case letters, digits and single hyphens, e.g. `pfp-1994`"
            yield path, f"`{error.instance}` is not a valid id", hint, False
        else:
            yield path, f"`{error.instance}` does not have the expected form ({error.validator_value})", "", False
    elif kind == "x-text" and error.validator_value == "plain":
        yield path, error.message, "write it on one line (plain text: nothing in it is markup)", False
    elif kind == "x-text":
        yield path, f"{error.message}, at `{error.cause}`", HINT, False
    elif kind == "format" and error.validator_value == "uri":
        hint = "an absolute http(s) address, e.g. https://www.nato.int/…"
        yield path, f"not a usable web address: {error.cause}", hint, False
    elif kind == "anyOf" and path and path[-1] == "date":
        message = f"`{error.instance}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD, nor `undated`"
        yield path, message, "", False
    elif kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        guess = suggest(str(error.instance), [str(o) for o in options])
        hint = f"did you mean `{guess}`?" if guess else ""
        yield path, f"{_describe(error.instance)} is not one of: {', '.join(map(str, options))}", hint, False
    elif kind == "type":
        wanted = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        hint = "write a list like `[a, b]`" if error.validator_value == "array" else ""
        yield path, f"expected {wanted}, found {_describe(error.instance)}", hint, False
    elif kind == "minItems" and path and path[-1] == "sources":
        yield path, "no source given", "add at least one source id, e.g. `sources: [source-id]`", False
    elif kind == "minItems":
        yield path, f"needs at least {error.validator_value} item(s)", "", False
    elif kind == "minLength":
        yield path, "is empty or too short", "", False
    elif kind == "maxLength":
        yield path, f"is longer than {error.validator_value} characters", "", False
    elif kind == "dependentRequired":
        needed, _, having = error.message.partition(" is a dependency of ")
        yield path, f"`{having.strip(chr(39))}` needs `{needed.strip(chr(39))}` beside it", \
            f"add `{needed.strip(chr(39))}:`", False
    elif kind == "uniqueItems":
        yield path, "lists the same item twice", "", False
    else:
        yield path, error.message, "", False
