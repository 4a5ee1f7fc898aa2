"""A real `mkdocs serve`: an edit to an incident shows on the served site, and search still has every page."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import API_SLO
from test_serve_cache import incident


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not served at {url} within {seconds} s")


def _locations(search_index: str) -> set[str]:
    return {doc["location"].split("#")[0] for doc in json.loads(search_index)["docs"]}


def test_an_edit_shows_on_the_served_site(make_site: Callable[..., Path]) -> None:
    files = {"ops/slo.yml": API_SLO} | {
        f"ops/incidents/INC-2026110{n}-01.md": incident(n, f"Outage {n}") for n in (1, 2, 3)
    }
    root = make_site(files)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795852800"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        page = f"{base}/incidents/INC-20261102-01/"
        _wait_for(page, "Outage 2")
        pages = {
            d["location"].split("#")[0]
            for d in json.loads(_wait_for(f"{base}/search/search_index.json", "docs"))["docs"]
        }
        (root / "ops/incidents/INC-20261102-01.md").write_text(incident(2, "Database failover"), "utf-8")
        assert "Database failover" in _wait_for(page, "Database failover")
        assert "Database failover" in _wait_for(f"{base}/incidents/", "Database failover")  # the log's row
        index = _wait_for(f"{base}/search/search_index.json", "Database failover")
        assert _locations(index) == pages  # every page is still searchable
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err
