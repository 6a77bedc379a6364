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
