"""What expressions read, scanned from their trees: for the explorer's state keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cosmodrome.story.expr import Binary, Call, Compiled, Expr, Literal, Name, Unary
from cosmodrome.story.model import Effect

_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})


def walk(tree: Expr, parent: Expr | None = None) -> Iterator[tuple[Expr, Expr | None]]:
    """Every sub-expression of `tree` with its parent."""
    stack: list[tuple[Expr, Expr | None]] = [(tree, parent)]
    while stack:
        item, above = stack.pop()
        yield item, above
        if isinstance(item, Unary):
            stack.append((item.operand, item))
        elif isinstance(item, Binary):
            stack.extend(((item.left, item), (item.right, item)))


def calls(expressions: Iterable[Compiled], function: str) -> set[str]:
    """The ids every `function(...)` call ("visited" or "known") in `expressions` names."""
    return {
        item.argument
        for compiled in expressions
        for item, _ in walk(compiled.tree)
        if isinstance(item, Call) and item.function == function
    }


def compared_constant(item: Expr, parent: Expr | None) -> int | None:
    """The integer constant `item` is compared with, when that is all its parent does."""
    if not isinstance(parent, Binary) or parent.op not in _COMPARISONS:
        return None
    other = parent.right if parent.left is item else parent.left
    if isinstance(other, Literal) and type(other.value) is int:
        return other.value
    return None


def constant_step(effect: Effect) -> int | None:
    """The constant step of `x: x + c` / `x: x - c` (0 for a constant assignment)."""
    tree = effect.value.tree
    if isinstance(tree, Literal):
        return 0
    if (
        isinstance(tree, Binary)
        and tree.op in ("+", "-")
        and isinstance(tree.left, Name)
        and tree.left.name == effect.variable
        and isinstance(tree.right, Literal)
        and type(tree.right.value) is int
    ):
        return tree.right.value if tree.op == "+" else -tree.right.value
    return None


Item = tuple[str, str]  # ("var" | "visit" | "fact" | "once", name)


def uses(expressions: Iterable[Compiled]) -> set[Item]:
    """The variables, visit counts and facts `expressions` read."""
    found: set[Item] = set()
    for compiled in expressions:
        found.update(("var", name) for name in compiled.reads)
        for item, _ in walk(compiled.tree):
            if isinstance(item, Call):
                found.add(("visit" if item.function == "visited" else "fact", item.argument))
    return found


def effect_uses(effects: Iterable[Effect], after: set[Item]) -> set[Item]:
    """What effects read, counting only effects whose variable matters afterwards."""
    return uses(e.value for e in effects if ("var", e.variable) in after)
