#!/usr/bin/env python
"""Time, and profile, the uncached public pages in one process, without a server or a load
generator: where the per-request time of a page goes.

Against a database loaded by ``bench/run.py`` (``eurelations_bench_<N>``), with the bench's
production settings and the page cache off; each request goes through Django's WSGI handler
and the whole middleware stack, as under gunicorn, and the floor view is timed the same way.

    python bench/profile_pages.py --size 10000                   # median ms of each page, and × floor
    python bench/profile_pages.py --size 10000 --profile list    # cProfile of one page, by own time

The counts and filter choices the pages keep per cache generation stay in Redis, as in the
benchmark's uncached run; only whole pages are not stored.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import unquote_to_bytes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import ENV, FLOOR, HOST, database_url  # noqa: E402

PAGES = {
    "home": "/{language}/",
    "project": None,  # the WAPIS project's page, in the language
    "list": "{list}",
    "list filtered": "{list}?area=west-africa&status=ongoing",
    "search rare": "{search}?q=police",
    "search common": "{search}?q=project",
}


def paths(language):
    from django.urls import reverse
    from django.utils import translation

    from projects.models import Project

    with translation.override(language):
        values = {"language": language, "list": reverse("projects:project_list")}
        values["search"] = reverse("search")
        result = {"floor": FLOOR}
        for label, template in PAGES.items():
            if template is None:
                result[label] = Project.objects.get(key="wapis").get_absolute_url(language)
            else:
                result[label] = template.format(**values)
        return result


def requester():
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()

    def get(path):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            # As a server passes it: percent-decoded bytes, as latin-1 (PEP 3333).
            "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
            "QUERY_STRING": query,
            "SERVER_NAME": HOST,
            "SERVER_PORT": "80",
            "HTTP_HOST": HOST,
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        status = []
        body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
        if not status[0].startswith("200"):
            raise SystemExit(f"{path}?{query}: {status[0]}")
        return body

    return get


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--language", default="en")
    parser.add_argument("--requests", type=int, default=50, help="per page")
    parser.add_argument("--profile", help="a page label: print its cProfile instead")
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--dump", help="a directory: write each page of each language there")
    args = parser.parse_args()

    os.environ.update({**ENV, "DATABASE_URL": database_url(args.size), "PAGE_CACHE_SECONDS": "0"})
    os.environ["BENCH_PAGE_CACHE_PREFIX"] = f"profile-{time.time_ns()}"
    os.environ.setdefault("DJANGO_LOG_REQUESTS", "false")
    import django

    django.setup()
    get = requester()
    if args.dump:
        # The pages' bytes, to compare two versions of the code (diff -r).
        from django.urls import reverse
        from django.utils import translation

        from content.languages import language_codes
        from cooperation.models import CooperationArea, Partner

        for language in language_codes():
            pages = paths(language)
            with translation.override(language):
                pages["partners"] = reverse("cooperation:partner_list")
            area = CooperationArea.objects.get(key="west-africa")
            pages["area"] = area.get_absolute_url(language)
            pages["partner"] = Partner.objects.get(key="europol").get_absolute_url(language)
            pages["list filtered bad"] = pages["list"] + "?area=nowhere&country=SN&region=x"
            pages["list page 2"] = pages["list"] + "?page=2"
            pages["search common page 2"] = pages["search common"] + "&page=2"
            for label, path in pages.items():
                name = f"{language}-{label.replace(' ', '-')}.html"
                Path(args.dump, name).write_bytes(get(path))
        return
    urls = paths(args.language)
    for path in urls.values():  # warm: connections, templates, the per-generation values
        get(path)
        get(path)

    if args.profile:
        path = urls[args.profile]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            get(path)
        profiler.disable()
        for order in ("tottime", "cumulative"):
            stats = pstats.Stats(profiler).sort_stats(order)
            print(f"\n== {args.profile} ({path}), {args.requests} requests, by {order} ==")
            stats.print_stats(args.lines)
        return

    # Round-robin: a noisy neighbour slows every page alike.
    # Wall time, and this process's CPU time (what a neighbour's load moves least; the
    # database's own time is in the wall time only).
    times = {label: [] for label in urls}
    cpu = {label: [] for label in urls}
    sizes = {}
    for _round in range(args.requests):
        for label, path in urls.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            sizes[label] = len(get(path))
            cpu[label].append((time.process_time() - started_cpu) * 1000)
            times[label].append((time.perf_counter() - started) * 1000)
    floor = statistics.median(times["floor"])
    print(f"{args.size} projects, {args.language}, median of {args.requests} requests")
    print(f"{'page':16} {'wall ms':>8} {'× floor':>8} {'CPU ms':>8} {'bytes':>8}")
    for label, values in times.items():
        median = statistics.median(values)
        print(
            f"{label:16} {median:8.2f} {floor / median:8.3f}"
            f" {statistics.median(cpu[label]):8.2f} {sizes[label]:8}"
        )


if __name__ == "__main__":
    main()
