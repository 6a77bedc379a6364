"""Logging: one line per request and every 5xx with its traceback, each carrying the request's
id, on stdout (where gunicorn, systemd or a container runtime collect it).

The id comes from the load balancer's ``X-Request-ID`` when it sends a sane one, so a request
can be followed across servers; otherwise it is made here. It is sent back in the response's
``X-Request-ID`` and shown on the 500 page, so a visitor can quote it.
"""

import contextvars
import logging
import os
import re
import time
import uuid

request_id_var = contextvars.ContextVar("request_id", default="-")
_SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def new_request_id(incoming=None):
    if incoming and _SANE_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class UTCFormatter(logging.Formatter):
    """Times in UTC, like gunicorn's own lines, whatever TIME_ZONE the site shows."""

    converter = time.gmtime
    default_msec_format = "%s.%03dZ"


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (``-`` outside a request)."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


def logging_config(request_lines=False):
    """Django's LOGGING: everything to stdout through one handler with the request id."""
    level = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "line": {
                "()": UTCFormatter,
                "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
            }
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "filters": ["request_id"],
                "formatter": "line",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Replaces Django's default handlers (console only with DEBUG, mail_admins): its
            # errors, 5xx tracebacks included, reach the root handler instead.
            "django": {"handlers": [], "level": level, "propagate": True},
            # runserver prints its own line per request; gunicorn's is ours (below).
            "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
            "axes": {"level": "WARNING"},  # its start-up banner in every worker
            "eurelations.request": {"level": "INFO" if request_lines else "WARNING"},
        },
    }
