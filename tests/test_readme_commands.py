"""Every command of the README, run as a subprocess in a short form: a documented command that is
broken fails the suite (and so CI).

They run in a scratch copy of the repository (git's files: no .venv, node_modules, media,
staticfiles, database or compiled catalogues, as in a fresh clone) with the project's virtualenv
(dev.py's ``VENV``), and against scratch databases, static and media folders: the repository's
own db.sqlite3, staticfiles, docs/screenshots and locale files are never touched. Only commands
run here, never Django code in this process, so the test does not depend on where a module lives.

``dev.py setup``, ``run`` and the management commands use a scratch SQLite database, or a scratch
PostgreSQL database when the suite itself runs on PostgreSQL (the README's "Against PostgreSQL").
``dev.py production``, ``bench`` and ``bench/profile_pages.py`` need the local PostgreSQL
(127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379); the screenshots need Chromium and
``tools/subset_fonts.py`` Debian's Noto fonts. Without them these tests are skipped on a
developer's machine and fail when CI=true. ``dev.py test`` is this suite, and ``dev.py faults``
runs in CI on its own (.ci/run): ``test_every_readme_command_is_run_here`` says so, and fails
when the README documents a command that no test here runs.

The slow ones are marked ``slow`` (``python3 dev.py test -m "not slow"`` leaves them out).
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# The virtualenv this suite runs in (dev.py test runs .venv/bin/pytest): dev.py reuses it.
VENV = Path(
    os.environ.get("VENV") or (sys.prefix if sys.prefix != sys.base_prefix else ROOT / ".venv")
)
PYTHON = VENV / "bin" / "python"  # the README's .venv/bin/python
PYTHON3 = shutil.which("python3") or sys.executable  # the README's python3
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS = ("127.0.0.1", 6379)
# Redis databases of their own on the shared server (the README's production uses 1, the bench
# 11), emptied before and after: a page cached by an earlier run is never served.
PRODUCTION_REDIS_DB, BENCH_REDIS_DB = 13, 14
MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")  # a compiled catalogue, either byte order
# What a developer's shell would not have: this suite's own settings, databases, servers.
SCRUBBED = (
    "DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_", "BENCH_", "PAGE_CACHE_", "SENTRY_",
    "MEDIA_S3_", "PYTEST_", "PYTHONPATH",
)  # fmt: skip

slow = pytest.mark.slow


# --- the commands the README documents -----------------------------------------------------------

#: Each command in the README, and the test here that runs it.
RUN_HERE = {
    "dev.py setup": "test_setup_loads_the_seed_content",
    "dev.py run": "test_run_serves_the_site_and_prints_a_working_admin_login",
    "dev.py production": "test_production_serves_gunicorn_with_postgresql_and_redis",
    "gunicorn": "test_production_serves_gunicorn_with_postgresql_and_redis",
    "manage.py migrate": "test_setup_loads_the_seed_content",
    "manage.py check": "test_the_production_settings_pass_the_deployment_check",
    "dev.py messages": "test_messages_refreshes_and_compiles_the_catalogues",
    "dev.py bench": "test_bench_prints_its_figures",
    "bench/profile_pages.py": "test_profile_pages_times_profiles_and_dumps_the_pages",
    "bench/admin_pages.py": "test_admin_pages_times_the_admin",
    "bench/edge.py": "test_edge_bench_prints_hit_ratios_and_varnish_against_the_floor",
    "manage.py rebuild_translation_status": "test_rebuild_translation_status",
    "manage.py rebuild_translation_memory": "test_translation_memory_commands",
    "manage.py pretranslate_catalogues": "test_translation_memory_commands",
    "bench/memory.py": "test_memory_bench_times_the_lookup",
    "bench/exchange.py": "test_exchange_bench_exports_and_imports_back_every_part",
    "dev.py screenshots": "test_screenshots_are_written_where_asked",
    "manage.py load_seed_content": "test_load_seed_content_dry_run",
    "manage.py prune_media": "test_prune_media_lists_then_deletes_a_file_no_row_names",
    "manage.py export_content": "test_content_goes_out_and_comes_back_as_po_files",
    "manage.py import_content": "test_content_goes_out_and_comes_back_as_po_files",
    "manage.py export_glossary": "test_the_glossary_goes_out_comes_back_and_checks_the_catalogues",
    "manage.py import_glossary": "test_the_glossary_goes_out_comes_back_and_checks_the_catalogues",
    "manage.py check_glossary": "test_the_glossary_goes_out_comes_back_and_checks_the_catalogues",
    "manage.py axes_reset": "test_axes_reset",
    "manage.py enrol_totp": "test_enrol_totp_prints_the_authenticator_address",
    "tools/subset_fonts.py": "test_subset_fonts_rebuilds_the_fonts",
    "tools/og_image.py": "test_og_image_rebuilds_the_picture",
}
#: Commands in the README that this file does not run, and why.
RUN_ELSEWHERE = {
    "dev.py test": "the test suite itself, this file included",
    "dev.py faults": "the fault drill: CI runs `python3 dev.py faults --short` after the suite",
}


def readme_commands():
    text = README.read_text()
    commands = {f"dev.py {name}" for name in re.findall(r"python3 dev\.py (\w+)", text)}
    commands |= set(re.findall(r"\.venv/bin/python ((?:bench|tools)/\w+\.py)", text))
    commands |= {f"manage.py {name}" for name in re.findall(r"manage\.py (\w+)", text)}
    if "gunicorn -c gunicorn.conf.py" in text:
        commands.add("gunicorn")
    return commands


def test_every_readme_command_is_run_here():
    documented = readme_commands()
    assert documented - RUN_HERE.keys() - RUN_ELSEWHERE.keys() == set(), (
        "a command in the README that no test runs: add its short form to this file"
    )
    assert RUN_HERE.keys() | RUN_ELSEWHERE.keys() <= documented, "no longer in the README"
    assert all(callable(globals().get(name)) for name in RUN_HERE.values())


# --- helpers -------------------------------------------------------------------------------------


def unavailable(reason):
    """Skipped on a developer's machine; a failure in CI, where a missing service or tool is a
    broken set-up and not a reason to pass."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: required when CI=true", pytrace=False)
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_repository(target):
    """The repository's files as a fresh clone has them (tracked, plus new files not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=False,
    )  # fmt: skip
    if listed.returncode == 0:
        for name in sorted(set(listed.stdout.decode().split("\0")) - {""}):
            source = ROOT / name
            if source.is_file():  # not a file deleted (or moved) since it was listed
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
    else:  # not a git checkout
        shutil.copytree(
            ROOT, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
                ".git", ".venv", "node_modules", "media", "staticfiles", "db.sqlite3*", "*.mo",
                "__pycache__", ".pytest_cache", ".ruff_cache",
            ),
        )  # fmt: skip
    return target


def environment(scratch, **values):
    """A developer's shell: none of this suite's settings; scratch static and media folders."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(SCRUBBED)}
    for folder in ("static", "media"):
        (scratch / folder).mkdir(parents=True, exist_ok=True)
    env.update(
        VENV=str(VENV),
        DJANGO_STATIC_ROOT=str(scratch / "static"),
        DJANGO_MEDIA_ROOT=str(scratch / "media"),
    )
    env.update({name: str(value) for name, value in values.items()})
    return env


