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
from .dates import DateError, parse_date
from .languages import BASE, translated
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
_DATE_SHAPE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


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


@_FORMATS.checks("partial-date", raises=DateError)
def _partial_date(value: object) -> bool:
    """A date that exists, with honest precision. A value of another shape is the pattern's to report."""
    if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
        parse_date(value)
    return True


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
    """The collection's schema with every reference written out: easy to walk for docs. Its
    `translations` field is derived from the fields marked `"x-translate"` (see `_translations`)."""
    schema = _inline(load_schema(collection), collection)
    properties = schema.get("properties", {})
    if isinstance(properties.get("translations"), dict) and properties["translations"].get("x-translations"):
        properties["translations"] = _translations(schema, properties["translations"])
    return schema


def _translation_of(node: dict) -> dict | None:
    """The schema of a field's translation: a field marked `"x-translate"` keeps its own rules (`x-text`,
    lengths, citations); a group or a list of groups keeps only its translatable fields."""
    if node.get("x-translate"):
        return {k: v for k, v in node.items() if k != "x-translate"}
    if node.get("type") == "object" and isinstance(node.get("properties"), dict):
        inner = {name: found for name, sub in node["properties"].items()
                 if name != "translations" and (found := _translation_of(sub))}
        return {"type": "object", "additionalProperties": False, "properties": inner} if inner else None
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        found = _translation_of(node["items"])
        if found:
            return {"type": "array", "items": found, "description": "The same items in the same order as the "
                    "English list, each with its translated fields: " + node.get("description", "")}
    return None


def _translations(schema: dict, generic: dict) -> dict:
    """`translations: {<language>: {by, source, <translated fields>}}` for every declared language: the
    generic form in common.schema.json (what editors' tools see) made strict, so that a translated field
    the record cannot have, or a language without a label table, is an unknown field."""
    entry = generic["additionalProperties"]
    fields = (_translation_of(schema) or {}).get("properties", {})
    strict = {**entry, "additionalProperties": False,
              "properties": {**entry["properties"], **fields}}
    return {"type": "object", "additionalProperties": False, "x-languages": True,
            "description": generic.get("description", ""),
            "properties": {code: strict for code in translated()}}


