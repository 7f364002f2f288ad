"""The JSON Schemas and the Thai field guide in schema/ document every field, with
examples that are valid, and are exactly what `make schema` writes today."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from generator.catalog import field_docs
from generator.field_guide import GUIDE, MODELS, example_document, models_in
from generator.richtext import RichText
from generator.schema_doc import write_schema

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "schema"
CONTEXT = {"content_dir": None}
EXPECTED_MODELS = {
    "SiteSettings", "Organization", "Executive", "Unit", "MapLocation", "SocialLink",
    "ItaAnalysis", "ToolResult", "Indicator", "MeasureDocument", "Measure", "Ref", "Action",
    "RowImage", "MeasureTotal",
    "Announcement", "Section", "Memo", "Signature", "PageMeta", "NewsPost", "NewsImage", "NewsAttachment",
    "ListBlock", "ListItem", "TableBlock", "Table", "GroupRow", "HeadingBlock",
    "OitBindings", "OitBinding", "Corrections", "ItemCorrection", "Element",
}  # fmt: skip


def all_models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for kind in MODELS:
        models_in(kind.model, found)
    return found


def all_fields() -> list[tuple[str, Any]]:
    return [(f"{m.__name__}.{name}", field) for m in all_models() for name, field in m.model_fields.items()]


def test_the_walk_reaches_every_content_model():
    assert {m.__name__ for m in all_models()} == EXPECTED_MODELS


def test_every_model_and_field_has_thai_words_and_an_example():
    docs = field_docs()
    missing = [m.__name__ for m in all_models() if not str(docs.get(m.__name__, {}).get("th", "")).strip()]
    for key, _ in all_fields():
        entry = docs.get(key) or {}
        if not str(entry.get("th", "")).strip():
            missing.append(f"{key} (th)")
        if "example" not in entry or entry["example"] in (None, "", [], {}):
            missing.append(f"{key} (example)")
    assert not missing, "generator/catalog/fields.yml lacks: " + ", ".join(missing)


def test_top_level_models_say_which_file_they_live_in():
    docs = field_docs()
    assert all(docs[kind.model.__name__].get("file") for kind in MODELS)


def test_catalog_has_no_entries_for_fields_that_do_not_exist():
    known = {key for key, _ in all_fields()} | {m.__name__ for m in all_models()} | {"guide", "RichText"}
    assert sorted(set(field_docs()) - known) == []


@pytest.mark.parametrize(("key", "field"), all_fields(), ids=[key for key, _ in all_fields()])
def test_each_example_is_valid_for_its_field(key, field):
    example = field_docs()[key]["example"]
    TypeAdapter(field.rebuild_annotation()).validate_python(example, context=CONTEXT)
    json.dumps(example)  # it goes into the JSON Schema as is


def test_rich_text_example_is_valid():
    TypeAdapter(RichText).validate_python(field_docs()["RichText"]["example"], context=CONTEXT)


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_examples_together_make_a_valid_document(model):
    """The example files in the guide are made of the field examples; each must load."""
    model.model_validate(example_document(model, field_docs()), context=CONTEXT)


def test_committed_schema_folder_is_up_to_date(tmp_path):
    written = write_schema(tmp_path)
    fresh = {p.name: p.read_bytes() for p in written}
    committed = {p.name: p.read_bytes() for p in COMMITTED.iterdir() if p.is_file()} if COMMITTED.is_dir() else {}
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not stale, f"schema/ is out of date ({', '.join(stale)}): run `make schema`"


def test_writing_twice_gives_the_same_bytes(tmp_path):
    first = {p.name: p.read_bytes() for p in write_schema(tmp_path / "a")}
    assert first == {p.name: p.read_bytes() for p in write_schema(tmp_path / "b")}


def schema_of(tmp_path: Path, name: str) -> dict[str, Any]:
    write_schema(tmp_path)
    return json.loads((tmp_path / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_schemas_describe_fields_in_thai_and_keep_unknown_keys_out(tmp_path):
    schema = schema_of(tmp_path, "organization")
    assert schema["additionalProperties"] is False
    assert all(d["additionalProperties"] is False for d in schema["$defs"].values() if d.get("type") == "object")
    phone = schema["properties"]["phone"]
    assert "โทรศัพท์" in phone["description"] and phone["examples"]
    assert {"$ref": "#/$defs/RichText"} in schema["properties"]["about"]["anyOf"]


def test_dates_are_plain_strings_with_the_format_in_the_description(tmp_path):
    schema = schema_of(tmp_path, "memo")
    date = schema["properties"]["date"]
    assert date["type"] == "string" and "format" not in date
    assert "2567-04-07" in date["description"]


def test_organization_schema_accepts_the_example_and_rejects_an_unknown_key(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = schema_of(tmp_path, "organization")
    validator_classes = (jsonschema.Draft202012Validator, jsonschema.Draft7Validator)  # VS Code YAML uses draft-07
    example = example_document(MODELS[1].model, field_docs())
    for cls in validator_classes:
        cls.check_schema(schema)
        cls(schema).validate(example)
        cls(schema).validate({**example, "phone": "0 4465 1234", "postal_code": 31130})  # one value; a number as text
        with pytest.raises(jsonschema.ValidationError):
            cls(schema).validate({**example, "telephone": "0 4465 1234"})


def test_every_schema_is_valid_and_accepts_its_example(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    write_schema(tmp_path)
    for kind in MODELS:
        schema = json.loads((tmp_path / kind.schema_file).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(example_document(kind.model, field_docs()))


def test_field_guide_has_a_row_for_every_field_in_its_model_section(tmp_path):
    write_schema(tmp_path)
    guide = (tmp_path / GUIDE).read_text(encoding="utf-8")
    assert guide.startswith("# คู่มือช่องข้อมูล\n")
    sections = dict(re.findall(r'<a id="([a-z]+)"></a>(.*?)(?=<a id=|\Z)', guide, re.S))
    missing = [
        f"{m.__name__}.{name}"
        for m in all_models()
        for name in m.model_fields
        if f"| `{name}` |" not in sections.get(m.__name__.lower(), "")
    ]
    assert not missing, f"the field guide lacks rows for: {', '.join(missing)}"


def test_field_guide_explains_rich_text_dates_and_editor_setup(tmp_path):
    write_schema(tmp_path)
    guide = (tmp_path / GUIDE).read_text(encoding="utf-8")
    for text in ("outline", "paren_right", "(๑)", "๑.๑", "๗ เมษายน ๒๕๖๗", "yaml.schemas"):
        assert text in guide
    for kind in MODELS:
        assert kind.schema_file in guide
    assert "# yaml-language-server: $schema=../schema/organization.schema.json" in guide
    assert "# yaml-language-server: $schema=../../../schema/measures.schema.json" in guide


def test_field_guide_lists_every_dataset_file_and_column(tmp_path):
    from generator.kinds.datasets import catalog

    write_schema(tmp_path)
    guide = (tmp_path / GUIDE).read_text(encoding="utf-8")
    section = guide.split('<a id="datasets"></a>', 1)[1].split('<a id="vscode"></a>', 1)[0]
    for name, spec in catalog().items():
        assert f"### {spec['title']}" in section and f"`{name}.csv`" in section and f"`{name}.xlsx`" in section
        for column in spec["columns"]:
            need = "ต้องใส่" if column.get("required") else "ไม่บังคับ"
            assert f"| {column['th']} | `{column['key']}` | {need} |" in section, (name, column["key"])
    assert "เลขประจำตัวผู้เสียภาษีหรือเลขประจำตัวประชาชน ๑๓ หลัก" in section  # the id13 type, in Thai


def test_an_offices_oit_list_has_a_schema_for_both_of_its_forms(tmp_path):
    """content/oit/<year>.yml: corrections as a clerk writes them (elements as plain lines),
    or a whole list shaped like the bundled ones; a misspelt key is flagged in either."""
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    from generator.oit.catalog import CATALOG_DIR

    schema = schema_of(tmp_path, "oit_catalog")
    validator = jsonschema.Draft7Validator(schema)  # what VS Code's YAML extension speaks
    fix = {"based_on": 2569, "source": "คู่มือ ITA 2570 หน้า 12", "remove": ["o26"],
           "items": {"o6": {"title": "แผนการดำเนินงานประจำปี"},
                     "o27": {"sub_indicator": "9.2", "title": "รายการใหม่", "kind": "report", "year_rule": "current",
                             "elements": ["ข้อความที่ต้องเผยแพร่", {"text": "ช่องทางถามตอบ", "check": "org.qa"}]}}}
    assert not list(validator.iter_errors(fix))
    for path in sorted(CATALOG_DIR.glob("2[0-9][0-9][0-9].yml")):
        assert not list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))), path.name
    assert list(validator.iter_errors({**fix, "itmes": {}}))
    assert list(validator.iter_errors({"items": {"o6": {"titel": "x"}}}))
    whole = yaml.safe_load((CATALOG_DIR / "2569.yml").read_text(encoding="utf-8"))
    assert list(validator.iter_errors({**whole, "indicatorz": []}))
    assert "o6" in json.dumps(schema["$defs"]["Corrections"]["properties"]["items"], ensure_ascii=False)
    guide = (tmp_path / GUIDE).read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=../../schema/oit_catalog.schema.json" in guide
    assert '"content/oit/*.yml"' in guide
