from pathlib import Path

import pytest

from generator.yamlio import YamlError, parse_yaml

P = Path("x.yml")


def test_every_value_knows_its_line() -> None:
    located = parse_yaml("name: ก\nitems:\n  - a\n  - b: 1\n    c: 2\n", P)
    assert located.data == {"name": "ก", "items": ["a", {"b": 1, "c": 2}]}
    assert located.line_of(("name",)) == 1
    assert located.line_of(("items", 1, "c")) == 5
    # A missing key points at its parent mapping.
    assert located.line_of(("items", 1, "zzz")) == 4


def test_syntax_error_names_the_line_in_thai_then_english() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("a: 1\nb: [unclosed\nc: 3\n", P)
    err = caught.value.content_error
    assert err.line in (2, 3, 4)
    assert "YAML" in err.th and "YAML" in err.en
    assert err.format().index(err.th) < err.format().index(err.en)


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("a: 1\nb: 2\na: 3\n", P)
    err = caught.value.content_error
    assert err.line == 3 and "'a'" in err.en and "ซ้ำ" in err.th


def test_alias_bomb_is_refused_before_it_expands() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    )
    with pytest.raises(YamlError) as caught:
        parse_yaml(bomb, P)
    assert "alias" in caught.value.content_error.en


def test_merge_keys_are_refused() -> None:
    with pytest.raises(YamlError):
        parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n", P)


def test_numbers_keep_what_staff_typed() -> None:
    located = parse_yaml("phone: 053123456\ntime: 8:30\nitem: 1.10\nscore: 70.62\ncount: 12\n", P)
    assert located.data == {"phone": "053123456", "time": "8:30", "item": "1.10", "score": 70.62, "count": 12}


def test_lines_are_found_for_number_keys_lists_and_missing_items() -> None:
    located = parse_yaml("12: a\nyes: b\nrows:\n  - [x, {c: 1}]\n  - d\n", P)
    assert located.data == {"12": "a", "True": "b", "rows": [["x", {"c": 1}], "d"]}
    assert located.line_of(("12",)) == 1 and located.line_of(("True",)) == 2
    assert located.line_of(("rows", 1)) == 5
    assert located.line_of(("rows", 0, 1, "c")) == 4
    # an index past the end, a tag pydantic adds for a union, a key that is not there: the parent
    assert located.line_of(("rows", 7)) == 4  # where the list begins
    assert located.line_of(("rows", 0, 1, "~item", "text")) == 4
    assert parse_yaml("", P).line_of(("anything",)) == 1


def test_a_refusal_deep_in_the_file_names_its_place() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("a:\n  b:\n    - x\n    - {c: 1, c: 2}\n", P)
    err = caught.value.content_error
    assert (err.line, err.field) == (4, "a.b[2].c")
    with pytest.raises(YamlError) as caught:
        parse_yaml("a: &x [1]\nb:\n  - q\n  - *x\n", P)
    err = caught.value.content_error
    assert (err.line, err.field) == (4, "b[2]") and "alias" in err.en


def test_merge_keys_are_refused_without_any_alias_too() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("title: Q&A\nitems:\n  - <<: {x: 1}\n", P)
    assert (caught.value.content_error.line, caught.value.content_error.field) == (3, "items[1]")


def test_text_with_ampersands_and_asterisks_is_text() -> None:
    located = parse_yaml("a: Q&A\nb: 5*3 = 15\nc: &keep anchored but never used\n", P)
    assert located.data == {"a": "Q&A", "b": "5*3 = 15", "c": "anchored but never used"}


def test_an_alias_used_as_a_key_is_refused() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("a: &k x\n*k : 1\n", P)
    assert caught.value.content_error.line == 2 and "alias" in caught.value.content_error.en
