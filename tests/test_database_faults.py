"""The database: a connection that died (a database restart) costs no 500, and a slow query is
cancelled by the statement timeout instead of holding a worker. (bench/faults.py restarts a real
PostgreSQL under load.)"""

import time

import psycopg2
import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import RequestFactory

from seed.loader import load_seed_content

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
