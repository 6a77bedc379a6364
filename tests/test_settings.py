"""Deployment settings: production refuses to start without its essentials."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(env, *args, command="check"):
    return subprocess.run(
        [sys.executable, "manage.py", command, *args],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "eurelations.settings.prod",
            **env,
        },
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({"DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check({"DJANGO_SECRET_KEY": "k3y-" + "a1b2c3d4e5" * 6})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_check(
        {"DJANGO_SECRET_KEY": "k3y-" + "a1b2c3d4e5" * 6, "DJANGO_ALLOWED_HOSTS": "example.org"},
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_collects_its_static_files_with_the_manifest_storage(tmp_path):
    # The hashed, compressed storage rejects a stylesheet pointing at a missing file: a
    # deployment would fail at collectstatic, so the suite runs it.
    result = run_check(
        {
            "DJANGO_SECRET_KEY": "k3y-" + "a1b2c3d4e5" * 6,
            "DJANGO_ALLOWED_HOSTS": "example.org",
            "DJANGO_STATIC_ROOT": str(tmp_path),
        },
        "--noinput",
        "-v0",
        command="collectstatic",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    for name in ["css/site.css", "vendor/jquery-ui/jquery-ui.min.js", "django_prose_editor/"]:
        assert name in manifest
