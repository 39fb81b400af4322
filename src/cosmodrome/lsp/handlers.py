"""The protocol's requests and notifications, each handed to the story server: the
one server of the process, and `serve`, which runs it on stdin and stdout."""

from __future__ import annotations

import contextlib

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams

from cosmodrome.lsp.completion import complete
from cosmodrome.lsp.diagnostics import code_actions
from cosmodrome.lsp.rename import RenameRefused, rename_node
from cosmodrome.lsp.rename_variable import rename_variable
from cosmodrome.lsp.server import StoryServer

server = StoryServer()


def _buffer_changed(uri: str) -> None:
    found = server.folder_of(uri)
    if found is None:
        return
    folder, relative = found
    document = server.workspace.get_text_document(uri)
    folder.overlays[relative] = document.source
    if document.version is not None:
        folder.versions[relative] = document.version
    server.schedule_check(folder)


@server.feature(types.INITIALIZED)
async def initialized(ls: StoryServer, params: types.InitializedParams) -> None:
    """Check the story the editor opened as a folder, before any file is opened, and ask
    to hear of files changed on disk (a `git checkout`, another editor)."""
    roots = [ls.workspace.root_uri, *(f.uri for f in ls.workspace.folders.values())]
    for uri in dict.fromkeys(r for r in roots if r):
        # the folder itself, or a repository with the story in story/, as the commands find it
        found = ls.folder_of(uri) or ls.folder_of(uri.rstrip("/") + "/story/story.yaml")
        if found is not None:
            ls.schedule_check(found[0])
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is not None and watched.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern="**/*.yaml")]
        with contextlib.suppress(JsonRpcException):  # a client that declines: edits still count
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="cosmodrome-story-files",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: StoryServer, params: types.DidOpenTextDocumentParams) -> None:
    _buffer_changed(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: StoryServer, params: types.DidChangeTextDocumentParams) -> None:
    _buffer_changed(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: StoryServer, params: types.DidCloseTextDocumentParams) -> None:
    found = ls.folder_of(params.text_document.uri)
    if found is not None:
        found[0].overlays.pop(found[1], None)  # the file on disk counts again
        ls.schedule_check(found[0])


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def files_changed(ls: StoryServer, params: types.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        found = ls.folder_of(change.uri)
        if found is not None:
            ls.schedule_check(found[0])


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: StoryServer, params: types.DefinitionParams) -> list[types.Location]:
    found = ls.located(params.text_document.uri, params.position)
    if found is None or found[1] is None:
        return []
    view, at = found[0], found[1]
    return [view.location(o) for o in view.definitions(at.kind, at.name)]


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: StoryServer, params: types.ReferenceParams) -> list[types.Location]:
    found = ls.located(params.text_document.uri, params.position)
    if found is None or found[1] is None:
        return []
    view, at = found[0], found[1]
    declaration = params.context.include_declaration
    return [view.location(o) for o in view.references(at.kind, at.name, declaration)]


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: StoryServer, params: types.HoverParams) -> types.Hover | None:
    found = ls.located(params.text_document.uri, params.position)
    if found is None or found[1] is None:
        return None
    view, at = found[0], found[1]
    text = view.hover(at)
    if text is None:
        return None
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
    return types.Hover(contents=content, range=view.range(at))


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[" ", "{", '"', "(", "-"]),
)
def completion(ls: StoryServer, params: types.CompletionParams) -> types.CompletionList:
    found = ls.located(params.text_document.uri, params.position)
    items = [] if found is None else complete(found[0], found[2], found[3], found[4])
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(
    ls: StoryServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol]:
    found = ls.folder_of(params.text_document.uri)
    if found is None:
        return []
    folder, relative = found
    folder.refresh()
    return ls.view(folder).symbols(folder.display(relative))


@server.feature(types.WORKSPACE_SYMBOL)
def workspace_symbols(
    ls: StoryServer, params: types.WorkspaceSymbolParams
) -> list[types.WorkspaceSymbol]:
    out: list[types.WorkspaceSymbol] = []
    for folder in ls.folders.values():
        folder.refresh()
        out.extend(ls.view(folder).workspace_symbols(params.query))
    return out


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def actions(ls: StoryServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    return code_actions(params.context.diagnostics)


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: StoryServer, params: types.PrepareRenameParams) -> types.Range:
    found = ls.located(params.text_document.uri, params.position)
    if found is None or found[1] is None:
        raise JsonRpcInvalidParams("there is nothing to rename here")
    view, at = found[0], found[1]
    if at.kind not in ("node", "variable") or at.alias is not None:
        what = "an old id in was:" if at.alias is not None else f"a {at.kind}"
        raise JsonRpcInvalidParams(f"only nodes and variables can be renamed, and this is {what}")
    return view.range(at)


@server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
def rename(ls: StoryServer, params: types.RenameParams) -> types.WorkspaceEdit:
    prepare_rename(ls, types.PrepareRenameParams(params.text_document, params.position))
    found = ls.located(params.text_document.uri, params.position)
    assert found is not None and found[1] is not None
    try:
        renamer = rename_variable if found[1].kind == "variable" else rename_node
        return renamer(found[0], found[1].name, params.new_name)
    except RenameRefused as exc:
        raise JsonRpcInvalidParams(str(exc)) from exc


def serve() -> None:
    """Serve the protocol on the process's standard input and output until the client
    says exit; stray prints go to stderr, where they cannot corrupt the protocol."""
    import os
    import sys

    # copies of the descriptors: pygls closes its streams at exit, the command's stay open
    with os.fdopen(os.dup(0), "rb") as stdin, os.fdopen(os.dup(1), "wb") as stdout:
        sys.stdout = sys.stderr
        server.start_io(stdin, stdout)
