"""The Thai field guide (schema/fields.th.md): a section per declared kind with a table of
its fields and an example file, made from the models and the wording in catalog/fields.yml.
The walk over the models here serves the JSON Schemas too (schema_doc.py)."""

from __future__ import annotations

import json
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .fields import AssetRef, Date, Deadline, Slug, TextList, Url
from .kinds.registry import SCHEMA_DIR, DocumentKind, document_kinds
from .richtext import RichText

GUIDE = "fields.th.md"
Docs = dict[str, Any]


KINDS = document_kinds()
MODELS = [k for k in KINDS if k.model is not None]  # the kinds of YAML files, each with its schema


# Shared field types by their word in the catalog (guide.types), and the guide sections that explain two of them.
NAMED_TYPES = {"date": Date, "deadline": Deadline, "url": Url, "asset": AssetRef, "slug": Slug, "text_list": TextList,
               "rich_text": RichText}
SECTION_OF = {"date": "dates", "deadline": "dates", "rich_text": "richtext"}
_RESOLVER = yaml.resolver.Resolver()


# --- models --------------------------------------------------------------------


def is_model(tp: Any) -> bool:
    return get_origin(tp) is None and isinstance(tp, type) and issubclass(tp, BaseModel)


def models_in(tp: Any, found: list[type[BaseModel]] | None = None) -> list[type[BaseModel]]:
    """Every model a type refers to (itself included), each once, in order of first use."""
    found = [] if found is None else found
    if not is_model(tp):
        for arg in get_args(tp):
            models_in(arg, found)
    elif tp not in found:
        found.append(tp)
        for field in tp.model_fields.values():
            models_in(field.rebuild_annotation(), found)
    return found