def catalogue_languages(root):
    """The languages of the UI catalogues (locale/<language>/LC_MESSAGES/django.po)."""
    return sorted(path.parts[-3] for path in root.glob("locale/*/LC_MESSAGES/django.po"))


def tail(text, lines=60):
    return "\n".join(text.splitlines()[-lines:])


def stop_group(process, grace=30):
    """SIGTERM to the command's process group (dev.py and what it started), then SIGKILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:  # the leader is gone: its children too?
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)


def command(*args, cwd, env, timeout=300):
    """Run a command to its end in its own process group; its output (stdout and stderr)."""
    args = [str(arg) for arg in args]
    process = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop_group(process, grace=5)
        output, _ = process.communicate()
        pytest.fail(f"{' '.join(args)}: still running after {timeout} s\n{tail(output)}")
    finally:
        stop_group(process, grace=5)  # nothing it started outlives it
    if process.returncode:
        pytest.fail(f"{' '.join(args)} exited with {process.returncode}:\n{tail(output)}")
    return output


def get(url, host=None, timeout=10):
    """(status, body) of a GET: an error status is returned, not raised."""
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Server:
    """A command that serves until it is stopped, its output in a file."""

    def __init__(self, *args, cwd, env, log):
        self.log = log
        with log.open("w") as output:
            self.process = subprocess.Popen(
                [str(arg) for arg in args], cwd=cwd, env=env, stdout=output,
                stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip

    def output(self):
        return self.log.read_text(errors="replace")

    def wait_for(self, url, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"exited with {self.process.returncode}:\n{tail(self.output())}")
            try:
                if get(url, timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        pytest.fail(f"{url} did not answer 200 within {timeout} s:\n{tail(self.output())}")

    def stop(self):
        stop_group(self.process)
        assert self.process.poll() is not None


# --- services ----------------------------------------------------------------------------------


def services_missing():
    for tool in ("createdb", "dropdb", "psql"):
        if not shutil.which(tool):
            return f"{tool} is not installed (apt-get install postgresql-client)"
    try:
        socket.create_connection((POSTGRES["host"], POSTGRES["port"]), timeout=2).close()
    except OSError:
        return "PostgreSQL is not answering on 127.0.0.1:5432"
    try:
        with socket.create_connection(REDIS, timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            if not sock.recv(64).startswith(b"+PONG"):
                return "Redis on 127.0.0.1:6379 does not answer PING"
    except OSError:
        return "Redis is not answering on 127.0.0.1:6379"
    return None


@pytest.fixture(scope="module")
def services():
    """The local PostgreSQL and Redis of the README's production and bench commands."""
    missing = services_missing()
    if missing:
        unavailable(missing)


