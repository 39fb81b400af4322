"""The compiled-story cache: a checked story and its diagnostics as JSON, reused unchanged.

A slot holds one story directory's last result. Its header names the key it
was written for (a hash of the story's sources, of this package's code and of
the cache format) and a hash of its payload; a slot whose key or hash does not
match, or whose payload does not decode into a consistent story, is ignored
and rewritten. The payload is plain JSON: no pickle, and expressions are
recompiled from their source against the story's names, never trusted.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from cosmodrome.regular_files import parse_json, read_regular
from cosmodrome.story import model
from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Severity, StoryError
from cosmodrome.story.expr import INT_MAX, INT_MIN, ExprType, Scope, type_of
from cosmodrome.story.modeljson import (
    BadModel,
    Codec,
    CodecContext,
    dataclass_codecs,
    field_index,
    model_fields,
)

CACHE_FORMAT = 1
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # a cache entry past this is not ours: a miss
_PACKAGE = Path(__file__).resolve().parent


# --- the payload ---------------------------------------------------------------


def _encode(story: model.Story | None, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    ctx = CodecContext()
    encode_story, _ = dataclass_codecs(model.Story, ctx)
    encode_diagnostic, _ = dataclass_codecs(Diagnostic, ctx)
    return {
        "story": None if story is None else encode_story(story),
        "diagnostics": [encode_diagnostic(d) for d in diagnostics],
        "paths": ctx.paths,
    }


Recheck = Callable[[], Mapping[str, model.Node] | None]


def _decode(
    payload: Any, root: str, fingerprint: str, where: Path, recheck: Recheck
) -> tuple[model.Story | None, list[Diagnostic]]:
    ctx = CodecContext(list(payload["paths"]))
    _, decode_diagnostic = dataclass_codecs(Diagnostic, ctx)
    diagnostics = [decode_diagnostic(d) for d in payload["diagnostics"]]
    raw = payload["story"]
    if raw is None:
        return None, diagnostics
    fields = list(raw)
    at = {name: field_index(model.Story, name) for name in ("variables", "facts", "nodes")}
    kind = field_index(model.Variable, "type")
    variables = {name: ExprType(var[kind]) for name, var in fields[at["variables"]].items()}
    nodes = fields[at["nodes"]]
    ctx.scope = Scope(variables, frozenset(nodes), frozenset(fields[at["facts"]]))
    _verify_nodes(nodes, ctx.scope)
    fields[at["nodes"]] = {}
    _, decode_story = dataclass_codecs(model.Story, ctx)
    _, decode_node = dataclass_codecs(model.Node, ctx)
    story: model.Story = decode_story(fields)
    if story.start not in nodes or not set(story.renamed.values()) <= nodes.keys():
        raise BadModel("the start or a renamed node is missing")
    if story.fingerprint != fingerprint:
        raise BadModel("the story's fingerprint does not match its sources")
    if any(type_of(v.default) is not v.type or v.name != k for k, v in story.variables.items()):
        raise BadModel("a variable's default is not of its type")
    if any(
        type(v.default) is int and not INT_MIN <= v.default <= INT_MAX
        for v in story.variables.values()
    ):
        raise BadModel("a variable's default is past the range of whole numbers")
    sound = functools.partial(_sound_node, story)
    lazy = LazyNodes(nodes, lambda raw: sound(decode_node(raw)), where, recheck)
    return dataclasses.replace(story, nodes=lazy, root=root), diagnostics


def _verify_nodes(nodes: Any, scope: Scope) -> None:
    """Check the references the engine follows without looking, before any node is built."""
    if type(nodes) is not dict:
        raise BadModel("the nodes are not a mapping")
    node_size, choice_size = len(model_fields(model.Node)), len(model_fields(model.Choice))
    at_id, at_facts = field_index(model.Node, "id"), field_index(model.Node, "facts")
    at_choices, at_goto = field_index(model.Node, "choices"), field_index(model.Choice, "goto")
    known: Collection[str] = scope.nodes
    facts: Collection[str] = scope.facts
    for node_id, node in nodes.items():
        if type(node) is not list or len(node) != node_size or node[at_id] != node_id:
            raise BadModel(f"node '{node_id}' has the wrong shape")
        if not all(fact in facts for fact in node[at_facts]):
            raise BadModel(f"node '{node_id}' reveals an unknown fact")
        for choice in node[at_choices]:
            if type(choice) is not list or len(choice) != choice_size:
                raise BadModel(f"a choice of '{node_id}' has the wrong shape")
            if choice[at_goto] not in known:
                raise BadModel(f"a choice of '{node_id}' goes nowhere")


def _sound_node(story: model.Story, node: model.Node) -> model.Node:
    """`node`, once what the engine relies on without looking holds: every effect sets a
    declared variable to its type, conditions are true/false, era and place exist."""
    variables = story.variables
    effects = [*node.on_enter, *(e for c in node.choices for e in c.effects)]
    for effect in effects:
        declared = variables.get(effect.variable)
        if declared is None or declared.type is not effect.value.type:
            raise BadModel(f"node '{node.id}' sets '{effect.variable}' wrongly")
    conditions = [c.condition for c in node.choices] + [b.condition for b in node.blocks]
    if any(c is not None and c.type is not ExprType.BOOL for c in conditions):
        raise BadModel(f"node '{node.id}' has a condition that is not true/false")
    if node.era is not None and story.era(node.era) is None:
        raise BadModel(f"node '{node.id}' is set in an unknown era")
    if node.place is not None and node.place not in story.places:
        raise BadModel(f"node '{node.id}' is set in an unknown place")
    return node


class LazyNodes(Mapping[str, model.Node]):
    """A cached story's nodes, each built the first time it is asked for.

    The whole payload was verified by hash and its references checked before
    this mapping was made; building a node recompiles its expressions and checks it
    again. A node that fails (an entry edited with its hash made to fit) is doubt
    enough: the story is checked again from its files, the entry rewritten, and play
    goes on with the checked nodes.
    """

    __slots__ = ("_built", "_decode", "_raw", "_recheck", "_where")

    def __init__(self, raw: dict[str, Any], decode: Codec, where: Path, recheck: Recheck) -> None:
        self._raw = raw
        self._decode = decode
        self._where = where
        self._recheck = recheck
        self._built: dict[str, model.Node] = {}

    def __getitem__(self, node_id: str) -> model.Node:
        node = self._built.get(node_id)
        if node is None:
            raw = self._raw[node_id]
            try:
                node = self._decode(raw)
            except (BadModel, ValueError, TypeError, KeyError, IndexError, AttributeError):
                node = self._checked_again(node_id)
            self._built[node_id] = node
        return node

    def _checked_again(self, node_id: str) -> model.Node:
        fresh = self._recheck()
        if fresh is None or node_id not in fresh:  # the files changed under the game
            message = f"the story's files changed while it was played: node '{node_id}' is gone"
            problem = Diagnostic(
                str(self._where), 1, 1, Severity.ERROR, message, Code.STORY_CHANGED
            )
            raise StoryError([problem])
        self._raw = dict.fromkeys(fresh)  # from now on, only the checked nodes
        self._built = dict(fresh)
        return fresh[node_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._raw

    def __repr__(self) -> str:
        return f"LazyNodes({len(self._raw)} nodes, {len(self._built)} built)"


@functools.cache
def _code_hash() -> str:
    """A hash of this package's code files (names, sizes, times): editing the loader or a
    lint rule invalidates the cache, and stat-ing them is cheaper than reading them."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        info = path.stat()
        name = path.relative_to(_PACKAGE).as_posix()
        digest.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


