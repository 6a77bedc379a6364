#!/usr/bin/env python
"""Benchmark: the production server (gunicorn, one sync worker) against PostgreSQL + Redis.

For each size N (published projects, each in the four languages) it loads a database once —
``eurelations_bench_<N>``, kept and reused by the next run — then starts gunicorn with the page
cache on and then off and measures every page in Arabic and English, in rotation with a trivial
view served by the same worker (the floor): requests/s, p50 and p99 latency, bytes, SQL queries,
the ratio to the floor of the same round, errors; the worker's memory after each run; and a
summary line per N.

    python3 dev.py bench [--sizes 10,1000,10000,100000] [--seconds 1] [--rounds N]
    python3 dev.py bench --reload            # drop and load the databases again
    python3 dev.py bench --sizes 10000,100000 --against   # uncached, side by side with REFERENCE

Uncached pages must not get slower: with ``--against`` a commit (``REFERENCE`` below: the code
before cache tags), that commit's code is checked out beside this one and served the same way
against the same database, and each page's uncached ratio to the floor (each in its own run, so
the machine's speed cancels out) is compared; the bench exits with status 1 when a page is more
than 10 % slower than the reference.

The load generator is Debian's ``wrk`` (installed with apt-get when run as root); without it, a
small Python client, bounded in requests and time. Only loopback traffic; Redis database 11, whose
keys the page cache's generation makes stale at each size (nothing is flushed).

Elsewhere (tests/test_readme_commands.py runs it on scratch ones): ``BENCH_POSTGRES`` (the server,
postgres://postgres@127.0.0.1:5432), ``BENCH_DATABASE_PREFIX`` (eurelations_bench_, then N),
``BENCH_REDIS_URL`` (redis://127.0.0.1:6379/11) and ``BENCH_PORT`` (gunicorn's, 8765).
"""

import argparse
import http.client
import json
import math
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # production refuses a padded one
    "DJANGO_ALLOWED_HOSTS": HOST,
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11"),
    "PYTHONPATH": str(ROOT),
}
SERVER_URL = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE_PREFIX = os.environ.get("BENCH_DATABASE_PREFIX", "eurelations_bench_")
FLOOR = "/bench/floor"
# The server's own output (a line per request, as in production, and any traceback): a file
# per size and mode here, not the report.
LOG_DIR = Path(tempfile.gettempdir()) / "eurelations-bench"


def database_url(size):
    return f"{SERVER_URL}/{DATABASE_PREFIX}{size}"


# --- in a child process, against one size's database ------------------------------------------


