"""The Nu HTML Checker (vnu.jar, from npm, on Java) finds no error on any public page type in
any of the four languages. One checker run reads every page, so the JVM starts once."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache

from tests.public_pages import page_addresses

pytestmark = pytest.mark.django_db
LANGUAGES = ("ar", "en", "fr", "es")
VNU = (
    Path(__file__).resolve().parent.parent
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)


def checker():
    java = shutil.which("java")
    missing = []
    if not java:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU.exists():
        missing.append(f"{VNU} (npm ci)")
    if missing:
        reason = f"the Nu HTML Checker needs {', '.join(missing)}; python3 dev.py test sets it up"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return [java, "-Xss4m", "-jar", str(VNU)]


def test_every_page_type_in_every_language_is_valid_html(client, tmp_path):
    command = checker()
    files = {}
    for language in LANGUAGES:
        for kind, address in page_addresses(language).items():
            cache.clear()
            response = client.get(address)
            assert response.status_code in (200, 404), f"{address}: {response.status_code}"
            target = tmp_path / f"{language}-{len(files):03}.html"
            target.write_bytes(response.content)
            files[str(target)] = f"{language} {kind} {address}"
    result = subprocess.run(
        [*command, "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))} "
        f"line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in report["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert len(files) >= 4 * 10, "fewer page types than expected: is the sweep broken?"
    assert errors == []
