"""Shared fixtures. The seed content is loaded once per test session into the test database;
each test runs in a transaction that is rolled back, so tests see the seed and never each other.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation

from seed.loader import load_seed_content


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_seed_content()


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password="a-long-test-password"
    )


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    # parler caches translations by primary key; a rolled-back test can leave entries for rows
    # whose keys the next test reuses.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    # A request or a command that activates a language leaves it active in the thread: each
    # test starts from the default language, whatever ran before it.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots",
        default=None,
        metavar="DIR",
        help="Also copy the browser tests' screenshots into DIR (python3 dev.py screenshots).",
    )


def pytest_terminal_summary(terminalreporter):
    """The admin sweep's size (tests/test_admin_sweep.py), for whoever reads the test run."""
    from tests.test_admin_sweep import SWEPT

    _axe_summary(terminalreporter)
    _output_sweep_summary(terminalreporter)
    if SWEPT:
        total = sum(requests for _admins, requests, _asked, _seconds in SWEPT.values())
        terminalreporter.write_sep("-", f"admin sweep: {total} requests")
        for role, (admins, requests, asked, seconds) in SWEPT.items():
            terminalreporter.write_line(
                f"{role}: {admins} admins, {requests} requests "
                f"(+{asked} sent again as the superuser), {seconds:.1f} s"
            )


def _output_sweep_summary(terminalreporter):
    from tests.test_output_sweep import SWEPT as OUTPUTS_SWEPT

    if OUTPUTS_SWEPT["cases"]:
        terminalreporter.write_sep(
            "-",
            f"output sweep: {len(OUTPUTS_SWEPT['cases'])} (model, field, language, channel, "
            f"output) cases, {OUTPUTS_SWEPT['requests']} requests",
        )


def _axe_summary(terminalreporter):
    from tests.e2e.test_admin_accessibility import AXE_RESULTS

    if AXE_RESULTS:
        terminalreporter.write_sep("-", "axe-core on the admin: violations per page")
        for name, count in AXE_RESULTS.items():
            terminalreporter.write_line(f"{name}: {count}")
