"""JSON Schemas of the content files, made from the models and the wording in
catalog/fields.yml (as the field guide is, field_guide.py), so validator, editor hints and
guide agree. The schemas accept what the loader accepts, which is more than the Python
types say: numbers as text, Thai or ISO dates, one value for a list (TextList)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .catalog import field_docs
from .field_guide import GUIDE, MODELS, Docs, field_guide, models_in, named_type, one_line
from .fields import TextList
from .kinds.registry import DocumentKind
from .oit.catalog import Catalog
from .oit.local import element_line
from .richtext import RichText

_ONE_OR_MANY = TextList.__metadata__[0].func


def write_schema(out: Path) -> list[Path]:
    """Write one JSON Schema per kind of content file, and the field guide, into `out`."""
    docs = field_docs()
    files = {kind.schema_file: json.dumps(kind_schema(kind, docs), ensure_ascii=False, indent=2) for kind in MODELS}
    files[GUIDE] = field_guide(docs)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        data = (text.rstrip("\n") + "\n").encode("utf-8")
        if not (out / name).is_file() or (out / name).read_bytes() != data:  # unchanged files keep their mtime
            (out / name).write_bytes(data)
    return [out / name for name in files]



# --- JSON Schema -----------------------------------------------------------------


class StaffJsonSchema(GenerateJsonSchema):
    """Schema of what the loader accepts, which is more than the Python types say."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        return {"type": ["string", "number"]}  # Strict models read numbers as text

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string"}  # Thai or ISO, either era: the description gives the format

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        inner = super().function_before_schema(schema)
        if schema["function"]["function"] is _ONE_OR_MANY:
            return {"anyOf": [inner["items"], inner]}
        if schema["function"]["function"] is element_line:
            return {"anyOf": [{"type": "string"}, inner]}
        return inner


# A file that may also hold another shape, told apart by one key: an office's OIT list is
# either corrections of a bundled list or a whole list written like the bundled ones.
ALTERNATIVES: dict[str, tuple[str, type[BaseModel]]] = {"oit_catalog": ("indicators", Catalog)}


def kind_schema(kind: DocumentKind, docs: Docs) -> dict[str, Any]:
    schema = _name_rich_text(kind.model.model_json_schema(mode="validation", schema_generator=StaffJsonSchema), docs)
    for model in models_in(kind.model):
        _describe(schema if model is kind.model else schema["$defs"][model.__name__], model, docs)
    if kind.name in ALTERNATIVES:
        schema = _either(schema, kind.model, *ALTERNATIVES[kind.name])
    return _canonical(schema)


def _either(schema: dict[str, Any], model: type[BaseModel], key: str, other: type[BaseModel]) -> dict[str, Any]:
    """`schema` (of `model`), or the schema of `other` where the file has `key`."""
    alternative = other.model_json_schema(mode="validation", schema_generator=StaffJsonSchema)
    defs = schema.pop("$defs", {})
    for name, definition in alternative.pop("$defs", {}).items():
        defs.setdefault(name, definition)  # a model both use (Element) keeps its Thai words
    head = {k: schema.pop(k) for k in ("title", "description") if k in schema}
    defs |= {model.__name__: schema, other.__name__: alternative}
    return {**head, "$defs": defs, "if": {"required": [key]}, "then": {"$ref": f"#/$defs/{other.__name__}"},
            "else": {"$ref": f"#/$defs/{model.__name__}"}}


def _name_rich_text(schema: dict[str, Any], docs: Docs) -> dict[str, Any]:
    """One named, described RichText definition instead of a copy of the union in every field."""
    rich = TypeAdapter(RichText).json_schema(schema_generator=StaffJsonSchema)
    rich.pop("$defs", None)
    block = rich["oneOf"][0]
    named = _replace(schema, rich, {"$ref": "#/$defs/RichText"})
    if named != schema:
        entry = docs["RichText"]
        named["$defs"]["Block"] = {**block, "title": "Block"}
        named["$defs"]["RichText"] = {
            **_replace(rich, block, {"$ref": "#/$defs/Block"}),
            "title": "RichText",
            "description": one_line(entry["th"]),
            "examples": [entry["example"]],
        }
    return named


def _replace(node: Any, shape: Any, ref: dict[str, str]) -> Any:
    if node == shape:
        return dict(ref)
    if isinstance(node, dict):
        return {key: _replace(value, shape, ref) for key, value in node.items()}
    if isinstance(node, list):
        return [_replace(value, shape, ref) for value in node]
    return node


def _describe(node: dict[str, Any], model: type[BaseModel], docs: Docs) -> None:
    """Thai description and example of the model and of each of its fields."""
    node["description"] = one_line(docs[model.__name__]["th"])
    for name, field in model.model_fields.items():
        doc, prop = docs[f"{model.__name__}.{name}"], node["properties"][name]
        prop.pop("title", None)
        if list(prop) == ["$ref"]:  # draft-07 editors ignore words beside a bare $ref
            prop = node["properties"][name] = {"allOf": [prop]}
        hint = docs["guide"]["date_hint"] if named_type(field.rebuild_annotation()) in ("date", "deadline") else ""
        prop["description"] = one_line(f"{doc['th']} {hint}")
        prop["examples"] = [doc["example"]]


def _canonical(node: Any, field_names: bool = False) -> Any:
    """Keywords sorted; properties stay in model order, the order staff read them in."""
    if isinstance(node, dict):
        keys = list(node) if field_names else sorted(node)
        return {key: _canonical(node[key], key == "properties" and not field_names) for key in keys}
    return [_canonical(value) for value in node] if isinstance(node, list) else node
