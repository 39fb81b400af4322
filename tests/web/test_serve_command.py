"""`cosmodrome serve`'s arguments and its optional extra, through the real command."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
from pathlib import Path

from cosmodrome.web.server import game_command, is_loopback, page_url
from tests.functional.cli_runner import run_cosmodrome
from tests.unit.test_layers import first_importers, package_modules


def test_no_module_imports_textual_serve_until_the_server_is_made() -> None:
    modules = package_modules()
    assert "cosmodrome.web.server" in modules
    assert first_importers(modules, ("textual_serve", "aiohttp")) == {}


def test_a_missing_web_extra_is_one_line_naming_the_extra(tmp_path: Path) -> None:
    # textual-serve made unimportable, as in an install without the extra
    code = (
        "import sys; sys.modules['textual_serve'] = None; "
        "from cosmodrome.cli import main; "
        f"sys.exit(main(['serve', '--saves', {str(tmp_path)!r}, '--port', '1']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert done.stderr == (
        "cosmodrome: cosmodrome serve needs the web extra: pip install 'cosmodrome[web]'\n"
    )
    assert done.stdout == ""


def test_listening_beyond_loopback_needs_public(tmp_path: Path) -> None:
    done = run_cosmodrome(["serve", "--host", "0.0.0.0", "--saves", str(tmp_path)])
    assert done.returncode == 2
    assert "add --public" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_port_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    done = run_cosmodrome(["serve", "--port", "70000", "--saves", str(tmp_path)])
    assert done.returncode == 2
    assert done.stderr == "cosmodrome serve: no port 70000; give one from 1 to 65535\n"


def test_a_broken_story_is_reported_before_serving(tmp_path: Path) -> None:
    done = run_cosmodrome(["serve", "--story", str(tmp_path / "none"), "--saves", str(tmp_path)])
    assert done.returncode == 2
    assert done.stderr.startswith("cosmodrome serve: ")
    assert "Serving" not in done.stdout


def test_the_game_command_survives_the_shell_with_any_path() -> None:
    story, saves = Path("/a b/it's $HOME"), Path('/c;d/`x`"y"')
    command = game_command(story, saves)
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "cosmodrome.web.game",
        "--story",
        str(story),
        "--saves",
        str(saves),
    ]


def test_loopback_addresses_are_recognised() -> None:
    assert is_loopback("127.0.0.1")
    assert is_loopback("::1")
    assert is_loopback("localhost")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("192.168.1.2")
    assert not is_loopback("example.org")


def test_a_wildcard_bind_is_reached_by_the_machine_name_not_0_0_0_0() -> None:
    assert "0.0.0.0" not in page_url("0.0.0.0", 8000)
    assert page_url("::1", 8000) == "http://[::1]:8000"
    assert page_url("127.0.0.1", 8123) == "http://127.0.0.1:8123"


def test_a_port_in_use_is_one_line_and_nothing_is_announced(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cosmodrome(["serve", "--port", str(port), "--saves", str(tmp_path)])
    assert done.returncode == 1
    assert done.stderr == (
        f"cosmodrome serve: port {port} of 127.0.0.1 is in use; choose another with --port\n"
    )
    assert done.stdout == ""
