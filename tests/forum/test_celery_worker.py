"""A real Celery worker process runs a real task against the test database.

Once through the embedded broker (kombu's filesystem transport) and once
through Redis (CELERY_BROKER_URL when it is a Redis URL, else the local
Redis on 127.0.0.1:6379).
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from forum.models import WorkerHeartbeat

BASE_DIR = Path(settings.BASE_DIR)


def _database_url() -> str:
    db = connection.settings_dict
    host = db["HOST"] or db.get("OPTIONS", {}).get("host", "")
    if host.startswith("/"):
        location = f"@/{db['NAME']}?host={quote(host)}"
    else:
        location = f"@{host}:{db['PORT'] or 5432}/{db['NAME']}"
    credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}{location}"


def _redis_broker_url() -> str:
    configured = os.environ.get("CELERY_BROKER_URL", "")
    return configured if configured.startswith("redis") else "redis://127.0.0.1:6379/14"


def _run_task_through_worker(broker_url: str, extra_env: dict[str, str], name: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        **extra_env,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker_url,
    }
    log_file = tmp_path / "worker.log"
    with log_file.open("wb") as log:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                f"--hostname={name}@test",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        # Enqueue from a separate producer process with the same configuration,
        # as the web process would.
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from forum.tasks import record_heartbeat; "
                f"record_heartbeat.delay({name!r})",
            ],
            cwd=BASE_DIR,
            env=env,
            check=True,
            timeout=60,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if WorkerHeartbeat.objects.filter(name=name).exists():
                break
            assert worker.poll() is None, log_file.read_text()
            time.sleep(0.2)
        assert WorkerHeartbeat.objects.filter(name=name).exists(), log_file.read_text()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert "succeeded" in log_file.read_text()


@pytest.mark.django_db(transaction=True)
def test_real_worker_runs_a_task_through_the_embedded_filesystem_broker(tmp_path):
    _run_task_through_worker(
        "filesystem://", {"CELERY_BROKER_DIR": str(tmp_path / "broker")}, "filesystem-broker", tmp_path
    )


@pytest.mark.django_db(transaction=True)
def test_real_worker_runs_a_task_through_redis(tmp_path):
    _run_task_through_worker(_redis_broker_url(), {}, "redis-broker", tmp_path)
