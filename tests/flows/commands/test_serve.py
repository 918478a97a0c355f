"""`bantin serve` without Prefect: options and defaults, the health probe, reuse of a running
server, and the usage error. The real server + deployment run is tests/test_deploy.py."""
from __future__ import annotations

import argparse
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from flows import cli
from flows.commands import serve


class _Health(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
        self.wfile.write(b"true")

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture
def fake_api():
    httpd = HTTPServer(("127.0.0.1", 0), _Health)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    serve.add_arguments(p)
    return p.parse_args(argv)


def test_defaults_are_hourly_on_loopback_4200(monkeypatch):
    for var in ("PREFECT_API_URL", "BANTIN_CRON", "BANTIN_PORT"):
        monkeypatch.delenv(var, raising=False)
    args = _parse([])
    assert (args.cron, args.name, args.host, args.port, args.api_url) == ("0 * * * *", "hourly", "127.0.0.1", 4200, None)
    assert (args.raw, args.out, args.full) == (Path("raw"), Path("output"), False)


def test_environment_configures_cron_port_and_api(monkeypatch):
    monkeypatch.setenv("BANTIN_CRON", "*/15 * * * *")
    monkeypatch.setenv("BANTIN_PORT", "4321")
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    args = _parse([])
    assert (args.cron, args.port, args.api_url) == ("*/15 * * * *", 4321, "http://127.0.0.1:9/api")


def test_health_probe(fake_api):
    assert serve.healthy(f"http://127.0.0.1:{fake_api}/api")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    assert not serve.healthy(f"http://127.0.0.1:{closed}/api", timeout=0.5)


def test_a_server_already_running_on_the_port_is_reused(fake_api):
    proc, url = serve.start_server("127.0.0.1", fake_api, timeout=5)
    assert proc is None and url == f"http://127.0.0.1:{fake_api}/api"


def test_missing_raw_directory_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["serve", "--raw", str(tmp_path / "nope")]) == 2
    assert "--raw" in capsys.readouterr().err