def empty_redis_database(number):
    import redis  # django-redis's client, in the virtualenv

    redis.Redis(host=REDIS[0], port=REDIS[1], db=number, socket_timeout=5).flushdb()


def postgres_args():
    return ["-h", POSTGRES["host"], "-p", str(POSTGRES["port"]), "-U", POSTGRES["user"]]


def postgres_url(name):
    return f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"


def scratch_database_name(what):
    return f"eurelations_readme_{what}_{secrets.token_hex(4)}"


def create_database(name):
    subprocess.run(["createdb", *postgres_args(), name], check=True, capture_output=True)


def drop_database(name):
    subprocess.run(
        ["dropdb", *postgres_args(), "--if-exists", "--force", name],
        check=False, capture_output=True,
    )  # fmt: skip


def suite_on_postgresql():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


# --- the scratch checkout and its database -----------------------------------------------------


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    return copy_repository(tmp_path_factory.mktemp("checkout"))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("scratch")


@pytest.fixture(scope="module")
def site(checkout, scratch):
    """``python3 dev.py setup`` once, on a scratch database that the tests below share."""
    name = None
    if suite_on_postgresql():
        missing = services_missing()
        if missing:
            unavailable(missing)
        name = scratch_database_name("site")
        create_database(name)
        url = postgres_url(name)
    else:
        url = f"sqlite:///{scratch / 'db.sqlite3'}"
    env = environment(scratch, DATABASE_URL=url)
    try:
        yield {"env": env, "output": command(PYTHON3, "dev.py", "setup", cwd=checkout, env=env)}
    finally:
        if name:
            drop_database(name)


