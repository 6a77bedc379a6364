#!/usr/bin/env python
"""Time and peak memory of the content exchange at scale: export of all of a language's content
in parts (PO and XLIFF), import of every part back (as one atomic set, and --each), and a dry
run of a set with edits (the write path, rolled back), against a PostgreSQL bench database of N
projects in four languages (loaded once by ``bench/run.py``'s loader, then reused).

    .venv/bin/python bench/exchange.py [--size 100000] [--part-size 40000] [--language fr]

Each step is its own ``manage.py`` process, reporting its own peak resident memory (VmHWM).
``BENCH_POSTGRES`` is the server (postgres://postgres@127.0.0.1:5432), ``--database`` the
database (eurelations_exchange_bench).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

#: Runs manage.py and, at exit, prints its own peak resident memory (VmHWM) to stderr. Not the
#: kernel's ru_maxrss: at exec, Linux carries the forking process's peak into it, so a child of
#: a large bench process would report the bench's size, whatever the command did.
PEAK_REPORTER = """
import atexit, runpy, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    sys.stderr.write(f"\\npeak-kB {peak}\\n")
atexit.register(report)
sys.argv = sys.argv[1:]
runpy.run_path("manage.py", run_name="__main__")
"""


def measure(label, *arguments):
    """Run ``manage.py arguments`` in a child process: (seconds, peak RSS in MB, its output)."""
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-c", PEAK_REPORTER, "manage.py", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    output = process.stdout + process.stderr
    if process.returncode:
        print(output)
        raise SystemExit(f"{label}: exit {process.returncode}")
    megabytes = int(re.findall(r"^peak-kB (\d+)$", process.stderr, re.M)[-1]) / 1024
    print(f"  {label}: {seconds:.1f} s, peak {megabytes:.0f} MB", flush=True)
    return seconds, megabytes, process.stdout.strip().splitlines()[-1]


def edited_copy(parts, directory, edits):
    """The parts, with ``edits`` translations of the first changed (None: all of them but the
    addresses): a translator's work."""
    import polib

    directory.mkdir()
    copies = []
    for number, path in enumerate(parts):
        copy = directory / path.name
        if number == 0:
            catalogue = polib.pofile(str(path), wrapwidth=0)
            for entry in [e for e in catalogue if e.msgstr and "slug" not in e.msgctxt][:edits]:
                entry.msgstr += " (revu)"
            catalogue.save(str(copy))
        else:
            shutil.copy(path, copy)
        copies.append(copy)
    return copies


def confirm_generated(language):
    """The generated projects' translations confirmed, once (the loader writes text in bulk,
    without confirmations, so every string would be stale): a translated site, whose export
    is a translator's file to be imported back as it is."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from content.languages import source_language
    from projects.models import Project, ProjectTranslation
    from translations.models import FieldConfirmation
    from translations.status import NOT_TRACKED
    from translations.store import rebuild

    content_type = ContentType.objects.get_for_model(Project)
    confirmed = FieldConfirmation.objects.filter(content_type=content_type, language_code=language)
    if confirmed.count() >= Project.objects.count():
        return
    fields = [f for f in ("name", "summary", "description", "region") if f not in NOT_TRACKED]
    started = time.perf_counter()
    rows = ProjectTranslation.objects.filter(language_code=source_language()).exclude(
        master__in=confirmed.values("object_id")
    )
    batch = []
    with transaction.atomic():
        for values in rows.values_list("master_id", *fields).iterator(chunk_size=5000):
            batch += [
                FieldConfirmation(
                    content_type=content_type,
                    object_id=values[0],
                    language_code=language,
                    field=name,
                    source_text=text or "",
                )
                for name, text in zip(fields, values[1:], strict=True)
            ]
            if len(batch) >= 20000:
                FieldConfirmation.objects.bulk_create(batch)
                batch = []
        FieldConfirmation.objects.bulk_create(batch)
    rebuild()
    print(
        f"{language} of the generated projects confirmed in {time.perf_counter() - started:.0f} s"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="projects")
    parser.add_argument("--part-size", type=int, default=40_000, help="entries per part")
    parser.add_argument("--language", default="fr")
    parser.add_argument("--database", default="eurelations_exchange_bench")
    parser.add_argument("--edits", type=int, default=1000, help="edited strings (dry run)")
    args = parser.parse_args()

    url = f"{run.SERVER_URL}/{args.database}"
    run.database_url = lambda size: url  # the loader's database: ours, not the page bench's
    os.environ.update({**run.ENV, "DATABASE_URL": url, "DATABASE_STATEMENT_TIMEOUT_MS": "0"})
    total, seconds = run.load(args.size, reload=False)
    print(f"{total} projects in {args.database} (loaded in {seconds:.0f} s)")
    confirm_generated(args.language)

    language, size = args.language, str(args.part_size)
    results = []
    with tempfile.TemporaryDirectory(prefix="exchange-bench-") as temporary:
        work = Path(temporary)
        for file_format, extension in (("po", "po"), ("xliff", "xlf")):
            name = work / f"content-{language}.{extension}"
            step = f"export {file_format}, parts of {size}"
            results.append(
                (
                    step,
                    *measure(
                        step, "export_content", language, "-o", str(name), "--part-size", size
                    ),
                )
            )
            parts = sorted(work.glob(f"content-{language}-*.{extension}"))
            largest = max(path.stat().st_size for path in parts) / 1024 / 1024
            print(f"{step}: {len(parts)} parts, largest {largest:.1f} MB", flush=True)
            step = f"import {file_format}, {len(parts)} parts as one set"
            results.append((step, *measure(step, "import_content", *map(str, parts))))
            if file_format == "po":
                step = f"import po, {len(parts)} parts --each"
                results.append(
                    (step, *measure(step, "import_content", "--each", *map(str, parts)))
                )
                edited = edited_copy(parts, work / "edited", args.edits)
                step = f"import po, set with {args.edits} edits --dry-run"
                results.append(
                    (step, *measure(step, "import_content", "--dry-run", *map(str, edited)))
                )
                # The write path at its largest: every string of a part retranslated.
                edited = edited_copy(parts, work / "retranslated", None)
                step = "import po, set with part 1 retranslated --dry-run"
                results.append(
                    (step, *measure(step, "import_content", "--dry-run", *map(str, edited)))
                )
        step = "export po --stale --missing (one file)"
        results.append(
            (
                step,
                *measure(
                    step,
                    "export_content",
                    language,
                    "--stale",
                    "--missing",
                    "-o",
                    str(work / "work.po"),
                ),
            )
        )
    print(f"\n{total} projects x 4 languages, {language}; each step its own process")
    print(f"{'step':48} {'s':>7} {'peak MB':>8}  output")
    for step, seconds, megabytes, output in results:
        print(f"{step:48} {seconds:7.1f} {megabytes:8.0f}  {output[:90]}")


if __name__ == "__main__":
    main()
