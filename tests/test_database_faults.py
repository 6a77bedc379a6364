"""The database: persistent connections are checked before use (a database restart costs no 500:
shown end to end by bench/faults.py, which restarts a real PostgreSQL under load), and a slow
query is cancelled by the statement timeout instead of holding a worker."""

import pytest
from django.conf import settings
from django.db import OperationalError, connection

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="server-side timeouts and restarts: PostgreSQL"
)


def test_persistent_connections_are_checked_before_use():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


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