def load(size, reload):
    """The database of ``size`` projects, loaded once: the seed, then generated projects with
    their four translations and links, in bulk."""
    url = urlsplit(database_url(size))
    name = url.path.lstrip("/")
    admin = [
        "psql",
        "-h",
        url.hostname,
        "-U",
        url.username or "postgres",
        "-d",
        "postgres",
        "-qAt",
    ]
    exists = subprocess.run(
        [*admin, "-c", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if reload or not exists:
        subprocess.run([*admin, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
        subprocess.run([*admin, "-c", f"CREATE DATABASE {name}"], check=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.db import connection, transaction

    # The settings' languages, read once Django is set up: importing the settings module
    # earlier, before this process's environment is complete, would fix its values (for
    # profile_pages.py, which imports this file, a production SECRET_KEY of "").
    from content.languages import language_codes
    from cooperation.models import CooperationArea, Partner
    from projects.models import Project, ProjectTranslation
    from seed.loader import load_seed_content
    from translations.store import rebuild

    if not Project.objects.exists():
        load_seed_content()
    missing = size - Project.objects.count()
    started = time.monotonic()
    if missing > 0:
        area = CooperationArea.objects.get(key="west-africa")
        partners = list(Partner.objects.order_by("pk"))
        regions = ["Sahel", "West Africa", "Southern Africa", "Latin America", "South-East Asia"]
        countries = [["SN", "ML"], ["BR", "CO"], ["MA"], ["JO", "LB"], []]
        first = Project.objects.count()
        batch = 5000
        # The text-search indexes are built once at the end: kept up row by row, they make a
        # 100,000-project load several times slower.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%%_fts_%%'"
            )
            text_indexes = cursor.fetchall()
            for name, _definition in text_indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        for start in range(first, first + missing, batch):
            numbers = range(start, min(first + missing, start + batch))
            with transaction.atomic():
                projects = Project.objects.bulk_create(
                    Project(
                        key=f"bench-{n}",
                        code=f"B{n}",
                        status="published",
                        order=100 + n,
                        countries=countries[n % len(countries)],
                    )
                    for n in numbers
                )
                ProjectTranslation.objects.bulk_create(
                    ProjectTranslation(
                        master=project,
                        language_code=language,
                        name=f"Benchmark project {n} ({language})",
                        slug=f"bench-{n}-{language}",
                        summary="A generated project for the benchmark. " * 3,
                        description="<p>Generated to measure the site at scale.</p>",
                        region=regions[n % len(regions)],
                    )
                    for n, project in zip(numbers, projects, strict=True)
                    for language in language_codes()
                )
                Project.cooperation_areas.through.objects.bulk_create(
                    Project.cooperation_areas.through(project=project, cooperationarea=area)
                    for project in projects
                )
                Project.partners.through.objects.bulk_create(
                    Project.partners.through(project=project, partner=partners[n % len(partners)])
                    for n, project in zip(numbers, projects, strict=True)
                )
        with connection.cursor() as cursor:
            for _name, definition in text_indexes:
                cursor.execute(definition)
        # Rows written in bulk send no signal: the stored translation status is decided anew.
        rebuild()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Project.objects.count(), time.monotonic() - started


def pages(total):
    """{label: path}: each public page in Arabic and in English, and the sitemap."""
    from django.urls import reverse
    from django.utils import translation

    from cooperation.models import CooperationArea, Partner
    from eurelations.sitemaps import ContentSitemap
    from projects.models import Project

    wapis = Project.objects.get(key="wapis")
    area = CooperationArea.objects.get(key="west-africa")
    partner = Partner.objects.get(key="europol")
    result = {}
    for language in ("ar", "en"):
        with translation.override(language):
            project_list = reverse("projects:project_list")
            search = reverse("search")
            last = math.ceil(total / 12)
            result |= {
                f"home {language}": reverse("home"),
                f"project {language}": wapis.get_absolute_url(language),
                f"list {language}": project_list,
                f"list last {language}": f"{project_list}?page={last}",
                f"list filtered {language}": f"{project_list}?area=west-africa&status=ongoing",
                f"area {language}": area.get_absolute_url(language),
                f"partner {language}": partner.get_absolute_url(language),
                f"search rare {language}": f"{search}?q=police",
                # Matches every generated project: bounded by search.MAX_MATCHES.
                f"search common {language}": f"{search}?q=project",
            }
    last_page = max(1, math.ceil(total / ContentSitemap.limit))
    result["sitemap index"] = reverse("sitemap")
    section = reverse("sitemap_section", kwargs={"section": "projects-project"})
    result["sitemap last"] = f"{section}?p={last_page}"
    return result


def queries(urls):
    """SQL queries of each page rendered afresh (everything invalidated before each)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pagecache.invalidation import invalidate_everything

    client = Client(HTTP_HOST=HOST)
    counts = {}
    for label, path in urls.items():
        invalidate_everything()
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        counts[label] = len(captured) if status == 200 else f"HTTP {status}"
    invalidate_everything()  # the server starts with no page an earlier size stored
    return counts


def prepare(size, reload):
    total, seconds = load(size, reload)
    urls = pages(total)
    print(
        json.dumps(
            {"total": total, "load_seconds": seconds, "urls": urls, "queries": queries(urls)}
        )
    )


# --- in the parent: servers and load ------------------------------------------------------------


def ensure_wrk():
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, check=False)
    return shutil.which("wrk")


def start_server(size, page_cache_seconds, log, root=ROOT):
    env = {
        **os.environ,
        **ENV,
        "DATABASE_URL": database_url(size),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
    }
    if not page_cache_seconds:
        env["BENCH_PAGE_CACHE_PREFIX"] = f"uncached-{time.time_ns()}"
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "eurelations.wsgi", "--bind", f"{HOST}:{PORT}", "--workers", "1"]
        + ["--worker-class", "sync", "--timeout", "60", "--log-level", "warning"],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(FLOOR)[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def fetch(path):
    """(status, body bytes, seconds) of one request."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        body = response.read()
        return response.status, len(body), time.perf_counter() - started
    finally:
        connection.close()


def worker_memory_mb(server):
    children = subprocess.run(
        ["pgrep", "-P", str(server.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def with_wrk(wrk, path, seconds):
    output = subprocess.run(
        [wrk, "-t1", "-c2", f"-d{seconds}s", "--timeout", "30s", "--latency"]
        + ["-H", f"Host: {HOST}", f"http://{HOST}:{PORT}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(percent):
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")

    done = re.search(r"(\d+) requests in", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": int(done.group(1)) if done else 0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket.groups())) if socket else 0),
    }


def with_python(path, seconds, concurrency=2, max_requests=2000):
    """The fallback load generator: bounded in requests and time (it shares the cores)."""
    latencies, errors = [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        while time.monotonic() < deadline and len(latencies) < max_requests:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": HOST})
            response = connection.getresponse()
            response.read()
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                errors[0] += response.status >= 400
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / (time.perf_counter() - started),
        "p50": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "errors": errors[0],
    }


def run_mode(size, mode, urls, wrk, seconds, rounds, root=ROOT):
    """Per page: rps, p50, p99, errors, bytes, ratio to the floor; and the worker's memory."""
    LOG_DIR.mkdir(exist_ok=True)
    log = (LOG_DIR / f"gunicorn-{size}-{mode.replace(' ', '-')}.log").open("w")
    server = start_server(size, 300 if mode == "cached" else 0, log, root)
    try:
        sizes = {}
        for label, path in urls.items():
            status, length, _seconds = fetch(path)  # warms the page cache in "cached"
            sizes[label] = length if status == 200 else f"HTTP {status}"

        def measure(path):
            # The load generator stops on time, not the server: the last requests it sent are
            # still being answered. One request of our own waits for them, so that no page
            # (and no floor) is measured while the one before it is still running.
            fetch(FLOOR)
            return with_wrk(wrk, path, seconds) if wrk else with_python(path, seconds)

        samples = {label: [] for label in ["floor", *urls]}
        for _round in range(rounds):
            # Round-robin: the floor opens and closes each round, and each page's ratio is to
            # the mean floor of its own round, so a noisy neighbour moves both.
            opening = measure(FLOOR)
            round_results = {label: measure(path) for label, path in urls.items()}
            closing = measure(FLOOR)
            floor_rps = (opening["rps"] + closing["rps"]) / 2
            samples["floor"] += [opening, closing]
            for label, result in round_results.items():
                result["ratio"] = result["rps"] / floor_rps if floor_rps else 0.0
                samples[label].append(result)
        memory = worker_memory_mb(server)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()
    results = {}
    for label, runs in samples.items():
        results[label] = {
            # Medians: one round slowed by a neighbour on a shared machine moves nothing.
            "rps": statistics.median(run["rps"] for run in runs),
            "p50": statistics.median(run["p50"] for run in runs),
            "p99": max(run["p99"] for run in runs),
            "errors": sum(run["errors"] for run in runs),
            "ratio": statistics.median(run.get("ratio", 1.0) for run in runs),
            "bytes": sizes.get(label, 2),
        }
    return results, memory


def report(size, prepared, results, memory, rounds, seconds):
    total = prepared["total"]
    print(f"\n== {total} projects: gunicorn 1 sync worker, PostgreSQL, Redis ==")
    print(f"(medians of {rounds} round(s) of {seconds} s per page and mode)")
    print(f"(database loaded in {prepared['load_seconds']:.0f} s this run)")
    header = (
        f"{'page':22} {'queries':>7} {'bytes':>7} | {'cached rps':>10} {'p50':>6} {'p99':>6}"
        f" {'×floor':>6} | {'uncached rps':>12} {'p50':>7} {'p99':>7} {'×floor':>6} | err"
    )
    print(header)
    for label in ["floor", *prepared["urls"]]:
        cached, uncached = results["cached"][label], results["uncached"][label]
        queries = prepared["queries"].get(label, "")
        print(
            f"{label:22} {queries!s:>7} {uncached['bytes']!s:>7} | {cached['rps']:>10.1f}"
            f" {cached['p50']:>6.1f} {cached['p99']:>6.1f} {cached['ratio']:>6.2f} |"
            f" {uncached['rps']:>12.1f} {uncached['p50']:>7.1f} {uncached['p99']:>7.1f}"
            f" {uncached['ratio']:>6.2f} | {cached['errors'] + uncached['errors']}"
        )
    print(
        f"worker memory (RSS, MB): cached run {memory['cached']:.0f},"
        f" uncached run {memory['uncached']:.0f}"
    )

    def worst(mode, prefixes):
        ratios = [
            results[mode][label]["ratio"]
            for label in prepared["urls"]
            if label.startswith(prefixes)
        ]
        return min(ratios) if ratios else float("nan")

    sitemap = max(
        results["uncached"][label]["p99"]
        for label in prepared["urls"]
        if label.startswith("sitemap")
    )
    errors = sum(result["errors"] for mode in results.values() for result in mode.values())
    print(
        f"SUMMARY N={total}: floor {results['uncached']['floor']['rps']:.0f} rps;"
        f" uncached ×floor: project {worst('uncached', ('project',)):.3f},"
        f" home {worst('uncached', ('home',)):.3f}, list {worst('uncached', ('list',)):.3f},"
        f" search {worst('uncached', ('search',)):.3f},"
        f" area/partner {worst('uncached', ('area', 'partner')):.3f};"
        f" cached ×floor min {worst('cached', ('home', 'project', 'list', 'area', 'partner', 'search')):.2f};"
        f" sitemap p99 {sitemap:.0f} ms; memory {max(memory.values()):.0f} MB; errors {errors}"
    )


#: The code before cache tags (uncached pages must not get slower than they were then).
REFERENCE = "0193722"
REGRESSION = 0.10


def reference_tree(ref):
    """A checkout of ``ref`` beside this one (a git worktree, made once and reused), with this
    checkout's virtualenv and compiled catalogues: the same packages serve both codes."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", f"{ref}^{{commit}}"], cwd=ROOT, capture_output=True,
        text=True, check=True,
    ).stdout.strip()  # fmt: skip
    tree = Path(tempfile.gettempdir()) / f"eurelations-reference-{commit}"
    if not tree.exists():
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), commit], cwd=ROOT, check=True,
            capture_output=True,
        )  # fmt: skip
        for compiled in (ROOT / "locale").glob("*/LC_MESSAGES/*.mo"):
            target = tree / compiled.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(compiled, target)
        # Its own static files, as production serves them (the manifest names their hashes).
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=tree,
            env={**os.environ, **ENV}, check=True,
        )  # fmt: skip
    return commit, tree


def compare_uncached(urls, ours, reference, commit):
    """Print each page's uncached ratio to the floor, here and in ``commit``; the pages more
    than 10 % slower here: [(page, reference ratio, ratio)]."""
    print(f"\nuncached, this code against {commit} (ratios to the floor of each run's rounds):")
    print(f"{'page':22} {commit:>9} {'this':>9} {'change':>8}")
    slower = []
    failed = sum(reference[label]["errors"] for label in urls)
    if failed:
        raise SystemExit(f"{commit} answered {failed} error(s): no comparison (its server log)")
    for label in urls:
        before, after = reference[label]["ratio"], ours[label]["ratio"]
        change = after / before - 1 if before else 0.0
        print(f"{label:22} {before:>9.4f} {after:>9.4f} {change:>+8.1%}")
        if before and after < before * (1 - REGRESSION):
            slower.append((label, before, after))
    return slower


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000,10000,100000")
    parser.add_argument("--seconds", type=int, default=1, help="per measurement")
    parser.add_argument(
        "--rounds",
        type=int,
        help="per page and mode (default: 3 from 10,000 projects, where the targets are, 1 below)",
    )
    parser.add_argument("--reload", action="store_true", help="load the databases again")
    parser.add_argument(
        "--against",
        nargs="?",
        const=REFERENCE,
        help="also serve this commit's code uncached (default: the code before cache tags) and "
        "fail when a page is more than 10 %% slower here",
    )
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.prepare is not None:
        os.environ.update({**ENV, "DATABASE_URL": database_url(args.prepare)})
        prepare(args.prepare, args.reload)
        return

    wrk = ensure_wrk()
    print(f"load generator: {wrk or 'Python fallback (install wrk for real figures)'}")
    started = time.monotonic()
    summaries = []
    reference = reference_tree(args.against) if args.against else None
    slower = []
    for size in [int(s) for s in args.sizes.split(",")]:
        child = subprocess.run(
            [sys.executable, __file__, "--prepare", str(size)]
            + (["--reload"] if args.reload else []),
            cwd=ROOT,
            env={**os.environ, **ENV, "DATABASE_URL": database_url(size)},
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode:
            sys.stderr.write(child.stderr)
            raise SystemExit(f"could not prepare the database of {size} projects")
        prepared = json.loads(child.stdout.strip().splitlines()[-1])
        results, memory = {}, {}
        rounds = args.rounds or (3 if size >= 10000 else 1)
        for mode in ("cached", "uncached"):
            results[mode], memory[mode] = run_mode(
                size, mode, prepared["urls"], wrk, args.seconds, rounds
            )
        report(size, prepared, results, memory, rounds, args.seconds)
        summaries.append((prepared, results))
        if reference:
            commit, tree = reference
            theirs, _memory = run_mode(
                size, f"uncached {commit}", prepared["urls"], wrk, args.seconds, rounds, tree
            )
            found = compare_uncached(prepared["urls"], results["uncached"], theirs, commit)
            print(f"more than 10 % slower than {commit}: {len(found)} page(s)")
            slower += [(size, *item) for item in found]
        sys.stdout.flush()
    if len(summaries) > 1:
        # Bytes may differ by the digits of a count ("1 005 projects", "page 1 of 84").
        first, last = summaries[1 if len(summaries) > 2 else 0], summaries[-1]
        differences = []
        for label in first[0]["urls"]:
            if label.startswith(("sitemap", "list last")):
                continue
            queries = (first[0]["queries"][label], last[0]["queries"][label])
            sizes = (first[1]["uncached"][label]["bytes"], last[1]["uncached"][label]["bytes"])
            if queries[0] != queries[1] or abs(sizes[0] - sizes[1]) > 16:
                differences.append(f"{label}: queries {queries}, bytes {sizes}")
        print(
            f"\nqueries and bytes per page (±16 bytes) at {first[0]['total']} and"
            f" {last[0]['total']} projects: {'equal' if not differences else differences}"
        )
    print(f"bench finished in {time.monotonic() - started:.0f} s (server logs in {LOG_DIR})")
    if slower:
        raise SystemExit(
            f"{len(slower)} uncached page(s) more than 10 % slower than the reference: "
            + "; ".join(f"{size} {page} {b:.3f} -> {m:.3f}" for size, page, b, m in slower)
        )


if __name__ == "__main__":
    main()
