"""Parsing inline `{if CONDITION: a | b}` text."""

from __future__ import annotations

import pytest

from cosmodrome.story.expr import Compiled, ExprType, Scope, compile_expr
from cosmodrome.story.template import InlineIf, TemplateError, parse_template

SCOPE = Scope({"name": ExprType.STR, "leads": ExprType.INT}, (), ())


def compiler(source: str, offset: int) -> Compiled:
    return compile_expr(source, SCOPE, ExprType.BOOL)


def render(source: str, **values: object) -> str:
    template, _ = parse_template(source, compiler)
    variables = {"name": "", "leads": 0, **values}
    return template.render(variables)  # type: ignore[arg-type]


def test_a_quoted_colon_or_brace_belongs_to_the_condition() -> None:
    assert render('{if name == "a:}b": yes | no}', name="a:}b") == "yes"
    assert render('{if name == "a:}b": yes | no}') == "no"


def test_an_apostrophe_in_the_words_is_only_text() -> None:
    assert render("{if leads > 0: it's {leads} | none yet}", leads=2) == "it's 2"


def test_names_inside_the_words_are_found_at_their_offsets() -> None:
    source = "A {if leads > 0: {name} | nobody}"
    template, names = parse_template(source, compiler)
    assert names == [(source.index("name}"), "name")]
    assert isinstance(template.parts[1], InlineIf)
    assert set(template.names) == {"leads", "name"}


def test_without_a_compiler_an_inline_if_is_refused() -> None:
    with pytest.raises(TemplateError, match="not allowed here"):
        parse_template("{if leads > 0: some}")


def test_an_unclosed_inline_if_is_an_error_at_its_start() -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template("ok {if leads > 0: some", compiler)
    assert caught.value.offset == 3


def test_a_nested_inline_if_is_refused_where_it_starts() -> None:
    source = "{if leads > 0: {if leads > 1: many} | none}"
    with pytest.raises(TemplateError) as caught:
        parse_template(source, compiler)
    assert caught.value.offset == source.index("{if leads > 1")
