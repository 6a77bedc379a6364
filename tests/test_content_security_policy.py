"""The Content-Security-Policy as served allows no inline style or script and no eval, on a
public page, an admin page (a change form with the rich-text editor, whose import map needs the
nonce) and the 500 page; what is inline carries the nonce of its response's header.

Whether the browser refuses anything is tests/e2e's part (every browser test fails on a
violation); this is the header itself, and the markup a browser would judge by it."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from cooperation import views as cooperation_views
from projects.models import Project

pytestmark = pytest.mark.django_db

UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'")


def directives(response):
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def nonce_of(response):
    """The nonce the header allows, the same for scripts and styles."""
    found = set(re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"]))
    assert len(found) == 1, response["Content-Security-Policy"]
    return found.pop()


def inline_styles(response):
    """Every <style> element's opening tag and every style attribute of the page."""
    page = response.content.decode()
    return re.findall(r"<style\b[^>]*>", page) + re.findall(r"<[^>]*\sstyle=[^>]*>", page)


def break_the_home_page(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a broken page, for the 500 page's policy")

    monkeypatch.setattr(cooperation_views, "render", broken)


def test_no_page_allows_unsafe_inline_or_eval(client, admin_client, monkeypatch):
    project = Project.objects.get(key="wapis")
    pages = {
        "public page": client.get("/en/"),
        # A change form with the rich-text editor: its import map needs the nonce.
        "admin page": admin_client.get(
            reverse("admin:projects_project_change", args=[project.pk])
        ),
    }
    break_the_home_page(monkeypatch)
    pages["500 page"] = Client(raise_request_exception=False).get("/fr/")
    assert [response.status_code for response in pages.values()] == [200, 200, 500]
    for name, response in pages.items():
        policy = response["Content-Security-Policy"]
        assert not [word for word in UNSAFE if word in policy], f"{name}: {policy}"
        found = directives(response)
        assert found["default-src"] == "'self'"
        assert found["style-src"].split()[0] == "'self'", f"{name}: {policy}"
        assert found["script-src"].split()[0] == "'self'", f"{name}: {policy}"
        assert "style-src-attr" not in found and "style-src-elem" not in found


def test_a_public_page_has_no_inline_style_and_no_nonce(client):
    """Nothing inline on public pages, so their header (stored with the page in the page cache)
    names no nonce, and a stored page stays valid for every visitor."""
    response = client.get("/en/")
    assert inline_styles(response) == []
    assert directives(response)["style-src"] == "'self'"
    assert "'nonce-" not in response["Content-Security-Policy"]


def test_the_500_page_has_its_style_with_the_responses_nonce(monkeypatch):
    break_the_home_page(monkeypatch)
    response = Client(raise_request_exception=False).get("/ar/")
    assert response.status_code == 500
    assert inline_styles(response) == [f'<style nonce="{nonce_of(response)}">']
    assert f"'nonce-{nonce_of(response)}'" in directives(response)["style-src"]


def test_the_other_standalone_error_pages_carry_the_nonce_too():
    """The 403 of an expired form (CSRF), from the same base as the 400 and the 403."""
    response = Client(enforce_csrf_checks=True).post(reverse("admin:login"), {"username": "x"})
    assert response.status_code == 403
    assert inline_styles(response) == [f'<style nonce="{nonce_of(response)}">']


def test_the_admin_writes_no_inline_style(admin_client):
    """Django's admin templates and ours write no style attribute or <style> (a nonce covers no
    attribute); the scripts are checked in the browser."""
    project = Project.objects.get(key="wapis")
    for url in [
        reverse("admin:index"),
        reverse("admin:projects_project_changelist"),
        reverse("admin:projects_project_change", args=[project.pk]),
        reverse("admin:projects_project_history", args=[project.pk]),
        reverse("admin:translations_languagerights_changelist"),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert inline_styles(response) == [], url
