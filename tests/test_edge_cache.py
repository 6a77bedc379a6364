"""The edge cache as deployed: a real ``varnishd`` with ``deploy/varnish/default.vcl`` in front
of gunicorn, on a scratch database. A page becomes an edge hit; an edit of one project purges
its pages and the lists showing it while another project's page stays a hit; a staff session is
never answered from the edge; Arabic and English are kept apart. Without varnishd (Debian's
``varnish`` and ``varnish-modules``, which ``dev.py test`` installs as root) it is skipped on a
developer's machine and fails when CI=true."""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import Project

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
# The server's settings: the site's own, with a page cache that gunicorn and the editing
# process share (a directory: no Redis needed), and the edge to purge.
SETTINGS = """
from eurelations.settings.dev import *  # noqa: F403

DEBUG = False
CACHES = {{"default": {{
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": {cache!r},
}}}}
PAGE_CACHE_EDGES = [{{"BACKEND": "pagecache.edge.Varnish", "LOCATION": {edge!r}}}]
"""


def _missing(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: required when CI=true", pytrace=False)
    pytest.skip(reason)


def _varnishd():
    return shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


class Stack:
    def __init__(self, tmp, varnishd):
        self.tmp = tmp
        self.app_port, self.edge_port = _free_port(), _free_port()
        (tmp / "edge_settings.py").write_text(
            SETTINGS.format(cache=str(tmp / "cache"), edge=f"http://127.0.0.1:{self.edge_port}")
        )
        self.env = {
            **os.environ,
            "PYTHONPATH": f"{tmp}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": "edge_settings",
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        for name in ("REDIS_URL", "EDGE_VARNISH_URLS"):
            self.env.pop(name, None)
        self.manage("migrate", "-v0")
        self.manage("load_seed_content")
        log = (tmp / "server.log").open("w")
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.processes = [
            subprocess.Popen(
                [gunicorn, "eurelations.wsgi", "--bind", f"127.0.0.1:{self.app_port}"]
                + ["--workers", "1", "--worker-class", "sync"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            ),
        ]  # fmt: skip
        vcl = VCL.read_text().replace('.port = "8000"', f'.port = "{self.app_port}"')
        (tmp / "default.vcl").write_text(vcl)
        # In the foreground, in its own working directory, on its own port: never a service.
        self.processes.append(
            subprocess.Popen(
                [varnishd, "-F", "-n", str(tmp / "varnish"), "-j", "none"]
                + ["-a", f"127.0.0.1:{self.edge_port}", "-f", str(tmp / "default.vcl")]
                + ["-T", "none", "-s", "malloc,64m"],
                stdout=log, stderr=subprocess.STDOUT,
            )
        )  # fmt: skip
        _wait(self.app_port)
        _wait(self.edge_port)

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
            capture_output=True,
        )  # fmt: skip

    def shell(self, code):
        self.manage("shell", "-c", code)

    def get(self, path, **headers):
        connection = http.client.HTTPConnection("127.0.0.1", self.edge_port, timeout=30)
        try:
            connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            connection.close()

    def cache_state(self, path, **headers):
        return self.get(path, **headers)[1]["X-Cache"]

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    varnishd = _varnishd()
    if varnishd is None:
        _missing("varnishd not found (Debian's varnish and varnish-modules)")
    tmp = tmp_path_factory.mktemp("edge")
    check = subprocess.run(
        [varnishd, "-C", "-f", str(VCL), "-n", str(tmp / "check")], capture_output=True
    )
    if check.returncode:
        _missing("the VCL does not compile here (is varnish-modules, for xkey, installed?)")
    running = Stack(tmp, varnishd)
    try:
        yield running
    finally:
        running.stop()


def address(key, language):
    return Project.objects.get(key=key).get_absolute_url(language)


def project_list(language):
    with translation.override(language):
        return reverse("projects:project_list")


def test_a_page_becomes_an_edge_hit(stack):
    page = address("iarms", "en")
    status, headers, _body = stack.get(page)
    assert status == 200
    assert "s-maxage=" in headers["Cache-Control"]
    assert "xkey" not in headers  # the tags stay in the edge
    assert stack.cache_state(page) == "HIT"


def test_an_edit_purges_that_projects_pages_and_the_lists_not_another_project(stack):
    edited = [address("wapis", "en"), address("wapis", "fr"), project_list("en")]
    other = address("battlefield-evidence-iraq", "en")
    for page in [*edited, other]:
        stack.get(page)
        assert stack.cache_state(page) == "HIT", page
    stack.shell(
        "from projects.models import Project\n"
        "project = Project.objects.language('en').get(key='wapis')\n"
        "project.summary = 'Edited, and purged at the edge.'\n"
        "project.save()\n"
    )
    for page in edited:
        assert stack.cache_state(page) == "MISS", page
    assert "Edited, and purged at the edge." in stack.get(edited[0])[2]
    assert stack.cache_state(other) == "HIT"


def test_a_staff_session_is_never_answered_from_the_edge(stack):
    stack.shell(
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "from projects.models import Project\n"
        "user = get_user_model().objects.create_superuser('edge', 'edge@example.org', 'x-pass-123')\n"
        "session = SessionStore()\n"
        "session['_auth_user_id'] = str(user.pk)\n"
        "session['_auth_user_backend'] = 'django.contrib.auth.backends.ModelBackend'\n"
        "session['_auth_user_hash'] = user.get_session_auth_hash()\n"
        "session.save()\n"
        f"open({str(stack.tmp / 'session')!r}, 'w').write(session.session_key)\n"
        "project = Project.objects.language('en').get(key='sharaka')\n"
        "project.status = 'draft'\n"
        "project.save()\n"
    )
    key = (stack.tmp / "session").read_text()
    draft = address("sharaka", "en")
    staff = {"Cookie": f"sessionid={key}"}
    for _ in range(2):
        status, headers, _body = stack.get(draft, **staff)
        assert status == 200  # the preview of a draft, for staff only
        assert headers["X-Cache"] == "MISS"
    assert stack.get(draft)[0] == 404  # nothing of the staff's page reached the edge
    home = "/en/"
    stack.get(home)
    assert stack.cache_state(home) == "HIT"
    assert stack.cache_state(home, **staff) == "MISS"


def test_arabic_and_english_are_kept_apart(stack):
    pages = {"ar": "/ar/", "en": "/en/"}
    for language, page in pages.items():
        stack.get(page)
        status, headers, body = stack.get(page)
        assert (status, headers["X-Cache"]) == (200, "HIT")
        assert headers["Content-Language"] == language
        assert f'<html lang="{language}"' in body
    # An address without a language: the language cookie keeps them apart at the edge too.
    for language in ("ar", "en", "ar"):
        headers = stack.get("/robots.txt", Cookie=f"django_language={language}")[1]
        assert headers["Content-Language"] == language
