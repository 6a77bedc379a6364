"""Every request has an id: in its response, in its log line, in a 5xx's traceback and on the
500 page, so a visitor's report leads to the traceback."""

import logging

import pytest
from django.test import Client

from cooperation import views

pytestmark = pytest.mark.django_db


def stdout_handler():
    return next(h for h in logging.getLogger().handlers if h.get_name() == "stdout")


def test_a_server_error_is_logged_with_its_traceback_and_the_id_the_visitor_sees(
    monkeypatch, caplog, settings
):
    def broken(*args, **kwargs):
        raise RuntimeError("the template engine is broken")

    monkeypatch.setattr(views, "render", broken)
    caplog.set_level(logging.INFO)
    response = Client(raise_request_exception=False).get("/fr/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    page = response.content.decode()
    assert request_id in page
    assert "veuillez indiquer cette référence" in page  # in the visitor's language
    errors = [r for r in caplog.records if r.name == "django.request" and r.levelno == 40]
    assert len(errors) == 1
    assert errors[0].exc_info[0] is RuntimeError
    line = stdout_handler().format(errors[0])
    assert f"[{request_id}]" in line
    assert "Traceback" in line and "the template engine is broken" in line


def test_each_request_gets_its_own_id_or_keeps_the_load_balancers(client):
    first = client.get("/en/")["X-Request-ID"]
    second = client.get("/en/")["X-Request-ID"]  # a cached page gets a new id too
    assert first != second
    given = client.get("/en/", HTTP_X_REQUEST_ID="lb-0123456789abcdef")
    assert given["X-Request-ID"] == "lb-0123456789abcdef"
    # Not a place for a visitor to write into the logs.
    forged = client.get("/en/", HTTP_X_REQUEST_ID="x\nFAKE LOG LINE")
    assert "FAKE" not in forged["X-Request-ID"]


def test_one_log_line_per_request_names_the_id(client, caplog):
    logging.getLogger("eurelations.request").setLevel(logging.INFO)
    try:
        caplog.set_level(logging.INFO, logger="eurelations.request")
        response = client.get("/en/projects/?page=2")
    finally:
        logging.getLogger("eurelations.request").setLevel(logging.WARNING)
    lines = [r for r in caplog.records if r.name == "eurelations.request"]
    assert len(lines) == 1
    text = stdout_handler().format(lines[0])
    assert f"[{response['X-Request-ID']}]" in text
    assert "GET /en/projects/?page=2 200" in text
    assert text.rstrip().endswith("ms cache=miss")  # the page cache's answer, for the bench
