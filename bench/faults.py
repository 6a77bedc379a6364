#!/usr/bin/env python
"""Fault drill: the production stack under steady load while its services fail.

It starts a private PostgreSQL (initdb in a temporary folder, run as the ``postgres`` user) and a
private Redis on free ports -- never the shared ones -- migrates and seeds the database, and
starts gunicorn with ``gunicorn.conf.py`` and 2 workers. Several clients then read public pages
without pause while an editor adds static pages through the admin, and:

  (a) Redis is stopped for --redis-outage seconds, then started again;
  (b) PostgreSQL is stopped for --db-outage seconds, then started again;
  (c) a gunicorn worker is killed with SIGKILL;
  (d) two editors save the same project at the same moment, in the same language and in two
      different languages, round after round;
  (e) a client holds ``LOCK TABLE projects_project IN ACCESS EXCLUSIVE MODE`` for --lock
      seconds (a migration or a maintenance job would).

Some clients read pages the page cache holds, others ask for searches never asked before (each
one built from the database: the pages a lock or an outage blocks). A probe asks, in turn, for
a cached page, /livez and /healthz.

For each phase it prints the requests, the errors by status (0: no answer), the p99 latency, the
probe's slowest answer of each kind and its failures, and the rows lost: an addition the admin
confirmed (a redirect after the save) that is not in the database. Then it compares the
database with what the editors of (d) were told: a save confirmed but overwritten by a save
that never saw it is lost; a refusal ("someone else saved") is not.

    .venv/bin/python bench/faults.py [--short] [--clients 4] [--uncached-clients 2]
        [--redis-outage 10] [--db-outage 10] [--lock 15]

Loopback only; every phase and loop is bounded in time and count. Exit status 1 when a row or a
save was lost, a page failed while only Redis was down or after a fault, a page failed with
anything but a 503 with Retry-After while the database was down or locked, or while the table
was locked the probe's cached page, /livez or /healthz failed or took a second or more.
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HOST = "127.0.0.1"
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PASSWORD = "drill-password-" + "a1b2c3d4"
SPANNING = "across a phase change"
# Phases in which a public page must never fail: only Redis is down, or the fault is over.
MUST_NOT_FAIL = ("steady", "(a)", "(a')", "(b')", "(c')", "(d)", "(e')")
# Phases in which the database cannot build a page: it may fail, but only with a 503 that says
# when to come back (Retry-After), never a 500 or no answer.
ONLY_503 = ("(b)", "(e)")
# The phase in which the probe's cached page, /livez and /healthz must answer, and how fast.
PROBED = "(e)"
PROBE_LIMIT_SECONDS = 1.0
PROBE_KINDS = ("hit", "livez", "healthz")


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answers on port {port}")


# --- Private services ------------------------------------------------------------------------


class PrivatePostgres:
    """A throw-away cluster: initdb in a temporary folder, owned and run by ``postgres``."""

    def __init__(self, workdir):
        self.dir = workdir / "pg"
        self.port = free_port()
        self.log = workdir / "postgres.log"

    def _as_postgres(self, *args):
        subprocess.run(["runuser", "-u", "postgres", "--", *map(str, args)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip

    def init(self):
        self.dir.mkdir()
        self.log.touch()
        shutil.chown(self.dir, "postgres")
        shutil.chown(self.log, "postgres")
        self._as_postgres(PG_BIN / "initdb", "-D", self.dir, "-U", "postgres", "-A", "trust",
                          "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8")  # fmt: skip

    def _ctl(self, *args):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses={HOST}"
        self._as_postgres(PG_BIN / "pg_ctl", "-D", self.dir, "-l", self.log, "-o", options,
                          "-w", "-t", "30", *args)  # fmt: skip

    def start(self):
        self._ctl("start")

    def stop_fast(self):
        """As an operator stops it: open connections are closed, new ones refused."""
        self._ctl("stop", "-m", "fast")

    def stop(self):
        try:
            self._ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass

    @property
    def url(self):
        return f"postgres://postgres@{HOST}:{self.port}/eurelations"


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", HOST, "--save", "",
             "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def url(self):
        return f"redis://{HOST}:{self.port}/0"


# --- HTTP: a small browser for the admin -----------------------------------------------------


class FormParser(HTMLParser):
    """The fields of the admin's edit form (``<form id="…_form">``) as a browser would post them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self.in_form = [], False
        self._select = self._textarea = None
        self._options = []
        self.errors = []
        self._in_error = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            form_id = attrs.get("id") or ""
            self.in_form = form_id.endswith("_form") and form_id != "logout-form"
        if tag in ("ul", "p") and "errorlist" in (attrs.get("class") or "") + " ":
            self._in_error = True
        if tag == "p" and "errornote" in (attrs.get("class") or ""):
            self._in_error = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs)
            self._options = []
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            self.fields.extend((name, value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag in ("ul", "p"):
            self._in_error = False

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data
        if self._in_error and data.strip():
            self.errors.append(data.strip())


class Browser:
    """One staff member's session: cookies, CSRF token, forms."""

    def __init__(self, port):
        self.port, self.cookies = port, {}

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=20)
        headers = {"Host": HOST, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, text

    def form(self, path):
        status, text = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        parser = FormParser()
        parser.feed(text)
        return dict_list(parser.fields)

    def post(self, path, fields):
        status, text = self.request("POST", path, urlencode(fields, doseq=True))
        parser = FormParser()
        parser.feed(text)
        return status, parser.errors

    def log_in(self, username, code, device):
        self.request("GET", "/admin/login/")
        status, _ = self.request(
            "POST",
            "/admin/login/?next=/admin/",
            urlencode(
                {
                    "username": username,
                    "password": PASSWORD,
                    "otp_device": device,
                    "otp_token": code,
                    "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
                    "next": "/admin/",
                }
            ),
        )
        if status != 302:
            raise SystemExit(f"{username} could not log in to the admin ({status})")


def dict_list(pairs):
    result = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


# --- Load ------------------------------------------------------------------------------------


def get(port, path, timeout):
    """(status, Retry-After header or None); status 0 when nothing answered."""
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status, response.getheader("Retry-After")
    except OSError:
        time.sleep(0.05)
        return 0, None


class Load:
    """Clients reading public pages without pause, and clients asking for searches never asked
    before (built from the database each time); each answer is counted in the current phase.
    A probe asks for a cached page, /livez and /healthz in turn, and times each answer."""

    def __init__(self, port, paths, clients, uncached_clients, probe_page):
        self.port, self.paths, self.probe_page = port, paths, probe_page
        self.phase = "warm-up"
        # (phase it started in, phase it ended in, status, seconds, Retry-After); the table
        # counts a request that started in one phase and ended in another under SPANNING, so a
        # fault's effects are not blamed on the phase before it.
        self.results = []
        self.probes = []  # (phase it started in, phase it ended in, kind, status, seconds)
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [
            *(threading.Thread(target=self.run, args=(n,)) for n in range(clients)),
            *(threading.Thread(target=self.search, args=(n,)) for n in range(uncached_clients)),
            threading.Thread(target=self.probe),
        ]

    def _record(self, phase, started, status, retry_after):
        seconds = time.perf_counter() - started
        with self.lock:
            self.results.append((phase, self.phase, status, seconds, retry_after))

    def run(self, offset):
        n = offset
        while not self.stop.is_set():
            path = self.paths[n % len(self.paths)]
            n += 1
            phase, started = self.phase, time.perf_counter()
            self._record(phase, started, *get(self.port, path, timeout=10))

    def search(self, client):
        # Longer than the statement timeout: a request the database holds is measured, not cut.
        n = 0
        while not self.stop.is_set():
            n += 1
            phase, started = self.phase, time.perf_counter()
            path = f"/en/search/?q=drill{client}x{n}"
            self._record(phase, started, *get(self.port, path, timeout=30))

    def probe(self):
        paths = {"hit": self.probe_page, "livez": "/livez", "healthz": "/healthz"}
        n = 0
        while not self.stop.wait(0.05):
            kind = PROBE_KINDS[n % len(PROBE_KINDS)]
            n += 1
            phase, started = self.phase, time.perf_counter()
            status, _ = get(self.port, paths[kind], timeout=30)
            seconds = time.perf_counter() - started
            with self.lock:
                self.probes.append((phase, self.phase, kind, status, seconds))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=35)


class Writer(threading.Thread):
    """An editor adding static pages through the admin, one a second."""

    def __init__(self, browser, load):
        super().__init__()
        self.browser, self.load = browser, load
        self.confirmed = []  # (phase, url)
        self.failed = Counter()  # phase -> saves answered with an error or not at all
        self.stop = threading.Event()

    def run(self):
        n = 0
        while not self.stop.wait(1.0):
            n += 1
            phase = self.load.phase
            url = f"/pages/drill/{re.sub(r'[^a-z0-9]+', '-', phase.lower())}-{n}/"
            try:
                fields = self.browser.form("/admin/flatpages/flatpage/add/")
                for name in list(fields):
                    if name.startswith("title"):
                        fields[name] = [f"Drill page {n}"]
                    elif name.startswith("content"):
                        fields[name] = [f"<p>Added during {phase}.</p>"]
                fields["url"] = [url]
                fields["sites"] = ["1"]
                status, _ = self.browser.post("/admin/flatpages/flatpage/add/", fields)
            except (OSError, RuntimeError):
                status = None  # not confirmed: the editor knows it failed
            if self.load.phase != phase:
                phase = SPANNING  # like the readers': not blamed on the phase it started in
            if status == 302:
                self.confirmed.append((phase, url))
            else:
                self.failed[phase] += 1


# --- The drill -------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="the CI form: shorter phases")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--uncached-clients", type=int, default=2, help="new searches each")
    parser.add_argument("--redis-outage", type=float, default=10.0)
    parser.add_argument("--db-outage", type=float, default=10.0)
    parser.add_argument("--lock", type=float, default=15.0, help="seconds the table is locked")
    parser.add_argument("--rounds", type=int, default=6, help="editor rounds per kind")
    args = parser.parse_args()
    settle_seconds = 3.0 if args.short else 8.0
    if args.short:
        args.redis_outage, args.rounds = min(args.redis_outage, 5.0), min(args.rounds, 3)
        args.db_outage = min(args.db_outage, 5.0)
        # Still close to the statement timeout (10 s): a request the lock holds would hold its
        # worker that long.
        args.lock = min(args.lock, 8.0)

    workdir = Path(tempfile.mkdtemp(prefix="eurelations-drill-"))
    os.chmod(workdir, 0o755)  # postgres must reach its folder inside
    postgres, redis, server = PrivatePostgres(workdir), PrivateRedis(), None
    deadline = time.monotonic() + 600  # whatever happens, the drill ends
    try:
        print(f"Private PostgreSQL on {postgres.port}, Redis on {redis.port}, in {workdir}")
        postgres.init()
        postgres.start()
        subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "createdb"),
                        "-h", HOST, "-p", str(postgres.port), "eurelations"], check=True)  # fmt: skip
        redis.start()
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "eurelations.settings.prod",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # a new one each run
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_LOG_REQUESTS": "false",  # the drill counts requests itself
            "GUNICORN_BIND": f"{HOST}:{port}",
            "GUNICORN_WORKERS": "2",
        }
        os.environ.update(env)
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"],
                        ["load_seed_content", "-v0"]):  # fmt: skip
            # Set-up, not requests: no statement timeout (a busy machine migrates slowly).
            subprocess.run([*manage, *command], cwd=ROOT, check=True,
                           env={**env, "DATABASE_STATEMENT_TIMEOUT_MS": "0"})  # fmt: skip

        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.db import connections
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from projects.models import Project

        def staff(username):
            user = get_user_model().objects.create_superuser(username, "", PASSWORD)
            device = TOTPDevice.objects.create(user=user, name="drill", confirmed=True)
            browser = Browser(port)
            code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
            return browser, (username, f"{code:06d}", device.persistent_id)

        people = {name: staff(name) for name in ("writer", "editor1", "editor2")}
        project = Project.objects.get(key="wapis")
        paths = ["/en/", "/ar/", "/fr/", "/en/projects/", "/en/projects/?page=2",
                 project.get_absolute_url("en"), project.get_absolute_url("ar"),
                 "/en/search/?q=police", "/robots.txt"]  # fmt: skip
        connections.close_all()

        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed with the server
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py",
             "eurelations.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_port(port)
        warm = Browser(port)
        for path in paths:  # each worker's first requests load templates: not a fault
            for _ in range(2):
                warm.request("GET", path)
        for browser, credentials in people.values():
            browser.log_in(*credentials)
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        connection.request("GET", "/en/", headers={"Host": HOST})
        served = connection.getresponse()
        served.read()
        connection.close()
        print(f"Content-Security-Policy of /en/: {served.getheader('Content-Security-Policy')}")

        phases = []
        probe_page = project.get_absolute_url("fr")
        with Load(port, paths, args.clients, args.uncached_clients, probe_page) as load:
            writer = Writer(people["writer"][0], load)
            writer.start()

            def phase(name, action):
                load.phase = name
                phases.append(name)
                action()

            def settle(name):
                phase(
                    name,
                    lambda: time.sleep(max(0.0, min(settle_seconds, deadline - time.monotonic()))),
                )

            settle("steady")
            phase(f"(a) Redis down {args.redis_outage:.0f} s", redis.stop)
            time.sleep(args.redis_outage)
            redis.start()
            settle("(a') Redis back")
            phase(f"(b) PostgreSQL down {args.db_outage:.0f} s", postgres.stop_fast)
            time.sleep(args.db_outage)
            postgres.start()  # returns once it accepts connections again
            settle("(b') PostgreSQL back")

            def kill_worker():
                workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                                         text=True).stdout.split()  # fmt: skip
                os.kill(int(workers[0]), signal.SIGKILL)

            phase("(c) a worker SIGKILLed", kill_worker)
            time.sleep(1.0)  # gunicorn notices and starts a new worker
            settle("(c') worker replaced")
            writer.stop.set()
            writer.join(timeout=30)

            load.phase = "(d) two editors"
            phases.append(load.phase)
            editors = editor_rounds(people, project, args.rounds, port)

            # The editors' saves made every page new: the probe's page is stored again first,
            # so that it is a page-cache hit while the table is locked.
            for _ in range(2):
                get(port, probe_page, timeout=10)
            phase(f"(e) projects table locked {args.lock:.0f} s",
                  lambda: lock_table(postgres.url, "projects_project", args.lock))  # fmt: skip
            settle("(e') lock released")
        # As the table counts them: a request in the phase it started and ended in, or SPANNING.
        results = [(a if a == b else SPANNING, s, t, r) for a, b, s, t, r in load.results]

        # What the database holds, read after everything has settled.
        connections.close_all()
        from django.contrib.flatpages.models import FlatPage

        stored = set(
            FlatPage.objects.filter(url__startswith="/pages/drill/").values_list("url", flat=True)
        )
        lost = Counter(p for p, url in writer.confirmed if url not in stored)
        added = Counter(p for p, _ in writer.confirmed)

        print(f"\n{'phase':30} {'requests':>8}  {'errors by status':22} {'p99 ms':>7}  "
              f"{'probe max ms':>14} {'probe fails':>11}  "
              f"{'rows added':>10} {'failed adds':>11} {'rows lost':>9}")  # fmt: skip
        failed = False
        for name in [*phases, SPANNING]:
            rows = [(s, t) for p, s, t, _ in results if p == name]
            errors = Counter(s for s, _ in rows if s == 0 or s >= 500)
            latencies = sorted(t for _, t in rows)
            p99 = (
                latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
                if rows
                else 0
            )
            listed = ", ".join(f"{s}: {n}" for s, n in sorted(errors.items())) or "none"
            slowest, fails = probe_figures(load.probes, name)
            print(f"{name:30} {len(rows):>8}  {listed:22} {p99:>7.0f}  "
                  f"{'/'.join(f'{slowest[k]:.0f}' for k in PROBE_KINDS):>14} "
                  f"{'/'.join(str(fails[k]) for k in PROBE_KINDS):>11}  "
                  f"{added[name]:>10} {writer.failed[name]:>11} {lost[name]:>9}")  # fmt: skip
            if lost[name] or (name.startswith(MUST_NOT_FAIL) and errors):
                failed = True
        print(
            f"(median latency overall {statistics.median(t for _, _, t, _ in results) * 1000:.0f}"
            " ms; probe: the slowest answer and the failures of the cached page, /livez and "
            "/healthz, in that order)"
        )
        print("\nchecks")
        for name in phases:
            if name.startswith(ONLY_503):
                # Every request the fault touched: a request it held into the next phase too.
                rows = [(s, r) for a, b, s, _, r in load.results if name in (a, b)]
                other = sum(1 for s, _ in rows if s == 0 or (s >= 500 and s != 503))
                bare = sum(1 for s, r in rows if s == 503 and not r)
                served = sum(1 for s, _ in rows if s == 503)
                ok = not other and not bare
                failed = failed or not ok
                print(f"  {name}: {served} answers 503; 5xx other than 503 or no answer: "
                      f"{other}; 503 without Retry-After: {bare}  {'ok' if ok else 'FAILED'}")  # fmt: skip
            if name.startswith(PROBED):
                slowest, fails = probe_figures(load.probes, name)
                ok = not any(fails.values()) and all(
                    0 < slowest[k] < PROBE_LIMIT_SECONDS * 1000 for k in PROBE_KINDS
                )
                failed = failed or not ok
                figures = "; ".join(
                    f"{k} {fails[k]} failed, max {slowest[k]:.0f} ms" for k in PROBE_KINDS
                )
                print(f"  {name}, probe: {figures} (limit {PROBE_LIMIT_SECONDS * 1000:.0f} ms)"
                      f"  {'ok' if ok else 'FAILED'}")  # fmt: skip
        print(f"  rows lost: {sum(lost.values())}  {'FAILED' if sum(lost.values()) else 'ok'}")

        print(f"\n{'editors saving one project':40} {'rounds':>6} {'saved':>6} {'refused':>8} "
              f"{'lost':>5} {'other':>6}")  # fmt: skip
        for kind, counts in editors.items():
            print(f"{kind:40} {counts['rounds']:>6} {counts['saved']:>6} {counts['refused']:>8} "
                  f"{counts['lost']:>5} {counts['other']:>6}")  # fmt: skip
            failed = failed or counts["lost"] > 0
        print(
            '\nrefused: the admin answered "someone else saved" (not lost); lost: confirmed '
            "to the editor but not in the database."
        )
        log_text = (workdir / "gunicorn.log").read_text()
        # An error raised from another (Django's database error, the driver's) is one traceback.
        tracebacks = log_text.count("Traceback (most recent call last)") - sum(
            log_text.count(chained)
            for chained in ("direct cause of the following", "During handling of the above")
        )
        print(f"gunicorn/Django log: {tracebacks} traceback(s) logged, in {workdir}/gunicorn.log")
        return 1 if failed else 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        redis.stop()
        postgres.stop()
        # Keep the logs, not the data: a cluster and collected static files per run add up.
        for folder in (postgres.dir, workdir / "static"):
            shutil.rmtree(folder, ignore_errors=True)