def manage(site, *args, cwd, **env):
    return command(PYTHON, "manage.py", *args, cwd=cwd, env={**site["env"], **env})


COUNTS = """
from django.conf import settings
from django.db import connection
print("settings", ",".join(sorted(code for code, _name in settings.LANGUAGES)))
with connection.cursor() as cursor:
    for table in ("projects_project", "cooperation_partnership", "cooperation_partner",
                  "django_flatpage"):
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        print(f"count {table} {cursor.fetchone()[0]}")
    cursor.execute("SELECT DISTINCT language_code FROM projects_project_translation")
    print("languages", ",".join(sorted(row[0] for row in cursor.fetchall())))
"""


@slow
def test_setup_loads_the_seed_content(site, checkout):
    output = site["output"]
    for step in ("compilemessages", "migrate --noinput", "load_seed_content"):
        assert f"manage.py {step}" in output
    assert re.search(r"created [1-9]\d*, updated 0", output), tail(output)
    for language in catalogue_languages(checkout):  # none in a fresh clone: setup compiled them
        assert (checkout / "locale" / language / "LC_MESSAGES" / "django.mo").stat().st_size

    lines = manage(site, "shell", "-c", COUNTS, cwd=checkout).splitlines()
    counts = {line.split()[1]: int(line.split()[2]) for line in lines if line.startswith("count")}
    assert counts["projects_project"] > 0
    assert counts["cooperation_partnership"] == 1
    assert counts["cooperation_partner"] > 0
    assert counts["django_flatpage"] == 4  # legal notice, privacy, accessibility, contact
    languages = dict(line.split() for line in lines if line.startswith(("settings", "languages")))
    assert languages["languages"] == languages["settings"]  # the seed speaks every language


@slow
def test_run_serves_the_site_and_prints_a_working_admin_login(site, checkout, scratch):
    address = f"127.0.0.1:{free_port()}"
    server = Server(
        PYTHON3, "dev.py", "run", address, cwd=checkout, env=site["env"], log=scratch / "run.log"
    )
    try:
        server.wait_for(f"http://{address}/en/", timeout=90)
        output = server.output()
        username = re.search(r"Username: (\S+)", output).group(1)
        password = re.search(r"Password: (\S+)", output).group(1)
        assert f"Serving http://{address}/" in output

        # The printed login opens the admin.
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        login = f"http://{address}/admin/login/?next=/admin/"
        page = opener.open(login, timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"csrfmiddlewaretoken": token, "username": username, "password": password}
        form["next"] = "/admin/"
        data = urllib.parse.urlencode(form).encode()
        response = opener.open(urllib.request.Request(login, data=data), timeout=10)
        assert urllib.parse.urlsplit(response.url).path == "/admin/", response.url
        assert 'id="logout-form"' in response.read().decode()
    finally:
        server.stop()


@slow
def test_production_serves_gunicorn_with_postgresql_and_redis(services, checkout, tmp_path):
    name = scratch_database_name("production")
    create_database(name)
    empty_redis_database(PRODUCTION_REDIS_DB)
    port = free_port()
    env = environment(
        tmp_path,
        DATABASE_URL=postgres_url(name),
        REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/{PRODUCTION_REDIS_DB}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        # The default, OTP on, so that enrol_totp runs too.
    )
    server = Server(
        PYTHON3, "dev.py", "production", cwd=checkout, env=env, log=tmp_path / "production.log"
    )
    try:
        # Migrate, collectstatic (compressing every file), seed and start: minutes on a busy machine.
        server.wait_for(f"http://127.0.0.1:{port}/healthz", timeout=420)
        output = server.output()
        assert "manage.py compilemessages" in output
        assert "Password: " in output
        assert "otpauth://totp/" in output  # the admin's second factor, enrolled
        # A page, with its static files from collectstatic into DJANGO_STATIC_ROOT (WhiteNoise).
        status, body = get(f"http://127.0.0.1:{port}/en/", host="localhost")
        assert status == 200
        stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', body).group(1).decode()
        assert get(f"http://127.0.0.1:{port}{stylesheet}", host="localhost")[0] == 200
        assert (tmp_path / "static" / "staticfiles.json").exists()
        assert json.loads(get(f"http://127.0.0.1:{port}/healthz")[1])["status"] == "ok"
    finally:
        server.stop()
        drop_database(name)
        empty_redis_database(PRODUCTION_REDIS_DB)
    assert "Shutting down: Master" in server.output()


