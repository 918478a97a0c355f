"""Tests for flows/server.py: the temporary Prefect API server launched before Prefect is imported."""
from __future__ import annotations

import json
import urllib.request

import pytest

from flows.server import TemporaryServer

pytestmark = pytest.mark.slow


def test_launch_wait_answer_and_stop():
    srv = TemporaryServer.launch(force=True)
    assert srv is not None
    try:
        url = srv.wait(timeout=180)
        assert url == srv.api_url and url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{url}/health", timeout=5) as resp:
            assert resp.status == 200 and json.loads(resp.read()) is True
        assert srv.boot_seconds is not None and srv.boot_seconds > 0
        process = srv.process
    finally:
        srv.stop()
    assert srv.process is None and process.poll() is not None


def test_no_server_when_an_api_url_is_configured(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert TemporaryServer.launch() is None


def test_no_server_under_a_prefect_harness(prefect_harness):
    assert TemporaryServer.launch() is None