def probe_figures(probes, phase):
    """({kind: slowest answer in ms}, {kind: answers other than 200}) of the probe's requests
    made in a phase, however long they took (0 ms: none was made, or none answered); /healthz's
    503 counts as a failure (the database is up in the phase where this is checked). Not those
    made before: one made as the phase began may have found its page out of date."""
    slowest, fails = dict.fromkeys(PROBE_KINDS, 0.0), dict.fromkeys(PROBE_KINDS, 0)
    for started, _ended, kind, status, seconds in probes:
        if started == phase:
            slowest[kind] = max(slowest[kind], seconds * 1000)
            fails[kind] += status != 200
    return slowest, fails


def lock_table(url, table, seconds):
    """Hold an exclusive lock on ``table`` for ``seconds``, as a migration or a VACUUM FULL
    would: every query that reads it waits (on a connection of its own, no statement timeout)."""
    import psycopg2

    holder = psycopg2.connect(url)
    try:
        with holder.cursor() as cursor:  # psycopg2 opens the transaction
            cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        time.sleep(seconds)
        holder.rollback()
    finally:
        holder.close()


def _save(browser, path, form, barrier, outcomes, name, language, token):
    fields = {**form, "summary": [f"<p>{token}</p>"]}
    barrier.wait(timeout=10)  # both editors press "Save" at the same moment
    outcomes[name] = (language, token, *browser.post(path, fields))


