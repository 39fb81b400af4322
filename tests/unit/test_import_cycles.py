"""No module imports, directly or through others, a module that imports it.

A cycle makes the import order matter and the layers blur. Outside `tui/` even
type-checking imports count; in `tui/` the screens and helpers name the app's type
for their typed handle on it (`if TYPE_CHECKING:`), so there only imports that run count.
"""

from __future__ import annotations

import grimp


def import_cycles(graph: grimp.ImportGraph, outside: str) -> list[tuple[str, str]]:
    """Each (module, module it imports) pair that closes a cycle, for modules not under
    `outside`."""
    found = []
    for module in sorted(graph.modules):
        if not module.startswith("cosmodrome.") or module.startswith(outside):
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if not imported.startswith("cosmodrome.") or imported.startswith(outside):
                continue
            if graph.chain_exists(importer=imported, imported=module):
                found.append((module, imported))
    return found


def test_no_import_cycles_outside_tui() -> None:
    assert import_cycles(grimp.build_graph("cosmodrome"), "cosmodrome.tui") == []


def test_no_import_cycles_at_run_time() -> None:
    graph = grimp.build_graph("cosmodrome", exclude_type_checking_imports=True)
    assert import_cycles(graph, "cosmodrome.nowhere") == []


def test_a_cycle_is_found() -> None:
    graph = grimp.ImportGraph()
    for name in ("cosmodrome.a", "cosmodrome.b", "cosmodrome.c"):
        graph.add_module(name)
    graph.add_import(importer="cosmodrome.a", imported="cosmodrome.b")
    graph.add_import(importer="cosmodrome.b", imported="cosmodrome.a")
    graph.add_import(importer="cosmodrome.c", imported="cosmodrome.a")
    assert import_cycles(graph, "cosmodrome.tui") == [
        ("cosmodrome.a", "cosmodrome.b"),
        ("cosmodrome.b", "cosmodrome.a"),
    ]
