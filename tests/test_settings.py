"""Deployment settings: production refuses to start without its essentials."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key

ROOT = Path(__file__).resolve().parent.parent
#: A key production accepts, made as the README says.
GOOD_KEY = secrets.token_urlsafe(50)


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


def thue_morse(length):
    """a and b without any block three times in a row, so nothing of it is left out as a
    repetition: only its two letters make it predictable."""
    return "".join("ab"[bin(i).count("1") % 2] for i in range(length))


@pytest.mark.parametrize(
    "secret_key, why",
    [
        ("change-me" + " " * 56, "9 characters besides whitespace"),
        ("x" * 60, "placeholder words or repetitions"),
        ("k3y-" + "a1b2c3d4e5" * 6, "placeholder words or repetitions"),
        ("changeme" * 8, "placeholder words or repetitions"),
        ("your-secret-key-" + "0123456789" * 4, "placeholder words or repetitions"),
        ("".join("123456789"[i:] + "123456789"[:i] for i in range(9)), "9 different"),
        (thue_morse(64) + "0123456789", "bits of entropy per character"),
        ("django-insecure-" + secrets.token_urlsafe(50), "startproject"),
    ],
)
def test_production_refuses_a_short_padded_placeholder_or_predictable_secret_key(secret_key, why):
    result = run_check({"DJANGO_SECRET_KEY": secret_key, "DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    refusal = result.stderr.splitlines()[-1]
    assert refusal.startswith("django.core.exceptions.ImproperlyConfigured: DJANGO_SECRET_KEY ")
    assert why in refusal
    assert secret_key.strip() not in refusal  # the key itself is not written to the log


@pytest.mark.parametrize(
    "make_key",
    [
        lambda: secrets.token_urlsafe(50),
        lambda: secrets.token_hex(32),  # openssl rand -hex 32
        get_random_secret_key,  # startproject's generator
    ],
    ids=["token_urlsafe", "token_hex", "django"],
)
def test_production_accepts_a_random_secret_key(make_key):
    result = run_check({"DJANGO_SECRET_KEY": make_key(), "DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check({"DJANGO_SECRET_KEY": GOOD_KEY})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_check(
        {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "example.org"},
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
            "DJANGO_SECRET_KEY": GOOD_KEY,
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