@slow
def test_the_production_settings_pass_the_deployment_check(site, checkout):
    output = manage(
        site, "check", "--deploy", "--fail-level", "WARNING", cwd=checkout,
        DJANGO_SETTINGS_MODULE="eurelations.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="eurelations.example.org",
    )  # fmt: skip
    assert "System check identified no issues" in output


@slow
def test_messages_refreshes_and_compiles_the_catalogues(tmp_path):
    copy = copy_repository(tmp_path / "checkout")
    languages = catalogue_languages(copy)
    output = command(PYTHON3, "dev.py", "messages", cwd=copy, env=environment(tmp_path))
    assert "makemessages" in output and "compilemessages" in output
    assert languages and catalogue_languages(copy) == languages
    for language in languages:
        folder = copy / "locale" / language / "LC_MESSAGES"
        catalogue = (folder / "django.po").read_text()
        assert 'msgid ""' in catalogue and "msgstr" in catalogue
        assert (folder / "django.mo").read_bytes()[:4] in MO_MAGIC
        # The admin scripts' catalogue keeps Django's msgids, which none of our scripts has.
        scripts = (folder / "djangojs.po").read_text()
        assert 'msgid "Choose all %s"' in scripts and "\n#~ " not in scripts
        assert (folder / "djangojs.mo").read_bytes()[:4] in MO_MAGIC


# --- the benchmark -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bench(services, checkout, tmp_path_factory):
    """``python3 dev.py bench --sizes 10`` (one round of 1 s per page and mode) on a scratch
    database, Redis database and port; the database is dropped after the profile test."""
    scratch = tmp_path_factory.mktemp("bench")
    prefix = scratch_database_name("bench") + "_"
    env = environment(
        scratch,
        BENCH_DATABASE_PREFIX=prefix,
        BENCH_PORT=free_port(),
        BENCH_REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/{BENCH_REDIS_DB}",
        TMPDIR=scratch,  # the server's logs: $TMPDIR/eurelations-bench/
    )
    empty_redis_database(BENCH_REDIS_DB)
    try:
        output = command(PYTHON3, "dev.py", "bench", "--sizes", "10", cwd=checkout, env=env)
        yield {"env": env, "output": output}
    finally:
        drop_database(f"{prefix}10")
        empty_redis_database(BENCH_REDIS_DB)


@slow
def test_bench_prints_its_figures(bench):
    output = bench["output"]
    if os.environ.get("CI") == "true":
        assert "Python fallback" not in output, "wrk is required when CI=true"
    rows = {}
    for line in output.splitlines():
        parts = line.split("|")
        if len(parts) == 4 and not line.startswith("page"):
            rows[parts[0][:22].strip()] = (
                float(parts[1].split()[0]),
                float(parts[2].split()[0]),
                int(parts[3]),
            )
    for label in ("floor", "home ar", "project en", "list last ar", "search common en",
                  "sitemap last"):  # fmt: skip
        cached_rps, uncached_rps, errors = rows[label]
        assert cached_rps > 0 and uncached_rps > 0 and errors == 0, (label, rows[label])
    assert re.search(r"^SUMMARY N=10: floor \d+ rps;.* errors 0$", output, re.M), tail(output)