def suggest(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


ANY = None  # in a link's path: every item of a list


def _fields(node: dict, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """Every schema node with its path (`ANY` for list items), the branches of `anyOf` included."""
    yield path, node
    for branch in node.get("anyOf", []):
        yield from _fields(branch, path)
    for name, sub in node.get("properties", {}).items():
        yield from _fields(sub, path + (name,))
    if isinstance(node.get("items"), dict):
        yield from _fields(node["items"], path + (ANY,))


@cache
def links(collection: str) -> tuple[tuple[tuple, str], ...]:
    """(path, target collection) of every field declared with `"x-refers-to"`, in schema order;
    `ANY` in a path stands for every item of a list, e.g. `("disagreements", ANY, "readings", ANY, "sources", ANY)`."""
    return tuple((path, node["x-refers-to"]) for path, node in _fields(expanded(collection)) if "x-refers-to" in node)


@cache
def cited_fields(collection: str) -> tuple[tuple[tuple, str], ...]:
    """(path, target collection) of every text field whose inline citations `[@id]` refer to records
    (`"x-cites"` in the schema), e.g. `(("summary",), "sources")`."""
    return tuple((path, node["x-cites"]) for path, node in _fields(expanded(collection)) if "x-cites" in node)


@cache
def translatable_fields(collection: str) -> tuple[tuple[tuple, bool], ...]:
    """(path, counted) of every field marked `"x-translate"`, outside `translations` itself; `counted` is
    False for fields translated only where they differ (`"x-translate": "if-different"`: a person's name)."""
    return tuple((path, node["x-translate"] is True) for path, node in _fields(expanded(collection))
                 if node.get("x-translate") and "translations" not in path)


@cache
def own_words_fields(collection: str) -> tuple[tuple[tuple, str], ...]:
    """(path, language) of every text field written in the editors' words (`x-text`, not `"x-verbatim"`,
    which marks words as a source prints them: a quote, a source's title), translations included; e.g.
    `(("summary",), "en")`, `(("translations", "az", "roles", ANY, "title"), "az")`."""
    found = []
    for path, node in _fields(expanded(collection)):
        if "x-text" in node and not node.get("x-verbatim"):
            in_translation = len(path) > 2 and path[0] == "translations"
            found.append((path, path[1] if in_translation else BASE))
    return tuple(dict.fromkeys(found))


@cache
def date_fields(collection: str) -> tuple[tuple, ...]:
    """Paths of every partial date (`"format": "partial-date"`), in schema order."""
    return tuple(dict.fromkeys(path for path, node in _fields(expanded(collection))
                               if node.get("format") == "partial-date"))


def labels(collection: str, field: str) -> dict[str, str]:
    """The words shown for each value of an enum field (`"x-labels"` in the schema); `field` may be a
    dotted path through groups and lists of groups, e.g. `disagreements.weight`."""
    node = expanded(collection)
    for part in field.split("."):
        node = node.get("items", node) if node.get("type") == "array" else node
        node = node["properties"][part]
    return dict(node["x-labels"])


def enum(collection: str, field: str) -> list[str]:
    return list(expanded(collection)["properties"][field]["enum"])


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


Explained = tuple[tuple, str, str, bool]  # (path, message, hint, at the key rather than the value)


def _unknown_fields(error: ValidationError, path: tuple) -> Iterator[Explained]:
    known = set(error.schema.get("properties", {}))
    if error.schema.get("x-languages"):  # a key of `translations`
        for extra in sorted(set(error.instance) - known):
            hint = f"languages with a label table in i18n/: {', '.join(sorted(known)) or 'none'}"
            yield path + (extra,), f"`{extra}` is not a declared language", hint, True
        return
    for extra in sorted(set(error.instance) - known):
        guess = suggest(extra, known)
        hint = f"did you mean `{guess}`?" if guess else f"known fields: {', '.join(sorted(known))}"
        yield path + (extra,), f"unknown field `{extra}`", hint, True


def _missing_fields(error: ValidationError, path: tuple) -> Iterator[Explained]:
    """Every missing field of the object (jsonschema reports them one by one; duplicates are dropped later)."""
    properties = error.schema.get("properties", {})
    for missing in error.validator_value:
        if missing not in error.instance:
            custom = properties.get(missing, {}).get("x-messages", {}).get("required", {})
            yield path, f"missing required field `{missing}`", custom.get("hint", f"add `{missing}:`"), False


def _not_one_of(error: ValidationError, path: tuple) -> Iterator[Explained]:
    options = error.validator_value if error.validator == "enum" else [error.validator_value]
    guess = suggest(str(error.instance), [str(o) for o in options])
    hint = f"did you mean `{guess}`?" if guess else ""
    yield path, f"{_describe(error.instance)} is not one of: {', '.join(map(str, options))}", hint, False


def _wrong_type(error: ValidationError, path: tuple) -> Iterator[Explained]:
    wanted = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
    hint = "write a list like `[a, b]`" if error.validator_value == "array" else ""
    yield path, f"expected {wanted}, found {_describe(error.instance)}", hint, False


def _text_rule(error: ValidationError, path: tuple) -> Iterator[Explained]:
    if error.validator_value == "plain":
        yield path, error.message, "write it on one line (plain text: nothing in it is markup)", False
    else:
        yield path, f"{error.message}, at `{error.cause}`", HINT, False


def _needs_companion(error: ValidationError, path: tuple) -> Iterator[Explained]:
    for having, needed in error.validator_value.items():
        for name in needed if having in error.instance else []:
            if name not in error.instance:
                yield path, f"`{having}` needs `{name}` beside it", f"add `{name}:`", False


_PLAIN: dict[str, Any] = {
    "additionalProperties": _unknown_fields,
    "required": _missing_fields,
    "enum": _not_one_of,
    "const": _not_one_of,
    "type": _wrong_type,
    "dependentRequired": _needs_companion,
    "x-text": _text_rule,
    "pattern": "`{value}` does not have the expected form ({rule})",
    "minItems": "needs at least {rule} item(s)",
    "maxItems": "lists more than {rule} items: keep at most {rule}",
    "minLength": "is empty or too short",
    "maxLength": "is longer than {rule} characters",
    "uniqueItems": "lists the same item twice",
}


def explain(error: ValidationError) -> Iterator[Explained]:
    """A jsonschema error in plain words, from its structured fields (`validator`, `validator_value`,
    `schema`): the schema's own `"x-messages"` for that keyword first, then the wording above."""
    if error.validator == "anyOf":  # a date that does not exist, rather than "not one of the choices"
        inner = [e for e in error.context or [] if e.validator == "format"]
        if inner:
            yield from explain(inner[0])
            return
    path = tuple(error.absolute_path)
    custom = error.schema.get("x-messages", {}).get(error.validator) if isinstance(error.schema, dict) else None
    if custom and "message" in custom:
        yield path, custom["message"].format(value=error.instance, cause=error.cause), custom.get("hint", ""), False
        return
    plain = _PLAIN.get(str(error.validator))
    if plain is None:
        yield path, error.message, "", False
    elif callable(plain):
        yield from plain(error, path)
    else:
        yield path, plain.format(value=error.instance, rule=error.validator_value), "", False
