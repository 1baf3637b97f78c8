"""A real Celery worker process runs a real task against the test database.

Once through the embedded broker (kombu's filesystem transport) and once
through Redis (CELERY_BROKER_URL when it is a Redis URL, else the local
Redis on 127.0.0.1:6379).
"""

import os
from pathlib import Path

import pytest

from core.models import WorkerHeartbeat
from tests.support.processes import celery_worker, process_env, run_django, wait_for


def _redis_broker_url() -> str:
    configured = os.environ.get("CELERY_BROKER_URL", "")
    return configured if configured.startswith("redis") else "redis://127.0.0.1:6379/14"


def _run_task_through_worker(broker_url: str, extra_env: dict[str, str], name: str, tmp_path: Path) -> None:
    env = process_env(broker_url, extra_env)
    log_file = tmp_path / "worker.log"
    with celery_worker(env, log_file, name):
        # Enqueue from a separate producer process with the same configuration, as the web process would.
        result = run_django(f"from core.tasks import record_heartbeat\nrecord_heartbeat.delay({name!r})", env)
        assert result.returncode == 0, result.stderr
        assert wait_for(lambda: WorkerHeartbeat.objects.filter(name=name).exists()), log_file.read_text()
    assert "succeeded" in log_file.read_text()


@pytest.mark.django_db(transaction=True)
def test_real_worker_runs_a_task_through_the_embedded_filesystem_broker(tmp_path):
    _run_task_through_worker(
        "filesystem://", {"CELERY_BROKER_DIR": str(tmp_path / "broker")}, "filesystem-broker", tmp_path
    )


@pytest.mark.django_db(transaction=True)
def test_real_worker_runs_a_task_through_redis(tmp_path):
    _run_task_through_worker(_redis_broker_url(), {}, "redis-broker", tmp_path)