def editor_rounds(people, project, rounds, port):
    """Two editors open the same project and save at the same moment: (1) both in English,
    (2) one in English, one in French. Each confirmed save must still be in the database after
    the round, unless a later round replaced it."""
    from django.db import connections

    from projects.models import ProjectTranslation

    path = f"/admin/projects/project/{project.pk}/change/"
    kinds = {
        "same language (en, en)": ("en", "en"),
        "different languages (en, fr)": ("en", "fr"),
    }
    report = {}
    for kind, languages in kinds.items():
        counts = Counter(rounds=0)
        for n in range(rounds):
            counts["rounds"] += 1
            forms, outcomes = {}, {}
            for name, language in zip(("editor1", "editor2"), languages, strict=True):
                forms[name] = people[name][0].form(f"{path}?language={language}")
            barrier = threading.Barrier(2)

            threads = [
                threading.Thread(
                    target=_save,
                    args=(
                        people[name][0],
                        f"{path}?language={language}",
                        forms[name],
                        barrier,
                        outcomes,
                        name,
                        language,
                        f"drill-{name}-{kind[:4]}-{n}",
                    ),
                )  # fmt: skip
                for name, language in zip(("editor1", "editor2"), languages, strict=True)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            connections.close_all()
            for language, token, status, errors in outcomes.values():
                if status == 302:
                    counts["saved"] += 1
                    summary = ProjectTranslation.objects.get(
                        master=project, language_code=language
                    ).summary
                    counts["lost"] += token not in summary
                elif any("Someone else saved" in error for error in errors):
                    counts["refused"] += 1
                else:
                    counts["other"] += 1
        report[kind] = counts
    return report


if __name__ == "__main__":
    sys.exit(main())
