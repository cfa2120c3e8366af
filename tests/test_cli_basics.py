"""The installed command works from any folder and never fetches anything."""

import socket
import subprocess
import sys

import pytest

from catalogue import __version__
from catalogue.errors import NetworkBlocked
from catalogue.source import netguard


def _overgang(*args, cwd):
    exe = [sys.executable, "-c", "from cli import run; run()"]
    return subprocess.run([*exe, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_version_from_outside_the_checkout(tmp_path):
    result = _overgang("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_help_lists_exit_codes(tmp_path):
    result = _overgang("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "4  a size or time limit was hit" in result.stdout


def test_unknown_command_is_usage_error(tmp_path):
    result = _overgang("no-such-command", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_network_guard_refuses_connections():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    try:
        netguard.enable()
        with pytest.raises(NetworkBlocked):
            socket.create_connection(("127.0.0.1", port), timeout=2)
        netguard.disable()
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        listener.close()
