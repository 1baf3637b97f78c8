"""Shared set-up for the benchmarks: a dedicated database and the report file."""

import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2

BASE_DIR = Path(__file__).resolve().parent.parent
REPORT = BASE_DIR / "docs" / "benchmarks.md"
BENCH_DB = "forum_bench"


def bench_database_url(name: str = BENCH_DB) -> str:
    """The configured DATABASE_URL, pointed at a separate database that the benchmarks may fill."""
    url = os.environ.get("BENCH_ORIGINAL_DATABASE_URL", os.environ["DATABASE_URL"])
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_bench_database(fresh: bool = False, name: str = BENCH_DB) -> None:
    parts = urlsplit(os.environ.get("BENCH_ORIGINAL_DATABASE_URL", os.environ["DATABASE_URL"]))
    query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
    connection = psycopg2.connect(
        dbname="postgres",
        user=parts.username or "postgres",
        password=parts.password or None,
        host=query.get("host") or parts.hostname,
        port=parts.port,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        if fresh:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def setup_django(settings_module: str = "config.settings.local", name: str = BENCH_DB) -> None:
    os.environ.setdefault("BENCH_ORIGINAL_DATABASE_URL", os.environ["DATABASE_URL"])
    os.environ["DATABASE_URL"] = bench_database_url(name)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return (
        f"{os.cpu_count()} cores ({cpu}){mem}; {platform.system()} {platform.release()}; "
        f"Python {sys.version.split()[0]}; {pg or 'PostgreSQL'}"
    )


def write_section(name: str, body: str) -> None:
    """Replace (or add) one benchmark's section of docs/benchmarks.md, leaving the others."""
    REPORT.parent.mkdir(exist_ok=True)
    text = (
        REPORT.read_text()
        if REPORT.exists()
        else ("# Benchmarks\n\nWritten by `make bench`; every section is rewritten by the benchmark that owns it.\n")
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = f"<!-- bench:{name} -->\n{body.strip()}\n\n_Measured {stamp} on {machine()}._\n<!-- /bench:{name} -->"
    pattern = re.compile(rf"<!-- bench:{name} -->.*?<!-- /bench:{name} -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else f"{text.rstrip()}\n\n{block}\n"
    REPORT.write_text(text)