@slow
def test_profile_pages_times_profiles_and_dumps_the_pages(bench, checkout, tmp_path):
    def profile(*args):
        return command(PYTHON, "bench/profile_pages.py", "--size", "10", *args,
                       cwd=checkout, env=bench["env"])  # fmt: skip

    timed = profile("--requests", "3")
    assert "10 projects, en, median of 3 requests" in timed
    for label in ("floor", "home", "project", "list", "search common"):
        assert re.search(rf"^{label} +[\d.]+ +[\d.]+ +[\d.]+ +\d+$", timed, re.M), timed

    profiled = profile("--requests", "3", "--profile", "list", "--lines", "5")
    assert "== list (" in profiled and "by tottime ==" in profiled

    profile("--dump", tmp_path)
    for language in catalogue_languages(checkout):
        for page in ("home", "project", "list", "area", "partner"):
            assert b"</html>" in (tmp_path / f"{language}-{page}.html").read_bytes()


@slow
def test_admin_pages_times_the_admin(bench, checkout):
    timed = command(PYTHON, "bench/admin_pages.py", "--size", "10", "--requests", "1",
                    cwd=checkout, env=bench["env"])  # fmt: skip
    assert "10 projects, admin as superuser, median of 1 requests" in timed
    for label in ("dashboard", "translation status", "project list", "project search common",
                  "project change"):  # fmt: skip
        assert re.search(rf"^{label} +[\d.]+ +\d+$", timed, re.M), timed


@slow
def test_edge_bench_prints_hit_ratios_and_varnish_against_the_floor(bench, checkout):
    if not shutil.which("varnishd") and not os.path.exists("/usr/sbin/varnishd"):
        unavailable("varnishd not installed (python3 dev.py test installs it)")
    output = command(PYTHON, "bench/edge.py", "--size", "10", "--seconds", "2", "--projects", "10",
                     cwd=checkout, env={**bench["env"], "BENCH_EDGE_PORT": str(free_port())})  # fmt: skip
    for mode in ("one generation", "cache tags"):
        # rps, then the hit ratio as wrk counted it and as the server logged it.
        match = re.search(
            rf"^{mode} +\| +(\d+) +([\d.]+) / ([\d.]+) \| +(\d+) +([\d.]+) / ([\d.]+) +(\d+)$",
            output,
            re.M,
        )
        assert match, tail(output)
        warm_rps, warm_wrk, warm_log = (float(match[i]) for i in (1, 2, 3))
        assert warm_rps > 0 and warm_wrk > 90 and warm_log > 90, match[0]
    for page in ("home", "list", "project"):
        assert re.search(rf"^{page} +\d+ rps +[\d.]+× the floor$", output, re.M), tail(output)


# --- screenshots, management commands, tools -----------------------------------------------------


