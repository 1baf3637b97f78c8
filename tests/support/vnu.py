"""The Nu HTML Checker (vnu-jar from npm, run with the machine's Java) over many documents in one run."""

import json
import shutil
import subprocess  # nosec B404 - runs the checker we install, on files we wrote
import tempfile
from pathlib import Path

from django.conf import settings

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check(documents: dict[str, str]) -> dict[str, list[str]]:
    """The checker's errors for each document (name → HTML), as "line N: message"; warnings left out."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        raise RuntimeError("The HTML checker needs Java and `npm ci` (vnu-jar); install them first.")
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{index:03d}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        result = subprocess.run(  # nosec B603 - fixed arguments
            [java, "-jar", str(VNU), "--format", "json", "--errors-only", "--exit-zero-always", folder],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    report = json.loads(result.stderr or "{}")
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in report.get("messages", []):
        if message.get("type") != "error":
            continue
        url = message.get("url", "")
        name = names.get(url.rsplit("/", 1)[-1], url)
        errors.setdefault(name, []).append(f"line {message.get('lastLine', '?')}: {message.get('message')}")
    return errors
