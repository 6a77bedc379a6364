#!/usr/bin/env python
"""Time the admin's pages, logged in as a superuser, in one process against a bench database
(``eurelations_bench_<N>``, loaded by ``bench/run.py``): the dashboard, the translation status
page, each changelist without and with a search (a rare word and one every generated project
has), and a change form; median wall ms and SQL queries of each.

    .venv/bin/python bench/admin_pages.py --size 100000 [--requests 5]

The database gets an account ``bench-admin`` (a superuser, no password) to log in with, and
the stored translation status is rebuilt first if it was never built (a bulk load saves
nothing).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import ENV, HOST, database_url  # noqa: E402

#: Searches of every changelist: a word few items have, and one every generated project has.
SEARCHES = {"rare": "police", "common": "project"}


def admin_pages():
    from django.contrib import admin
    from django.urls import reverse

    from content import registry

    pages = {
        "dashboard": reverse("admin:index"),
        "translation status": reverse("admin:translations_languagerights_changelist"),
        "translation status fr stale": reverse("admin:translations_languagerights_changelist")
        + "?language=fr&status=stale",
    }
    for model, model_admin in admin.site._registry.items():
        if model not in registry.models():
            continue
        opts = model._meta
        name = opts.model_name
        changelist = reverse(f"admin:{opts.app_label}_{name}_changelist")
        pages[f"{name} list"] = changelist
        # A list without search (the site settings' one record) is timed without.
        for label, word in SEARCHES.items() if model_admin.search_fields else ():
            pages[f"{name} search {label}"] = f"{changelist}?q={word}"
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            change = reverse(f"admin:{opts.app_label}_{name}_change", args=[first.pk])
            pages[f"{name} change"] = change
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=5, help="per page")
    args = parser.parse_args()

    os.environ.update({**ENV, "DATABASE_URL": database_url(args.size), "PAGE_CACHE_SECONDS": "0"})
    # Logged in without the second factor: what is measured is the page, not the login.
    os.environ["DJANGO_OTP_REQUIRED"] = "false"
    os.environ.setdefault("DJANGO_LOG_REQUESTS", "false")
    # The production settings serve static files from their manifest, as the bench's loader.
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(command, cwd=ROOT, check=True)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from translations.store import rebuild_if_never_built

    started = time.perf_counter()
    rebuild_if_never_built()
    print(f"stored translation status ready in {time.perf_counter() - started:.1f} s")
    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST=HOST, raise_request_exception=False)
    client.force_login(user)
    pages = admin_pages()
    times, queries = {}, {}
    failed = {}
    for label, path in pages.items():
        times[label] = []
        try:
            client.get(path)  # warm
            for _ in range(args.requests):
                with CaptureQueriesContext(connection) as captured:
                    began = time.perf_counter()
                    response = client.get(path)
                    times[label].append((time.perf_counter() - began) * 1000)
                # A list of one record answers with its address (302): what it costs is timed.
                if response.status_code not in (200, 302):
                    raise RuntimeError(f"HTTP {response.status_code}")
                queries[label] = len(captured)
        except Exception as error:  # noqa: BLE001 (a page that fails is reported, not fatal)
            failed[label] = f"{path}: {type(error).__name__}: {str(error)[:80]}"
    print(f"{args.size} projects, admin as superuser, median of {args.requests} requests")
    print(f"{'page':36} {'ms':>9} {'queries':>8}")
    for label in pages:
        if label in failed:
            print(f"{label:36} {'failed':>9} {failed[label]}")
        else:
            print(f"{label:36} {statistics.median(times[label]):9.1f} {queries[label]:8}")


if __name__ == "__main__":
    main()
