"""Logging: one line per request and every 5xx, each carrying the request's id, on stdout (where
gunicorn, systemd or a container runtime collect it), with one traceback per distinct error and
minute: an outage fails every request the same way, and one traceback tells it all.

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


def error_key(error):
    """What makes two errors the same: the type and the line that raised it, of the error and
    of the errors it was raised from (a database error and the driver's error under it)."""
    key = []
    while error is not None and len(key) < 5:
        frame = error.__traceback__
        while frame is not None and frame.tb_next is not None:
            frame = frame.tb_next
        where = (frame.tb_frame.f_code.co_filename, frame.tb_lineno) if frame else None
        key.append((type(error).__module__, type(error).__qualname__, where))
        # Not __context__: an error met while answering a 404 is the same error.
        error = error.__cause__
    return tuple(key)


class StdoutHandler(logging.StreamHandler):
    """A StreamHandler that writes each distinct error's traceback once per ``interval``
    seconds; a record that repeats it keeps its line, names the error and where its traceback is.
    Per process (each gunicorn worker writes its own)."""

    interval = 60.0
    _MAX_KEYS = 1000

    def __init__(self, stream=None):
        super().__init__(stream)
        self.tracebacks = {}  # error key -> (when written, by which request)

    def emit(self, record):
        # Handler.handle() holds the handler's lock around emit(): no other lock needed.
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            key, now = error_key(error), time.monotonic()
            written = self.tracebacks.get(key)
            if written is None or now - written[0] >= self.interval:
                if len(self.tracebacks) >= self._MAX_KEYS:
                    self.tracebacks.clear()
                self.tracebacks[key] = (now, getattr(record, "request_id", "-"))
            else:
                record = _without_traceback(record, error, written[1])
        super().emit(record)


def _without_traceback(record, error, request_id):
    """A copy of ``record`` (other handlers, Sentry's among them, keep the original) whose one
    line names the error instead of repeating its traceback."""
    text = str(error).strip().splitlines()
    copy = logging.makeLogRecord(record.__dict__)
    copy.exc_info = copy.exc_text = None
    copy.msg = "%s (%s: %s; traceback logged with request %s)"
    copy.args = (
        record.getMessage(),
        type(error).__name__,
        text[0][:200] if text else "",
        request_id,
    )
    return copy


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
                "class": "eurelations.logging.StdoutHandler",
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
