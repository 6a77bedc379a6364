#!/usr/bin/env python
"""Benchmark: the production server (gunicorn) against PostgreSQL + Redis.

For each data size (number of projects) it loads the seed content plus generated projects, starts
gunicorn twice — with the page cache on and off — and prints, per page, requests per second and
p50/p99 latency, next to a trivial view on the same server (the framework's floor), the queries
each page costs, and the workers' memory.

    .venv/bin/python bench/run.py [--sizes 10,1000,10000] [--requests 400] [--concurrency 4]

Only loopback traffic; every loop is bounded in count and time.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HOST, PORT = "127.0.0.1", 8765
DATABASE = "eurelations_bench"
ENV = {
    "DJANGO_SETTINGS_MODULE": "eurelations.settings.prod",
    "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
    "DJANGO_ALLOWED_HOSTS": HOST,
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": os.environ.get(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    ),
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
}
os.environ.update(ENV)


def prepare_database(size):
    """A fresh database with the seed content and ``size`` published projects."""
    url = urlsplit(ENV["DATABASE_URL"])
    name = url.path.lstrip("/")
    admin = ["psql", "-h", url.hostname, "-U", url.username or "postgres", "-d", "postgres", "-q"]
    if "django.db" in sys.modules:  # this process's own connection from the previous size
        from django.db import connections

        connections.close_all()
    # FORCE: the benchmark owns this database; a server that has not let go must not stop it.
    subprocess.run([*admin, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
    subprocess.run([*admin, "-c", f"CREATE DATABASE {name}"], check=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)
    subprocess.run([*manage, "load_seed_content", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.db import connection

    from projects.models import Project, ProjectTranslation

    existing = Project.objects.count()
    extra = max(0, size - existing)
    projects = Project.objects.bulk_create(
        Project(key=f"bench-{n}", code=f"B{n}", status="published", order=100 + n)
        for n in range(extra)
    )
    ProjectTranslation.objects.bulk_create(
        ProjectTranslation(
            master=project,
            language_code=language,
            name=f"Benchmark project {n} ({language})",
            slug=f"bench-{n}-{language}",
            summary="A generated project for the benchmark. " * 3,
        )
        for n, project in enumerate(projects)
        for language in ("ar", "en", "fr", "es")
    )
    connection.close()
    return Project.objects.count()


def pages():
    from django.urls import reverse
    from django.utils import translation

    from projects.models import Project

    project = Project.objects.get(key="wapis")
    with translation.override("en"):
        search = reverse("search") if _has_url("search") else None
        result = {
            "floor (robots.txt)": "/robots.txt",
            "home en": "/en/",
            "home ar": "/ar/",
            "project list en": reverse("projects:project_list"),
            "project list page 2": reverse("projects:project_list") + "?page=2",
            "project detail en": project.get_absolute_url("en"),
            "project detail ar": project.get_absolute_url("ar"),
        }
        if search:
            result["search en"] = search + "?q=police"
    return result


def _has_url(name):
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def queries_per_page(urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from eurelations.cache import invalidate_pages

    client = Client(SERVER_NAME=HOST)
    counts = {}
    for label, path in urls.items():
        invalidate_pages()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts[label] = len(captured)
    return counts


def start_server(page_cache_seconds):
    env = {**os.environ, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "eurelations.wsgi",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def worker_memory_mb(server):
    children = subprocess.run(
        ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
    ).stdout.split()
    total = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total.append(int(line.split()[1]) / 1024)
    return total


def measure(path, requests, concurrency, time_limit=30.0):
    latencies = []
    statuses = set()
    lock = threading.Lock()
    per_worker = requests // concurrency
    deadline = time.monotonic() + time_limit

    def worker():
        connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
        for _ in range(per_worker):
            if time.monotonic() > deadline:
                break
            start = time.perf_counter()
            connection.request("GET", path, headers={"Host": HOST})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                statuses.add(response.status)
        connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "status": ",".join(map(str, sorted(statuses))),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    for size in [int(s) for s in args.sizes.split(",")]:
        total = prepare_database(size)
        urls = pages()
        queries = queries_per_page(urls)
        print(f"\n== {total} projects (gunicorn, 2 workers, PostgreSQL + Redis) ==")
        print(
            f"{'page':24} {'queries':>7} | {'cached rps':>10} {'p50 ms':>7} {'p99 ms':>7}"
            f" | {'uncached rps':>12} {'p50 ms':>7} {'p99 ms':>7} | status"
        )
        results = {}
        memory = {}
        for mode, seconds in (("cached", 300), ("uncached", 0)):
            server = start_server(seconds)
            try:
                for label, path in urls.items():
                    measure(path, args.concurrency * 5, args.concurrency)  # warm up
                    results[(label, mode)] = measure(path, args.requests, args.concurrency)
                memory[mode] = worker_memory_mb(server)
            finally:
                server.terminate()
                server.wait(timeout=10)
        for label in urls:
            cached, uncached = results[(label, "cached")], results[(label, "uncached")]
            print(
                f"{label:24} {queries[label]:>7} | {cached['rps']:>10.0f} {cached['p50']:>7.1f}"
                f" {cached['p99']:>7.1f} | {uncached['rps']:>12.0f} {uncached['p50']:>7.1f}"
                f" {uncached['p99']:>7.1f} | {cached['status']}/{uncached['status']}"
            )
        for mode, values in memory.items():
            listed = ", ".join(f"{value:.0f}" for value in values)
            print(f"worker memory after the {mode} run (RSS, MB): {listed}")


if __name__ == "__main__":
    main()
