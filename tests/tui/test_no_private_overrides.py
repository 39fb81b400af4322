"""No class of the game overrides an underscored method of Textual or Rich: the next
upgrade of either would change it under us without a word."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import cosmodrome.tui


def game_classes() -> list[type]:
    """Every class defined in a module of `cosmodrome.tui`."""
    found: list[type] = []
    for info in pkgutil.walk_packages(cosmodrome.tui.__path__, "cosmodrome.tui."):
        module = importlib.import_module(info.name)
        found += [
            value
            for value in vars(module).values()
            if inspect.isclass(value) and value.__module__ == module.__name__
        ]
    return found


def test_no_underscored_method_of_textual_or_rich_is_overridden() -> None:
    overridden: list[str] = []
    classes = game_classes()
    assert len(classes) > 20  # the walk found the game's widgets and screens
    for cls in classes:
        for name, value in vars(cls).items():
            if not name.startswith("_") or name.startswith("__") or not callable(value):
                continue
            for base in cls.__mro__[1:]:
                if base.__module__.split(".")[0] in ("textual", "rich") and name in vars(base):
                    overridden.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    assert not overridden, overridden