def _without_none(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        args = tuple(a for a in get_args(tp) if a is not type(None))
        return args[0] if len(args) == 1 else Union[args]  # noqa: UP007
    return tp


def named_type(tp: Any) -> str | None:
    """Catalog word of a shared field type (date, rich_text, ...), or None."""
    tp = _without_none(tp)
    return next((name for name, named in NAMED_TYPES.items() if tp == named), None)


def example_document(model: type[BaseModel], docs: Docs) -> dict[str, Any]:
    """A value of `model` made of the catalog example of each of its fields."""
    return {name: docs[f"{model.__name__}.{name}"]["example"] for name in model.model_fields}



# --- field guide -----------------------------------------------------------------


def field_guide(docs: Docs) -> str:
    guide, rich = docs["guide"], docs["RichText"]
    lines = [f"# {guide['title']}", "", guide["intro"].strip(), "", f"## {guide['contents']}", ""]
    # A kind without a model writes its own section, under the anchor and title of guide.<name>.
    lines += [f"- [{docs[k.model.__name__]['title']}](#{k.model.__name__.lower()})" if k.model else
              f"- [{guide[k.name]['title']}](#{k.name})" for k in KINDS]
    lines += [f"- [{guide[key]['title']}](#{key})" for key in ("vscode", "dates")]
    lines += [f"- [{rich['title']}](#richtext)", ""]
    documented = set(models_in(RichText))  # these have their own section, after the files
    for kind in KINDS:
        if kind.model is None:
            lines += kind.guide(docs) if kind.guide else []
            continue
        lines += _kind_section(kind, docs)
        for model in models_in(kind.model)[1:]:
            if model not in documented:
                documented.add(model)
                lines += _model_section(model, docs)
    lines += _vscode_section(guide)
    lines += _text_section("dates", guide["dates"]["title"], guide["dates"]["body"])
    lines += _text_section("richtext", rich["title"], rich["guide"])
    lines += [f"**{guide['example']}**", "", "```yaml", _yaml(rich["example"]), "```", ""]
    for model in models_in(RichText):
        lines += _model_section(model, docs)
    return "\n".join(lines)


def _text_section(anchor: str, title: str, body: str) -> list[str]:
    return [f'<a id="{anchor}"></a>', "", f"## {title}", "", body.strip(), ""]


def _kind_section(kind: DocumentKind, docs: Docs) -> list[str]:
    guide, entry = docs["guide"], docs[kind.model.__name__]
    files = entry["file"] if isinstance(entry["file"], list) else [entry["file"]]
    lines = [f'<a id="{kind.model.__name__.lower()}"></a>', "", f"## {entry['title']}", ""]
    lines += [f"**{guide['file']}:** " + ", ".join(f"`{f}`" for f in files) + "  "]
    lines += [f"**{guide['schema']}:** `{SCHEMA_DIR}/{kind.schema_file}`", ""]
    lines += [one_line(entry["th"]), "", *_field_table(kind.model, docs), ""]
    body = _yaml(example_document(kind.model, docs))
    if kind.files[0].endswith(".md"):  # front matter: editors do not check it against a schema
        example = ["```markdown", "---", body, "---", "", guide["page_body"].strip(), "```"]
    else:
        example = ["```yaml", kind.modeline(), body, "```"]
    return [*lines, f"**{guide['example']}**", "", *example, ""]


def _model_section(model: type[BaseModel], docs: Docs) -> list[str]:
    entry, guide = docs[model.__name__], docs["guide"]
    lines = [f'<a id="{model.__name__.lower()}"></a>', "", f"### {entry['title']} (`{model.__name__}`)", ""]
    lines += [one_line(entry["th"]), "", *_field_table(model, docs), ""]
    return [*lines, f"**{guide['example']}**", "", "```yaml", _yaml(example_document(model, docs)), "```", ""]


def _vscode_section(guide: Docs) -> list[str]:
    schemas = {f"./{SCHEMA_DIR}/{k.schema_file}": [f"content/{f}" for f in k.files]
               for k in MODELS if not k.files[0].endswith(".md")}
    settings = json.dumps({"yaml.schemas": schemas}, ensure_ascii=False, indent=2)
    text = guide["vscode"]
    return [*_text_section("vscode", text["title"], text["body"]), "```json", settings, "```", "", text["after"]]


def _field_table(model: type[BaseModel], docs: Docs) -> list[str]:
    guide = docs["guide"]
    rows = ["| " + " | ".join(guide["columns"]) + " |", "|" + " --- |" * len(guide["columns"])]
    for name, field in model.model_fields.items():
        doc = docs[f"{model.__name__}.{name}"]
        cells = [
            f"`{name}`",
            _required(field, guide),
            type_label(field.rebuild_annotation(), guide["types"]),
            one_line(doc["th"]),
            _inline_example(doc["example"], guide["see_example"]),
        ]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return rows


def type_label(tp: Any, words: dict[str, str]) -> str:
    """Thai name of a field type, linked to the section that explains it."""
    tp, named = _without_none(tp), named_type(tp)
    if named:
        return f"[{words[named]}](#{SECTION_OF[named]})" if named in SECTION_OF else words[named]
    origin, args = get_origin(tp), get_args(tp)
    if origin is Annotated:
        return type_label(args[0], words)
    if origin in (Union, types.UnionType):
        return words["or"].join(type_label(arg, words) for arg in args)
    if origin is Literal:
        return words["literal"].format(values=", ".join(f"`{value}`" for value in args))
    if origin is list:
        return words["list"].format(item=type_label(args[0], words))
    if origin is dict:
        return words["dict"].format(key=type_label(args[0], words), value=type_label(args[1], words))
    return f"[{tp.__name__}](#{tp.__name__.lower()})" if is_model(tp) else words[tp.__name__]


def _required(field: FieldInfo, guide: Docs) -> str:
    if field.is_required():
        return guide["required"]
    if field.default in (None, "", [], {}):
        return guide["optional"]
    return f"{guide['optional']} ({guide['default'].format(value=_inline_example(field.default, ''))})"


def _inline_example(value: Any, too_long: str) -> str:
    text = value if isinstance(value, str) and not _needs_quotes(value) else _yaml(value, flow=True)
    return too_long if "\n" in text or len(text) > 80 else f"`{text}`"


def _needs_quotes(value: Any) -> bool:
    """Text YAML would read as something else, or starting with a digit (phones, item numbers)."""
    if not isinstance(value, str):
        return False
    return value[:1].isdigit() or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str"


class _StaffDumper(yaml.SafeDumper):
    """YAML as staff write it: lists indented, numbers-as-text in double quotes, long text as a block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else '"' if _needs_quotes(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of plain values on one line, as staff type them: [2567, 2566]."""
    plain = all(isinstance(item, (str, int, float)) and "\n" not in str(item) for item in value)
    short = plain and sum(len(str(item)) + 2 for item in value) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short)


_StaffDumper.add_representer(str, _represent_str)
_StaffDumper.add_representer(list, _represent_list)


def _yaml(value: Any, flow: bool = False) -> str:
    options = {"allow_unicode": True, "sort_keys": False, "width": 2**16, "default_flow_style": flow}
    return yaml.dump(value, Dumper=_StaffDumper, **options).removesuffix("...\n").strip()


def one_line(text: str) -> str:
    return " ".join(text.split())
