"""`overgang serve` on a port that is taken: it says which port and how to pick another, with exit code 3."""

import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_a_busy_port_is_named_with_the_way_out(tmp_path):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO),
                                 "serve", "--port", str(port)], capture_output=True, text=True, timeout=120,
                                cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "--port" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert "built" not in result.stdout  # refused before building anything
    assert list(tmp_path.iterdir()) == []
