#!/usr/bin/env python
"""Time the translation memory's lookup on PostgreSQL at N projects × 4 languages: a memory of
each project's name and summary confirmed in English, French and Spanish from Arabic (3 × 2 × N
entries), in its own database (``eurelations_bench_memory_<N>``, loaded once, by COPY, the
trigram index built after), then:

- one sentence (a stored summary with one word changed: a fuzzy match), median and p95 ms;
- a sentence nothing resembles (a miss);
- a batch of 100 sentences (what an export asks per batch), per batch and per sentence.

    .venv/bin/python bench/memory.py [--projects 100000] [--lookups 200] [--reload]

The Arabic words are the seed's (``seed/source_ar.txt``), widened with prefixes and suffixes
to a few thousand, so the summaries share words as real ones do. ``BENCH_POSTGRES`` and
``BENCH_DATABASE_PREFIX`` as for ``bench/run.py``.
"""

import argparse
import io
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import DATABASE_PREFIX, ENV, SERVER_URL  # noqa: E402

TARGETS = ("en", "fr", "es")
FIELDS = {"name": (4, 8), "summary": (25, 40)}


def vocabulary():
    words = {
        word.strip(".,:;()«»\"'،؛")
        for word in (ROOT / "seed" / "source_ar.txt").read_text().split()
    }
    stems = sorted(word for word in words if len(word) >= 3 and not word.isascii())
    return sorted(
        {
            f"{prefix}{stem}{suffix}"
            for stem in stems
            for prefix in ("", "و", "ب")
            for suffix in ("", "ات", "ية")
        }
    )


def sentence(rng, words, low, high):
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def texts(number, words):
    rng = random.Random(number)
    return {name: sentence(rng, words, *size) for name, size in FIELDS.items()}


def copy(cursor, table, projects, words):
    """The entries, by COPY, 10,000 projects at a time."""
    from translationmemory.text import source_hash

    columns = (
        "source_language, target_language, source_hash, source_text, target_text, origin, "
        "updated_at"
    )
    for start in range(0, projects, 10000):
        buffer = io.StringIO()
        for number in range(start, min(projects, start + 10000)):
            for name, text in texts(number, words).items():
                for target in TARGETS:
                    translation = f"{target} translation of {name} {number}"
                    origin = f"projects.project:bench-{number}:{name}"
                    buffer.write(
                        f"ar\t{target}\t{source_hash(text)}\t{text}\t{translation}\t{origin}\tnow\n"
                    )
        buffer.seek(0)
        cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", buffer)


def load(projects, words):
    from django.db import connection

    from translationmemory.models import MemoryEntry

    started = time.monotonic()
    table = MemoryEntry._meta.db_table
    with connection.cursor() as cursor:
        # Loading and indexing take longer than the production settings' statement timeout.
        cursor.execute("SET statement_timeout = 0")
        if MemoryEntry.objects.count() < projects * len(TARGETS) * len(FIELDS):
            cursor.execute(f"TRUNCATE {table} CASCADE")
            cursor.execute("DROP INDEX IF EXISTS memoryentry_source_trgm")
            copy(cursor, table, projects, words)
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'memoryentry_source_trgm'")
        if cursor.fetchone() is not None:
            return 0.0
        cursor.execute(
            f"CREATE INDEX memoryentry_source_trgm ON {table} USING gin (source_text gin_trgm_ops)"
        )
        cursor.execute(f"ANALYZE {table}")
    return time.monotonic() - started


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - started) * 1000, result


def summary(label, times, extra=""):
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"{label:<34} median {statistics.median(times):8.2f} ms   p95 {p95:8.2f} ms{extra}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100000)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--reload", action="store_true")
    args = parser.parse_args()

    name = f"{DATABASE_PREFIX}memory_{args.projects}"
    admin = ["psql", f"{SERVER_URL}/postgres", "-qAt", "-c"]
    exists = subprocess.run(
        [*admin, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if args.reload or not exists:
        subprocess.run([*admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
        subprocess.run([*admin, f"CREATE DATABASE {name}"], check=True)
    os.environ.update({**ENV, "DATABASE_URL": f"{SERVER_URL}/{name}"})
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)
    import django

    django.setup()
    from translationmemory.lookup import best_match, best_matches
    from translationmemory.models import MemoryEntry

    words = vocabulary()
    seconds = load(args.projects, words)
    entries = MemoryEntry.objects.count()
    print(
        f"{args.projects} projects x 4 languages: {entries} memory entries "
        f"({len(words)} Arabic words){f', loaded in {seconds:.0f} s' if seconds else ''}"
    )
    rng = random.Random(0)
    edited = []
    for number in rng.sample(range(args.projects), args.lookups):
        text = texts(number, words)["summary"].split()
        text[rng.randrange(len(text))] = rng.choice(words)
        edited.append(" ".join(text))
    best_match(edited[0], "ar", "fr")  # warm the connection and the index's pages
    found, times = 0, []
    for text in edited:
        elapsed, match = timed(best_match, text, "ar", "fr")
        times.append(elapsed)
        found += match is not None
    summary("lookup, one-word edit (fuzzy hit)", times, f"   found {found}/{len(edited)}")
    misses = [sentence(rng, ["كلمة", "غريبة", "تماما", "هنا"], 25, 40) for _ in edited]
    summary(
        "lookup, unlike anything (miss)", [timed(best_match, t, "ar", "fr")[0] for t in misses]
    )
    batches = [edited[start : start + 100] for start in range(0, len(edited), 100)]
    batch_times = [timed(best_matches, batch, "ar", "fr")[0] for batch in batches]
    summary(
        "lookup, batch of 100 (an export's)",
        batch_times,
        f"   {statistics.median(batch_times) / 100:.2f} ms a sentence",
    )


if __name__ == "__main__":
    main()