@slow
@pytest.mark.browser
def test_screenshots_are_written_where_asked(checkout, tmp_path):
    if not shutil.which("chromium"):
        unavailable("Debian's chromium is not installed (apt-get install chromium)")
    env = environment(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    command(PYTHON3, "dev.py", "screenshots", tmp_path / "shots", cwd=checkout, env=env)
    wanted = {
        f"{page}-{language}-{screen}.png"
        for page in ("home", "project", "admin", "admin-project")
        for language in ("ar", "en")
        for screen in ("desktop", "phone")
    }
    assert {path.name for path in (tmp_path / "shots").iterdir()} == wanted
    for name in wanted:
        assert (tmp_path / "shots" / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@slow
def test_load_seed_content_dry_run(site, checkout):
    output = manage(site, "load_seed_content", "--dry-run", cwd=checkout)
    assert re.search(r"Would have created 0, updated 0, [1-9]\d* unchanged", output), output
    output = manage(site, "load_seed_content", "--update", "--dry-run", cwd=checkout)
    assert "Would have created 0" in output


def test_rebuild_translation_status(site, checkout):
    output = manage(site, "rebuild_translation_status", cwd=checkout)
    assert re.search(r"^[1-9]\d* fields decided\.$", output, re.M), output


def test_translation_memory_commands(site, checkout):
    output = manage(site, "rebuild_translation_memory", cwd=checkout)
    assert re.search(r"^[1-9]\d* translation memory entries added or changed\.$", output, re.M)
    output = manage(site, "pretranslate_catalogues", "--language", "fr", "--dry-run", cwd=checkout)
    assert re.search(r"^fr django: \d+ entries pre-translated \(fuzzy\)\.$", output, re.M), output


@slow
def test_memory_bench_times_the_lookup(services, checkout, tmp_path):
    prefix = scratch_database_name("memory") + "_"
    env = environment(tmp_path, BENCH_DATABASE_PREFIX=prefix)
    try:
        output = command(PYTHON, "bench/memory.py", "--projects", "200", "--lookups", "20",
                         cwd=checkout, env=env)  # fmt: skip
    finally:
        drop_database(f"{prefix}memory_200")
    assert "200 projects x 4 languages: 1200 memory entries" in output, output
    assert re.search(r"^lookup, one-word edit .* found 20/20$", output, re.M), output
    assert re.search(r"^lookup, batch of 100 .* ms a sentence$", output, re.M), output


@slow
def test_exchange_bench_exports_and_imports_back_every_part(services, checkout, tmp_path):
    database = scratch_database_name("exchange")
    env = environment(tmp_path)
    try:
        output = command(PYTHON, "bench/exchange.py", "--size", "30", "--part-size", "100",
                         "--edits", "10", "--database", database, cwd=checkout, env=env)  # fmt: skip
    finally:
        drop_database(database)
    assert "30 projects x 4 languages, fr; each step its own process" in output, output
    exported = re.search(r"^export po, parts of 100 .* Wrote (\d+) string", output, re.M)
    parts = int(re.search(r"^export po, parts of 100: (\d+) parts", output, re.M).group(1))
    assert exported and parts > 1, output
    # Every part comes back: the whole set, and each on its own, unchanged.
    line = re.search(rf"^import po, {parts} parts as one set .*$", output, re.M).group(0)
    counts = re.search(r" \d+  fr: Updated 0, confirmed 0, unchanged (\d+), skipped (\d+) ", line)
    assert counts and sum(map(int, counts.groups())) == int(exported.group(1)), line
    assert re.search(rf"^import po, {parts} parts --each .* fr: Updated 0,", output, re.M)
    assert re.search(r"^import po, set with 10 edits --dry-run .* Would have updated 10,", output,
                     re.M), output  # fmt: skip
    assert re.search(r"^import xliff, \d+ parts as one set .* fr: Updated 0,", output, re.M)


@slow
def test_content_goes_out_and_comes_back_as_po_files(site, checkout, tmp_path):
    # The README's form: what needs work (nothing yet, after the seed), then every string.
    target = tmp_path / "content-fr.po"
    output = manage(site, "export_content", "fr", "--stale", "--missing", "-o", target,
                    cwd=checkout)  # fmt: skip
    assert f"to {target}" in output and 'msgid ""' in target.read_text()
    manage(site, "import_content", target, "--dry-run", cwd=checkout)

    everything = tmp_path / "all-fr.po"
    output = manage(site, "export_content", "fr", "-o", everything, cwd=checkout)
    written = int(re.search(r"Wrote (\d+) string", output).group(1))
    assert written > 0 and "msgctxt" in everything.read_text()
    output = manage(site, "import_content", everything, "--dry-run", "-v", "2", cwd=checkout)
    assert f"unchanged {written}," in output

    # In parts, selected, and as XLIFF: the set comes back whole.
    parts = tmp_path / "exports"
    output = manage(site, "export_content", "fr", "--type", "projects.project", "--since",
                    "2000-01-01", "--part-size", "5", "-o", f"{parts}/", cwd=checkout)  # fmt: skip
    files = sorted(parts.glob("content-fr-*.po"))
    assert len(files) > 1 and f"{len(files)} parts" in output, output
    output = manage(site, "import_content", *files, "--each", "--dry-run", cwd=checkout)
    assert output.count("Would have updated 0") == len(files), output
    xliff = tmp_path / "content-fr.xlf"
    manage(site, "export_content", "fr", "--format", "xliff", "-o", xliff, cwd=checkout)
    output = manage(site, "import_content", xliff, "--dry-run", cwd=checkout)
    assert f"unchanged {written}," in output


@slow
def test_the_glossary_goes_out_comes_back_and_checks_the_catalogues(site, checkout, tmp_path):
    for fmt in ("tbx", "csv"):
        target = tmp_path / f"glossary.{fmt}"
        output = manage(site, "export_glossary", "--format", fmt, "-o", target, cwd=checkout)
        written = int(re.search(r"Wrote (\d+) term", output).group(1))
        output = manage(site, "import_glossary", target, cwd=checkout)
        assert f"unchanged {written} term" in output, output
    # The content's own report waits for its texts (exit 1 on any); the catalogues pass.
    output = manage(site, "check_glossary", "--only", "catalogues", cwd=checkout)
    assert "No glossary problem." in output


@slow
def test_prune_media_lists_then_deletes_a_file_no_row_names(site, checkout):
    orphan = Path(site["env"]["DJANGO_MEDIA_ROOT"], "images", "project", "left-behind.jpg")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"not named by any row")
    two_hours_ago = time.time() - 2 * 3600  # older than the files it leaves alone
    os.utime(orphan, (two_hours_ago, two_hours_ago))
    output = manage(site, "prune_media", cwd=checkout)
    assert "images/project/left-behind.jpg" in output and orphan.exists(), output
    output = manage(site, "prune_media", "--delete", cwd=checkout)
    assert "Deleted 1 file(s)." in output and not orphan.exists(), output


@slow
def test_axes_reset(site, checkout):
    manage(site, "axes_reset", cwd=checkout)


@slow
def test_enrol_totp_prints_the_authenticator_address(site, checkout):
    user = "readme-staff"
    manage(site, "ensure_local_admin", cwd=checkout, DJANGO_SUPERUSER_USERNAME=user)
    output = manage(site, "enrol_totp", user, cwd=checkout)
    assert f"otpauth://totp/eurelations%3A{user}?secret=" in output
    output = manage(site, "enrol_totp", user, "--replace", cwd=checkout)
    assert "otpauth://totp/" in output


NOTO = Path("/usr/share/fonts/truetype/noto")


@slow
def test_subset_fonts_rebuilds_the_fonts(tmp_path):
    if not (NOTO / "NotoNaskhArabic-Regular.ttf").exists():
        unavailable("Debian's fonts-noto-core is not installed (apt-get install fonts-noto-core)")
    copy = copy_repository(tmp_path / "checkout")  # the tool writes into its checkout
    fonts = copy / "static" / "fonts"
    for font in fonts.glob("*.woff2"):
        font.unlink()
    command(PYTHON, "tools/subset_fonts.py", cwd=copy, env=environment(tmp_path))
    assert {font.name for font in fonts.glob("*.woff2")} == {
        "noto-sans-regular.woff2", "noto-sans-bold.woff2",
        "noto-naskh-arabic-regular.woff2", "noto-naskh-arabic-bold.woff2",
    }  # fmt: skip
    for font in fonts.glob("*.woff2"):
        assert font.read_bytes()[:4] == b"wOF2"
    assert "SIL OPEN FONT LICENSE" in (fonts / "OFL.txt").read_text()


@slow
def test_og_image_rebuilds_the_picture(tmp_path):
    copy = copy_repository(tmp_path / "checkout")  # the tool writes into its checkout
    picture = copy / "static" / "img" / "og-image.png"
    picture.unlink()
    command(PYTHON, "tools/og_image.py", cwd=copy, env=environment(tmp_path))
    data = picture.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
