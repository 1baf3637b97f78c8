"""Driving the page benchmark's server: gunicorn on loopback, wrk (with a Lua script for the long tail),
the writer process beside it, and a few requests to check what is served."""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import writes
from bench.common import BASE_DIR

PORT = 8799
DURATION = int(os.environ.get("BENCH_PAGE_SECONDS", "10"))
CONNECTIONS = 16
THREADS = 2
# wrk leaves a request out of its latencies once it times out (2 s by default): slow pages are measured.
LONG_TAIL_TIMEOUT = "30s"

# Each wrk thread draws from its own share of the paths, so the distinct paths of the threads add up;
# a signed-in request carries one of the readers' cookies, drawn for each request.
LUA = """
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  paths, cookies, seen, distinct = {}, {}, {}, 0
  local i = 0
  for line in io.lines(PATHS) do
    if i % THREADS == id then paths[#paths + 1] = line end
    i = i + 1
  end
  for line in io.lines(COOKIES) do cookies[#cookies + 1] = line end
  math.randomseed(os.time() + 7919 * id)
end
function request()
  local n = math.random(#paths)
  if not seen[n] then
    seen[n] = true
    distinct = distinct + 1
  end
  local headers = {}
  if #cookies > 0 then headers["Cookie"] = cookies[math.random(#cookies)] end
  return wrk.format("GET", paths[n], headers)
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("distinct") end
  io.write(string.format("distinct paths: %d\\n", total))
end
"""


def wrk(url: str, cookie: str | None = None, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    if script:
        command[1:1] = ["-s", str(script), "--timeout", LONG_TAIL_TIMEOUT]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def millis(label: str) -> float:
        match = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", output)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    def number(pattern: str) -> float:
        match = re.search(pattern, output)
        return float(match.group(1)) if match else 0

    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"), "p50": millis("50"), "p99": millis("99"),
        "errors": number(r"Non-2xx or 3xx responses: (\d+)"), "timeouts": number(r"timeout (\d+)"),
        "requests": number(r"(\d+) requests in"), "distinct": number(r"distinct paths: (\d+)"),
    }  # fmt: skip


def serve(env: dict[str, str], workers: str) -> subprocess.Popen:
    """gunicorn with fresh workers (nothing in their memory), once it answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", workers,
         "--access-logfile", "-", "--log-level", "warning"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/hello", timeout=2)  # noqa: S310
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=30)


def empty_shared_cache(cache_url: str) -> int:
    """Empty the cache the server uses (for Redis, its database); returns how many keys it held."""
    import environ
    from django.core.cache import CacheHandler

    caches = CacheHandler({"default": environ.Env.cache_url_config(cache_url)})
    try:
        cache = caches["default"]
        client = getattr(getattr(cache, "_cache", None), "get_client", None)
        held = client().dbsize() if client else -1
        cache.clear()
        return held
    finally:
        caches.close_all()


@contextmanager
def writing(env: dict[str, str], rate: float | None) -> Iterator[dict[str, Any]]:
    """Writes through the services from another process (bench/writes.py) at `rate` calls a second while
    the block runs (none without a rate)."""
    report: dict[str, Any] = {}
    if not rate:
        yield report
        return
    writer = subprocess.Popen(
        [sys.executable, "-m", "bench.writes", str(rate)],
        cwd=BASE_DIR, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert writer.stdin is not None and writer.stdout is not None  # noqa: S101 - both are pipes
    try:
        for line in writer.stdout:
            if line.startswith(f"{writes.MARK} ready"):
                break
        else:
            raise SystemExit("bench.writes did not start")
        yield report
    finally:
        writer.stdin.write("stop\n")
        writer.stdin.close()
        for line in writer.stdout:
            if line.startswith(writes.MARK):
                report.update(json.loads(line.removeprefix(writes.MARK)))
        writer.wait(timeout=120)


def page(url: str, cookie: str | None, final: bool = False) -> Any:
    """Fetch a page: whether it was served to a signed-in reader (or, with final, the URL it ended at)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server
        html = response.read().decode()
        return response.geturl() if final else "Sign out" in html


def last_page(url: str) -> int:
    html = urllib.request.urlopen(url.replace("?page=last", ""), timeout=30).read().decode()  # noqa: S310
    numbers = [int(n) for n in re.findall(r"[?&]page=(\d+)", html)]
    return max(numbers, default=1)
