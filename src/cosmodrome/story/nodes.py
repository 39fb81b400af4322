"""Reading node files into `Node`s: choices, effects, text blocks, checked references."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.expr import Compiled, ExprError, ExprType, Scope, compile_expr, type_of
from cosmodrome.story.lint.codes import read_lint_codes
from cosmodrome.story.model import (
    AGAIN,
    FIRST,
    Choice,
    Effect,
    Node,
    Position,
    TextBlock,
    Variable,
)
from cosmodrome.story.schema import ID_PATTERN
from cosmodrome.story.suggest import closest, did_you_mean
from cosmodrome.story.template import Template, TemplateError, parse_template
from cosmodrome.story.yamlfields import FileReader, describe
from cosmodrome.story.yamltree import Y


def looks_typed(default: object) -> bool:
    """Whether a text default reads as a number or true/false (`"0"`, `"true"`): quoted
    by mistake, most likely."""
    return isinstance(default, str) and (
        re.fullmatch(r"-?[0-9]+", default.strip()) is not None
        or default.strip() in ("true", "false")
    )


@dataclass(frozen=True)
class StoryScope:
    """What node files may refer to."""

    variables: Mapping[str, Variable]
    nodes: Collection[str]
    facts: Collection[str]
    eras: Collection[str]
    places: Collection[str]
    compiled: dict[tuple[str, ExprType], Compiled | ExprError] = field(
        default_factory=dict, compare=False, repr=False
    )
    # uses, as (path, line, col), of text variables whose default reads as a number or
    # true/false: reported once, at the declaration (see `string_defaults`)
    misused: dict[str, list[tuple[str, int, int]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def quoted_default(self, source: str, message: str) -> tuple[str, int] | None:
        """The text variable with a number-like (or true/false) default that `source`
        names, and where, when `message` is a type error about text: the likely cause."""
        if "str" not in message:
            return None
        for found in re.finditer(r"[A-Za-z_][A-Za-z0-9_]*", source):
            variable = self.variables.get(found.group(0))
            if variable is not None and looks_typed(variable.default):
                return found.group(0), found.start()
        return None

    def expr_scope(self) -> Scope:
        return Scope({n: v.type for n, v in self.variables.items()}, self.nodes, self.facts)


class NodeReader:
    """Builds the nodes of one file against the story's scope."""

    def __init__(self, reader: FileReader, scope: StoryScope) -> None:
        self.reader = reader
        self.scope = scope
        self.expr_scope = scope.expr_scope()

    # -- pieces ---------------------------------------------------------------

    def expression(self, y: Y, expect: ExprType, what: str) -> Compiled | None:
        value = y.value
        if type(value) is str:  # the common case first
            source = value
        elif isinstance(value, bool | int) and type_of(value) is not None:
            source = ("true" if value else "false") if isinstance(value, bool) else str(value)
        elif isinstance(value, str):
            source = value
        else:
            self.reader.error(y, f"{what} must be an expression, not {describe(value)}", Code.TYPE)
            return None
        try:
            return self._compile(source, expect)
        except ExprError as exc:
            message = exc.message
            suspect = self.scope.quoted_default(source, message)
            if suspect is not None:
                name, offset = suspect
                where = self.reader.inside(y, offset)
                self.scope.misused.setdefault(name, []).append((self.reader.path, *where))
                return None
            if expect is ExprType.STR and message.startswith("undeclared variable"):
                message += f" (to assign text, quote it: '\"{source}\"')"
            where = self.reader.inside(y, exc.offset) if isinstance(value, str) else (y.line, y.col)
            self.reader.error(where, f"in {what}: {message}", Code.EXPR, token=False)
            return None

    def template(self, y: Y | None, what: str) -> Template | None:
        text = self.reader.string(y, what)
        if text is None or y is None:
            return None
        before = len(self.reader.problems)

        def condition(source: str, offset: int) -> Compiled | None:
            return self.inline_condition(y, source, offset, what)

        try:
            template, names = parse_template(text, condition)
        except TemplateError as exc:
            self.reader.error(
                self.reader.inside(y, exc.offset),
                f"in {what}: {exc.message}",
                Code.TEXT,
                token=False,
            )
            return None
        if not names:  # most texts name no variable
            return template
        ok = True
        for offset, name in names:
            if name not in self.scope.variables:
                hint = did_you_mean(name, self.scope.variables)
                where = self.reader.inside(y, offset)
                self.reader.error(
                    where, f"{{{name}}} names an undeclared variable{hint}", Code.TEXT, token=False
                )
                ok = False
        return template if ok and len(self.reader.problems) == before else None

    def inline_condition(self, y: Y, source: str, offset: int, what: str) -> Compiled | None:
        """The condition of an inline `{if}` written at `offset` of text `y`, type-checked
        like any `if`; a problem is reported at its place inside the text."""
        try:
            return self._compile(source, ExprType.BOOL)
        except ExprError as exc:
            where = self.reader.inside(y, offset + exc.offset)
            self.reader.error(
                where, f"in the inline if of {what}: {exc.message}", Code.EXPR, token=False
            )
            return None

    def effects(self, y: Y | None, what: str) -> tuple[Effect, ...]:
        if y is None:
            return ()
        if not isinstance(y.value, dict):
            self.reader.error(y, f"{what} must be a mapping of variables to values", Code.TYPE)
            return ()
        out: list[Effect] = []
        for name, value_y in y.value.items():
            variable = self.scope.variables.get(name)
            if variable is None:
                hint = did_you_mean(name, self.scope.variables)
                pos = self.reader.key_position(y, name)
                self.reader.error(
                    pos,
                    f"{what} assigns undeclared variable '{name}'{hint}",
                    Code.EXPR,
                    replacement=closest(name, self.scope.variables),
                )
                continue
            compiled = self.expression(value_y, variable.type, f"the value of '{name}'")
            if compiled is not None:
                where = Position(self.reader.path, value_y.line, value_y.col)
                out.append(Effect(name, compiled, where))
        return tuple(out)

    def reference(self, y: Y | None, what: str, known: Collection[str], unknown: str) -> str | None:
        """An id that must name something in `known`; `unknown` words the complaint."""
        ident = self.reader.ident(y, what, ID_PATTERN)
        if ident is None or y is None:
            return None
        if ident not in known:
            hint = did_you_mean(ident, known)
            self.reader.error(
                y, f"{unknown} '{ident}'{hint}", Code.REFERENCE, replacement=closest(ident, known)
            )
            return None
        return ident

    def references(self, y: Y | None, what: str, known: Collection[str] | None) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.reader.sequence(y, what):
            ident = (
                self.reader.ident(item, what, ID_PATTERN)
                if known is None
                else self.reference(item, what, known, f"unknown {what}")
            )
            if ident is not None:
                out.append(ident)
        return tuple(out)

    def text(self, y: Y, node_id: str) -> tuple[TextBlock, ...]:
        if isinstance(y.value, list):
            blocks: list[TextBlock] = []
            path = self.reader.path
            for block_y in y.value:
                entries = self.reader.mapping(block_y, "block", "a text block")
                if entries is None:
                    continue
                template = self.template(entries.get("text"), "block text")
                visit = self.visit(entries)
                if_y = entries.get("if")
                condition = None
                where = None
                if if_y is not None:
                    condition = self.expression(if_y, ExprType.BOOL, "the block's if")
                    where = Position(path, if_y.line, if_y.col)
                if template is not None:
                    here = Position(path, block_y.line, block_y.col)
                    blocks.append(TextBlock(template, condition, here, where, visit))
            return tuple(blocks)
        template = self.template(y, f"the text of node '{node_id}'")
        return (TextBlock(template, None, self.reader.position(y)),) if template else ()

    def visit(self, entries: dict[str, Y]) -> str | None:
        """A block's `first: true` or `again: true` as FIRST or AGAIN; None for neither."""
        first = self.reader.boolean(entries.get("first"), "first")
        again = self.reader.boolean(entries.get("again"), "again")
        if first and again:
            self.reader.error(
                entries["again"],
                "a block cannot be both 'first' and 'again' (leave both out to show it always)",
                Code.TYPE,
            )
            return None
        return FIRST if first else AGAIN if again else None

    def _compile(self, source: str, expect: ExprType) -> Compiled:
        """`compile_expr`, once per source and type: stories repeat their conditions."""
        memo = self.scope.compiled
        found = memo.get((source, expect))
        if found is None:
            try:
                found = compile_expr(source, self.expr_scope, expect)
            except ExprError as exc:
                found = exc
            memo[source, expect] = found
        if isinstance(found, ExprError):
            raise ExprError(found.offset, found.message)
        return found

    # -- nodes and choices ----------------------------------------------------

    def node(self, node_id: str, y: Y) -> Node | None:
        r = self.reader
        entries = r.mapping(y, "node", f"node '{node_id}'")
        if entries is None:
            return None
        title = self.template(entries.get("title"), "title") if "title" in entries else None
        era = self.reference(entries.get("era"), "era", self.scope.eras, "unknown era")
        place = self.reference(entries.get("place"), "place", self.scope.places, "unknown place")
        was = self.references(entries.get("was"), "was", None)
        facts = self.references(entries.get("facts"), "fact", self.scope.facts)
        on_enter: tuple[Effect, ...] = ()
        if "on_enter" in entries:
            fields = r.mapping(entries["on_enter"], "on_enter", "on_enter")
            if fields is not None:
                on_enter = self.effects(fields.get("set"), "on_enter")
        blocks = self.text(entries["text"], node_id) if "text" in entries else ()
        ending = r.string(entries.get("ending"), "ending") if "ending" in entries else None
        choices = self.choices(node_id, entries.get("choices"))
        ignore = read_lint_codes(r, entries.get("ignore"))
        memory = r.boolean(entries.get("memory"), "memory")
        if "ending" in entries and "choices" in entries:
            r.error(
                entries["choices"], f"ending node '{node_id}' must not have choices", Code.ENDING
            )
        elif "ending" not in entries and "choices" not in entries:
            r.error(y, f"node '{node_id}' has neither choices nor an ending", Code.ENDING)
        elif "choices" in entries and entries["choices"].value == []:
            r.error(
                entries["choices"], f"node '{node_id}' has an empty list of choices", Code.ENDING
            )
        return Node(
            node_id,
            title,
            era,
            place,
            was,
            facts,
            on_enter,
            blocks,
            choices,
            ending,
            r.position(y),
            frozenset(ignore),
            bool(memory),
        )

    def choices(self, node_id: str, y: Y | None) -> tuple[Choice, ...]:
        out: list[Choice] = []
        seen_ids: dict[str, int] = {}
        per_goto: dict[str, int] = {}
        for index, choice_y in enumerate(self.reader.sequence(y, "choices")):
            choice = self.choice(node_id, index, choice_y, seen_ids, per_goto)
            if choice is not None:
                out.append(choice)
        return tuple(out)

    def choice(
        self,
        node_id: str,
        index: int,
        y: Y,
        seen_ids: dict[str, int],
        per_goto: dict[str, int],
    ) -> Choice | None:
        r = self.reader
        entries = r.mapping(y, "choice", "a choice")
        if entries is None:
            return None
        get = entries.get  # each key looked up once: this runs for every choice of the story
        text = self.template(get("text"), "choice text")
        goto_y = get("goto")
        goto = self.reference(goto_y, "goto", self.scope.nodes, "choice goes to unknown node")
        raw_goto = goto_y.value if goto_y is not None else None
        if isinstance(raw_goto, str):
            per_goto[raw_goto] = per_goto.get(raw_goto, 0) + 1
        id_y = get("id")
        choice_id = r.ident(id_y, "choice id", ID_PATTERN) if id_y is not None else None
        if choice_id is not None and id_y is not None:
            if choice_id in seen_ids:
                r.error(
                    id_y,
                    f"duplicate choice id '{choice_id}' in node '{node_id}' "
                    f"(first at line {seen_ids[choice_id]})",
                    Code.DUPLICATE,
                )
            seen_ids[choice_id] = id_y.line
        if_y = get("if")
        condition = None
        if if_y is not None:
            condition = self.expression(if_y, ExprType.BOOL, "the choice's if")
        locked_y = get("locked")
        locked = None
        if locked_y is not None:
            locked = r.string(locked_y, "locked")
            if if_y is None:
                r.error(locked_y, "'locked' needs an 'if': it shows when the if fails", Code.LOCKED)
        once_y = get("once")
        once = r.boolean(once_y, "once") if once_y is not None else False
        set_y = get("set")
        effects = self.effects(set_y, "set") if set_y is not None else ()
        if text is None or goto is None or goto_y is None:
            return None
        key = choice_id if choice_id is not None else f"{goto}.{per_goto[goto]}"
        path = r.path
        return Choice(
            key,
            index,
            text,
            goto,
            condition,
            locked,
            bool(once),
            effects,
            Position(path, y.line, y.col),
            Position(path, goto_y.line, goto_y.col),
            Position(path, if_y.line, if_y.col) if if_y is not None else None,
        )
