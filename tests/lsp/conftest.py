"""A real language client talking to `cosmodrome lsp` over stdio, on a copy of a fixture
story (the server never writes, but a test's unsaved edits must not meet another's)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import FIXTURES
from tests.lsp.helpers import make_client

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "cosmodrome", "lsp"], client_factory=make_client
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/lsp: a story of three nodes in two files."""
    target = tmp_path / "story"
    shutil.copytree(FIXTURES / "lsp", target)
    return target


@pytest_lsp.fixture(config=SERVER)  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient, story: Path) -> AsyncIterator[None]:
    """A client that speaks UTF-16, as VS Code does."""
    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=story.as_uri()
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)  # type: ignore[untyped-decorator]
async def client32(lsp_client: LanguageClient, story: Path) -> AsyncIterator[None]:
    """A client that offers UTF-32 positions first, as Neovim and Helix can."""
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf16]
        )
    )
    params = types.InitializeParams(capabilities=capabilities, root_uri=story.as_uri())
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()
