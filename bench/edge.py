#!/usr/bin/env python
"""Bench of the cache beyond one machine, on a database of ``bench/run.py`` (loaded by it):

(a) an edit stream: one edit a second to a random project (of all of them, in a random
    language) while wrk (8 connections) reads a mix of pages across projects and languages
    from a warm page cache: requests/s and the page cache's hit ratio, with every change
    invalidating every page (one generation, as before cache tags) and with cache tags;
(b) pages through Varnish (deploy/varnish/) in front of the same server, as a ratio to the
    floor (gunicorn's trivial view) measured in the same run.

    .venv/bin/python bench/edge.py [--size 10000] [--seconds 30] [--projects 2000]

Needs wrk and varnishd (Debian's wrk, varnish, varnish-modules); the same environment
variables as bench/run.py (BENCH_DATABASE_PREFIX, BENCH_REDIS_URL, BENCH_PORT) and
BENCH_EDGE_PORT for Varnish (8766).
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402  (after the path: run as a script)

EDGE_PORT = int(os.environ.get("BENCH_EDGE_PORT", "8766"))
WRK_MIX = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
paths = {}
for line in io.lines(os.getenv("BENCH_MIX")) do paths[#paths + 1] = line end
hits, misses = 0, 0
function init(args) math.randomseed(os.time() + #threads) end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
function response(status, headers, body)
  local state = headers["X-Page-Cache"]
  if state == "hit" then hits = hits + 1 elseif state then misses = misses + 1 end
end
function done(summary, latency, requests)
  local h, m = 0, 0
  for _, thread in ipairs(threads) do h = h + thread:get("hits"); m = m + thread:get("misses") end
  io.write(string.format("PAGECACHE %d %d\\n", h, m))
end
"""


def mix(size, projects):
    """In a child: the home page and the first list pages in every language, and ``projects``
    project pages drawn from all projects and languages."""
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from content.languages import language_codes
    from projects.models import ProjectTranslation

    chooser = random.Random(size)
    paths = []
    for language in language_codes():
        with translation.override(language):
            paths.append(reverse("home"))
            listing = reverse("projects:project_list")
            paths += [listing] + [f"{listing}?page={n}" for n in range(2, 6)]
    rows = ProjectTranslation.objects.values_list("language_code", "slug")
    count = rows.count()
    for offset in chooser.sample(range(count), min(projects, count)):
        language, slug = rows.order_by("pk")[offset]
        with translation.override(language):
            paths.append(reverse("projects:project_detail", kwargs={"slug": slug}))
    print(json.dumps(paths))


def edits(seconds):
    """In a child: one edit a second to a random project, in a random language, as the admin
    saves it (the object, then its translation)."""
    import django

    django.setup()
    from content.languages import language_codes
    from projects.models import Project

    pks = list(Project.objects.values_list("pk", flat=True))
    chooser = random.Random()
    started = time.monotonic()
    number = 0
    while time.monotonic() - started < seconds:
        project = Project.objects.get(pk=chooser.choice(pks))
        project.set_current_language(chooser.choice(language_codes()))
        project.summary = f"Edited by the bench ({number})."
        project.save()
        number += 1
        time.sleep(max(0.0, started + number - time.monotonic()))
    print(json.dumps({"edits": number}))


