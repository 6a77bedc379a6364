"""The database: a connection that died (a database restart) costs no 500, a slow query is
cancelled by the statement timeout and a wait for a locked table by the lock timeout (a 503),
and requests waiting on a locked table do not hold up cached pages and the health endpoints.
(bench/faults.py stops a real PostgreSQL and locks a table under load.)"""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from seed.loader import load_seed_content

ROOT = Path(__file__).resolve().parent.parent

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="server-side timeouts and restarts: PostgreSQL"
)


def test_persistent_connections_are_checked_before_use():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def get(path):
    """A request through Django's WSGI handler, as gunicorn sends it: unlike the test client, it
    runs the connection checks at the start and the end of the request."""
    statuses = []
    environ = RequestFactory().get(path).environ
    response = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    response.close()
    return int(statuses[0].split()[0])


@postgresql_only
def test_a_connection_killed_by_a_database_restart_costs_no_500(transactional_db, monkeypatch):
    load_seed_content()
    # A worker's persistent connection, opened by a request as in production. (With
    # CONN_HEALTH_CHECKS off, the second request below is a 500: checked by hand.)
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.close()
    assert get("/en/projects/") == 200
    pid = connection.connection.info.backend_pid
    # What a PostgreSQL restart does to every open connection.
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    other = psycopg2.connect(**params)
    other.autocommit = True
    other.cursor().execute("SELECT pg_terminate_backend(%s)", [pid])
    other.close()
    time.sleep(0.2)
    assert get("/en/projects/?page=2") == 200
    assert connection.connection.info.backend_pid != pid


@postgresql_only
def test_a_slow_query_is_cancelled_by_the_statement_timeout(db):
    options = settings.DATABASES["default"]["OPTIONS"]["options"]
    assert options.startswith("-c statement_timeout=")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        configured = cursor.fetchone()[0]
        assert configured not in {"0", ""}
        cursor.execute("SAVEPOINT slow")
        cursor.execute("SET LOCAL statement_timeout = 200")  # the same guard, shorter
        with pytest.raises(OperationalError, match="statement timeout"):
            cursor.execute("SELECT pg_sleep(5)")
        cursor.execute("ROLLBACK TO SAVEPOINT slow")


def test_production_gives_up_waiting_for_a_lock_sooner_than_on_a_query():
    def options(**env):
        code = "from eurelations.settings import base; print(base.DATABASES['default']['OPTIONS'])"
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={
                "PATH": os.environ["PATH"],
                "DATABASE_URL": "postgres://u@db.example.org/x",
                **env,
            },
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    default = options()
    assert "-c statement_timeout=10000 -c lock_timeout=2000" in default
    assert "'connect_timeout': 5" in default
    # A migration that may wait for its lock (README, "Serving: gunicorn").
    assert "-c lock_timeout=0" in options(DATABASE_LOCK_TIMEOUT_MS="0")


def other_connection():
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    return psycopg2.connect(**params)


@postgresql_only
@pytest.mark.parametrize("timeout", ["lock_timeout", "statement_timeout"])
def test_a_page_kept_waiting_by_a_locked_table_is_a_503(timeout, db):
    holder = other_connection()  # before this test's transaction reads the table
    try:
        holder.cursor().execute("LOCK TABLE projects_project IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL {timeout} = 200")  # the production one, shorter
        response = Client(raise_request_exception=False).get("/en/projects/")
        assert response.status_code == 503
        assert response.has_header("Retry-After")
    finally:
        holder.rollback()
        holder.close()


def http_get(port, path, timeout):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


@postgresql_only
def test_requests_waiting_on_a_locked_table_hold_up_no_cached_page_or_health_check(
    transactional_db, tmp_path
):
    """gunicorn as gunicorn.conf.py runs it, one worker: two requests wait on a locked table
    while a cached page, /livez and /healthz still answer (a sync worker made them wait for
    the lock). No statement or lock timeout here: the threads alone must do it."""
    load_seed_content()  # committed, for the server's connections to see
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = connection.settings_dict
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "eurelations.settings.test",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",  # the test settings' page cache is the worker's memory
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py",
         "eurelations.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    holder = other_connection()
    waiting = []
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if http_get(port, "/livez", timeout=1) == 200:
                    break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.2)
        for _ in range(2):
            assert http_get(port, "/fr/", timeout=30) == 200  # built, then cached
        holder.cursor().execute("LOCK TABLE projects_project IN ACCESS EXCLUSIVE MODE")
        waiting = [
            threading.Thread(target=http_get, args=(port, f"/en/search/?q=locked{n}", 60))
            for n in range(2)
        ]
        for thread in waiting:
            thread.start()
        blocked, deadline = 0, time.monotonic() + 15
        while blocked < len(waiting) and time.monotonic() < deadline:
            time.sleep(0.1)
            with holder.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_locks"
                    " WHERE NOT granted AND relation = 'projects_project'::regclass"
                )
                blocked = cursor.fetchone()[0]
        assert blocked == len(waiting), "the requests did not all reach the locked table"
        # Far less than the lock lasts: answered beside the waiting requests, not after them.
        for path in ("/livez", "/healthz", "/fr/"):
            assert http_get(port, path, timeout=5) == 200, path
    finally:
        holder.rollback()
        holder.close()
        for thread in waiting:
            thread.join(timeout=30)
        server.terminate()
        server.wait(timeout=30)
        log.close()
