"""Real processes for end-to-end tests: a Celery worker, a Django 'producer', an SMTP server."""

import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def database_url() -> str:
    db = connection.settings_dict
    host = db["HOST"] or db.get("OPTIONS", {}).get("host", "")
    if host.startswith("/"):
        location = f"@/{db['NAME']}?host={quote(host)}"
    else:
        location = f"@{host}:{db['PORT'] or 5432}/{db['NAME']}"
    credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}{location}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def process_env(broker_url: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker_url,
        **(extra or {}),
    }


def run_django(code: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run Python code in a fresh process with Django set up, as the web process would."""
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


@contextmanager
def celery_worker(env: dict[str, str], log_file: Path, name: str) -> Iterator[subprocess.Popen[bytes]]:
    with log_file.open("wb") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO",
             "--without-gossip", "--without-mingle", "--without-heartbeat", f"--hostname={name}@test"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while "ready" not in log_file.read_text() and time.monotonic() < deadline:
            assert worker.poll() is None, log_file.read_text()
            time.sleep(0.2)
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


class _Collector:
    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802 (aiosmtpd API)
        with self.lock:
            self.messages.append(envelope.content)  # type: ignore[attr-defined]
        return "250 Message accepted"


@contextmanager
def smtp_server() -> Iterator[tuple[int, _Collector]]:
    collector = _Collector()
    port = free_port()
    # aiosmtpd logs every recipient address at INFO; keep addresses out of test and bench output.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, collector
    finally:
        controller.stop()


def wait_for(predicate: object, timeout: float = 60, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(interval)
    return False