def child(*args, env):
    output = subprocess.run(
        [sys.executable, __file__, *args], cwd=run.ROOT, env=env, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def wrk_mix(wrk, mix_file, seconds, port=None):
    script = Path(tempfile.gettempdir()) / "eurelations-bench-mix.lua"
    script.write_text(WRK_MIX)
    output = subprocess.run(
        [wrk, "-t2", "-c8", f"-d{seconds}s", "--timeout", "30s", "-s", str(script)]
        + [f"http://{run.HOST}:{port or run.PORT}/"],
        capture_output=True, text=True, check=True, env={**os.environ, "BENCH_MIX": mix_file},
    ).stdout  # fmt: skip
    hits, misses = map(int, re.search(r"PAGECACHE (\d+) (\d+)", output).groups())
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {"rps": rps, "hit_ratio": hits / max(1, hits + misses), "requests": hits + misses}


def server_hit_ratio(log_path, offset):
    """The hit ratio the server itself logged after ``offset`` (its request lines name the page
    cache's answer): the cross-check of what wrk's script counted."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        states = re.findall(r" cache=(hit|miss|stale)$", log.read(), flags=re.MULTILINE)
    return states.count("hit") / max(1, len(states)), len(states)


def wrk_one(wrk, path, seconds, port):
    output = subprocess.run(
        [wrk, "-t2", "-c8", f"-d{seconds}s", f"http://{run.HOST}:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def start_varnish(varnishd, workdir):
    vcl = (run.ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    (workdir / "default.vcl").write_text(vcl.replace('.port = "8000"', f'.port = "{run.PORT}"'))
    process = subprocess.Popen(
        [varnishd, "-F", "-n", str(workdir / "varnish"), "-j", "none", "-T", "none"]
        + ["-a", f"{run.HOST}:{EDGE_PORT}", "-f", str(workdir / "default.vcl"), "-s", "malloc,256m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            import http.client

            connection = http.client.HTTPConnection(run.HOST, EDGE_PORT, timeout=5)
            connection.request("GET", "/livez")
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("varnishd did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--mix", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--edits", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mix is not None:
        return mix(args.size, args.mix)
    if args.edits is not None:
        return edits(args.edits)

    wrk, varnishd = run.ensure_wrk(), shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not wrk or not Path(varnishd).exists():
        raise SystemExit("bench/edge.py needs wrk and varnishd")
    env = {**os.environ, **run.ENV, "DATABASE_URL": run.database_url(args.size)}
    paths = child("--size", str(args.size), "--mix", str(args.projects), env=env)
    workdir = Path(tempfile.mkdtemp(prefix="eurelations-edge-"))
    mix_file = workdir / "mix.txt"
    mix_file.write_text("\n".join(paths) + "\n")
    run.LOG_DIR.mkdir(exist_ok=True)
    results = {}
    for mode, everything in (("one generation", "true"), ("cache tags", "false")):
        # Each mode starts from an empty page cache of its own.
        os.environ.update(
            PAGE_CACHE_INVALIDATE_EVERYTHING=everything,
            BENCH_PAGE_CACHE_PREFIX=f"edge-{time.time_ns()}",
        )
        log_path = run.LOG_DIR / f"gunicorn-edge-{mode.replace(' ', '-')}.log"
        log = log_path.open("w")
        server = run.start_server(args.size, 21600, log)
        try:
            for path in paths:
                run.fetch(path)  # warm
            log.flush()
            before = log_path.stat().st_size
            warm = wrk_mix(wrk, str(mix_file), args.seconds)
            warm["server_hit_ratio"], _ = server_hit_ratio(log_path, before)
            before = log_path.stat().st_size
            editing = subprocess.Popen(
                [sys.executable, __file__, "--edits", str(args.seconds + 2)],
                cwd=run.ROOT, env={**env, **os.environ}, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            streamed = wrk_mix(wrk, str(mix_file), args.seconds)
            streamed["edits"] = json.loads(editing.communicate()[0].strip().splitlines()[-1])[
                "edits"
            ]
            streamed["server_hit_ratio"], _ = server_hit_ratio(log_path, before)
            results[mode] = {"warm": warm, "edits": streamed}
            if mode == "cache tags":
                varnish = start_varnish(varnishd, workdir)
                try:
                    floor = run.with_wrk(wrk, run.FLOOR, args.seconds // 3 or 1)["rps"]
                    edge = {}
                    for label, path in (
                        ("home", paths[0]),
                        ("list", paths[1]),
                        ("project", paths[-1]),
                    ):
                        run.fetch(path)
                        edge[label] = wrk_one(wrk, path, args.seconds // 3 or 1, EDGE_PORT)
                    results["varnish"] = {"floor": floor, **edge}
                finally:
                    varnish.terminate()
                    varnish.wait(timeout=15)
        finally:
            server.terminate()
            server.wait(timeout=15)
            log.close()
    report(args, len(paths), results)


def ratios(result):
    return f"{result['hit_ratio'] * 100:.1f} / {result['server_hit_ratio'] * 100:.1f}"


def report(args, addresses, results):
    print(
        f"\n== {args.size} projects: gunicorn 1 sync worker, PostgreSQL, Redis; wrk 8 connections =="
    )
    print(
        f"mix: {addresses} addresses (home, 5 list pages per language, {args.projects} project pages"
    )
    print(f"from all projects and languages); {args.seconds} s per measurement\n")
    print("hit %: counted by wrk from each answer's X-Page-Cache / logged by the server\n")
    print(
        f"{'invalidation':16} | {'warm rps':>9} {'hit % (wrk/log)':>16} |"
        f" {'1 edit/s rps':>12} {'hit % (wrk/log)':>16} {'edits':>5}"
    )
    for mode in ("one generation", "cache tags"):
        warm, edits = results[mode]["warm"], results[mode]["edits"]
        print(
            f"{mode:16} | {warm['rps']:>9.0f} {ratios(warm):>16} |"
            f" {edits['rps']:>12.0f} {ratios(edits):>16} {edits['edits']:>5}"
        )
    edge = results["varnish"]
    print(
        f"\nthrough Varnish (floor: gunicorn's trivial view, {edge['floor']:.0f} rps in the same run)"
    )
    for label in ("home", "list", "project"):
        print(f"{label:8} {edge[label]:>9.0f} rps  {edge[label] / edge['floor']:>6.1f}× the floor")


if __name__ == "__main__":
    main()
