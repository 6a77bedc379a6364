"""Errors reach Sentry when SENTRY_DSN is set, with the request id; nothing is sent without it."""

import gzip
import http.server
import threading

from tests.test_settings import GOOD_KEY, run_check

GOOD = {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "testserver"}
# A server error in production settings, without a database: robots.txt's response breaks.
SCRIPT = """
import sentry_sdk
from django.test import Client
from eurelations import views
def broken(*args, **kwargs):
    raise RuntimeError("robots broke")
views.absolute = broken  # robots.txt's address of the sitemap; the 500 page needs none
response = Client(raise_request_exception=False).get("/robots.txt", secure=True)
print("status", response.status_code, "id", response["X-Request-ID"])
print("sentry", sentry_sdk.get_client().is_active())
sentry_sdk.flush(timeout=5)
"""


class Collector(http.server.BaseHTTPRequestHandler):
    bodies = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            # sentry-sdk prefers brotli whenever the package is installed (fonttools needs it).
            import brotli

            body = brotli.decompress(body)
        self.bodies.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_server_error_is_reported_to_sentry_with_its_request_id():
    server = http.server.HTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        dsn = f"http://public@127.0.0.1:{server.server_port}/1"
        result = run_check({**GOOD, "SENTRY_DSN": dsn}, "-c", SCRIPT, command="shell")
    finally:
        server.shutdown()
    assert "status 500" in result.stdout, result.stdout + result.stderr
    request_id = result.stdout.split(" id ")[1].split()[0]
    events = b"".join(Collector.bodies).decode("utf-8", "replace")
    assert "robots broke" in events
    assert request_id in events


def test_without_a_dsn_nothing_is_sent():
    result = run_check(GOOD, "-c", SCRIPT, command="shell")
    assert "status 500" in result.stdout, result.stdout + result.stderr
    assert "sentry False" in result.stdout