class CacheSlot:
    """Where one story directory's compiled result is kept, and the key it must match."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key

    @classmethod
    def for_story(cls, directory: str, fingerprint: str, cache_dir: Path) -> CacheSlot:
        """The slot of `directory` (one per directory, so old results are replaced)."""
        where = hashlib.sha256(str(Path(directory).resolve()).encode()).hexdigest()[:32]
        # the paths in positions and diagnostics are spelled as the caller spelled the
        # directory, which the fingerprint does not see: the spelling is part of the key
        key = f"{CACHE_FORMAT}:{_code_hash()}:{fingerprint}:{directory}"
        return cls(cache_dir / "stories" / f"{where}.json", key)

    def read(
        self, root: str, fingerprint: str, recheck: Recheck
    ) -> tuple[model.Story | None, list[Diagnostic]] | None:
        """The cached story and diagnostics, or None when the slot is missing, stale or bad;
        `recheck` checks the story from its files (and rewrites the slot) should a node
        turn out bad when it is first built."""
        try:
            data = read_regular(self.path, MAX_ENTRY_BYTES)
        except OSError:  # missing, unreadable, not a regular file or too large: a miss
            return None
        try:
            head, _, body = data.partition(b"\n")
            header = parse_json(head)
            if not isinstance(header, dict):
                return None
            if header.get("key") != self.key:
                return None
            if header.get("sha256") != hashlib.sha256(body).hexdigest():
                return None
            return _decode(parse_json(body), root, fingerprint, self.path, recheck)
        except (BadModel, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # a damaged or foreign slot: check the story again

    def write(self, story: model.Story | None, diagnostics: list[Diagnostic]) -> None:
        """Keep the result; a cache that cannot be written is no error."""
        body = json.dumps(
            _encode(story, diagnostics), ensure_ascii=False, separators=(",", ":")
        ).encode()
        header = json.dumps({"key": self.key, "sha256": hashlib.sha256(body).hexdigest()})
        import tempfile  # only writing needs it: keep it off the start-up path

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(header.encode() + b"\n" + body)
                Path(temp).replace(self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            return


def default_cache_dir() -> Path:
    """`locations.cache_dir()`: the user's cache, or `COSMODROME_CACHE`."""
    from cosmodrome.locations import cache_dir

    return cache_dir()
