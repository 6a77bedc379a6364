"""With the database unreachable, every page the page cache cannot answer is a 503 with
Retry-After, in the visitor's language, and the log keeps a line per failed request but one
traceback per error; a page stored before is still served (stale-if-error), and a fault of the
code stays a 500. The database is really unreachable: the requests get a connection of their
own to a port nothing listens on (PostgreSQL) or to a file that cannot be opened (SQLite)."""

import copy
import io
import logging
import re
import socket
from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, ProgrammingError, connections
from django.db.backends import utils
from django.test import Client

from cooperation.models import CooperationArea
from eurelations.views import RETRY_AFTER_SECONDS
from tests.public_pages import page_addresses

pytestmark = pytest.mark.django_db

# What each language's page says with a message its catalogue already had.
HOME_LINK = {
    "ar": "الانتقال إلى الصفحة الرئيسية",
    "en": "Go to the home page",
    "es": "Ir a la página de inicio",
    "fr": "Aller à la page d’accueil",
}


@contextmanager
def database_unreachable(tmp_path):
    """Requests meet a database that cannot be reached, through a connection made for them;
    the test's own connection, and its transaction, are put back afterwards."""
    original = connections[DEFAULT_DB_ALIAS]
    settings_dict = copy.deepcopy(original.settings_dict)
    if original.vendor == "postgresql":
        with socket.socket() as sock:  # a port that was free a moment ago: connection refused
            sock.bind(("127.0.0.1", 0))
            settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", sock.getsockname()[1]
    else:
        settings_dict["NAME"] = str(tmp_path / "no-such-folder" / "db.sqlite3")
    dead = type(original)(settings_dict, DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = dead
    try:
        yield
    finally:
        dead.close()
        connections[DEFAULT_DB_ALIAS] = original


@contextmanager
def stdout_log():
    """What the site's stdout handler writes meanwhile, starting with no traceback written."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "stdout")
    handler.tracebacks.clear()
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)
        handler.tracebacks.clear()


def tracebacks(text):
    """The tracebacks logged in ``text``: an error raised from another is one traceback."""
    chained = re.compile(r"(direct cause of|During handling of) .*\n\s*\n?Traceback")
    return text.count("Traceback (most recent call last)") - len(chained.findall(text))


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_public_page_is_a_503_in_the_visitors_language(language, tmp_path):
    addresses = page_addresses(language)
    client = Client(raise_request_exception=False)
    with database_unreachable(tmp_path):
        for name, address in addresses.items():
            response = client.get(address)
            assert response.status_code == 503, name
            assert response["Retry-After"] == str(RETRY_AFTER_SECONDS), name
            assert "no-store" in response["Cache-Control"], name
            assert response["Content-Language"] == language, name
            page = response.content.decode()
            direction = "rtl" if language == "ar" else "ltr"
            assert f'<html lang="{language}" dir="{direction}">' in page, name
            assert HOME_LINK[language] in page, name
            assert response["X-Request-ID"] in page, name  # the reference a visitor can quote


def test_a_page_stored_before_an_edit_is_still_served(
    django_capture_on_commit_callbacks, tmp_path
):
    client = Client(raise_request_exception=False)
    before = client.get("/es/").content
    area = CooperationArea.objects.language("en").get(key="west-africa")
    with django_capture_on_commit_callbacks(execute=True):
        area.title = "West Africa and the Sahel"
        area.save()  # /es/ shows the area: no longer a hit, only a stale entry
    with database_unreachable(tmp_path):
        response = client.get("/es/")
        assert response.status_code == 200
        assert response.content == before
        assert response["Cache-Control"].startswith("no-cache")
        assert client.get("/es/proyectos/").status_code == 503  # never stored


def test_the_log_keeps_a_line_per_failed_request_and_one_traceback(tmp_path):
    client = Client(raise_request_exception=False)
    paths = [f"/en/search/?q=outage{n}" for n in range(8)] + ["/fr/projects/", "/ar/"]
    with stdout_log() as log, database_unreachable(tmp_path):
        ids = [client.get(path)["X-Request-ID"] for path in paths]
    text = log.getvalue()
    assert tracebacks(text) == 1
    lines = [line for line in text.splitlines() if "Service Unavailable" in line]
    assert len(lines) == len(paths)
    for request_id, line in zip(ids, lines, strict=True):
        assert f"[{request_id}]" in line
    # The others name the error and where its traceback is.
    assert (
        "OperationalError: " in lines[-1]
        and f"traceback logged with request {ids[0]}" in lines[-1]
    )


def test_a_traceback_is_logged_again_once_its_interval_has_passed(tmp_path, monkeypatch):
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "stdout")
    client = Client(raise_request_exception=False)
    with stdout_log() as log, database_unreachable(tmp_path):
        client.get("/en/projects/")
        client.get("/en/projects/")
        monkeypatch.setattr(handler, "interval", 0.0)
        client.get("/en/projects/")
    assert tracebacks(log.getvalue()) == 2


def test_a_fault_of_the_code_stays_a_500_with_its_own_traceback(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ProgrammingError('relation "projects_project" does not exist')

    client = Client(raise_request_exception=False)
    with stdout_log() as log:
        with database_unreachable(tmp_path):
            assert client.get("/en/projects/").status_code == 503
        with monkeypatch.context() as patch:
            patch.setattr(utils.CursorWrapper, "execute", broken)
            for _ in range(2):
                response = client.get("/en/projects/")
                assert response.status_code == 500
                assert not response.has_header("Retry-After")
    assert tracebacks(log.getvalue()) == 2  # one per distinct error
