"""Request id and the one log line per request (see ``eurelations.logging``); the current
request, for the CSP nonce of code that renders without it (``content.csp``)."""

import logging
import time

import sentry_sdk
from django.utils.log import log_response

from content.csp import current_request
from eurelations.logging import new_request_id, request_id_var

logger = logging.getLogger("eurelations.request")


class RequestIdMiddleware:
    """First in MIDDLEWARE: every response, a cached page or an error page included, carries the
    id, and every log record written while the request runs names it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = new_request_id(request.headers.get("X-Request-ID"))
        token = request_id_var.set(request.id)
        request_token = current_request.set(request)
        # Without SENTRY_DSN this is a no-op; with it, an event names the same id as the logs.
        sentry_sdk.set_tag("request_id", request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            # Django logs a 4xx or 5xx it has not logged yet (a 404; an error page that failed
            # in turn) once this middleware has returned, without the id: logged here instead,
            # with the error the error page was made for (eurelations.views.server_error).
            if response.status_code >= 400:
                log_response(
                    "%s: %s",
                    response.reason_phrase,
                    request.path,
                    response=response,
                    request=request,
                    exception=getattr(request, "server_error", None),
                )
            # The page cache's answer (hit, miss, stale; "-" when it was not asked): the log
            # tells the hit ratio a server really had, whatever a client counted.
            logger.info(
                "%s %s %s %.1fms cache=%s",
                request.method,
                request.get_full_path(),
                response.status_code,
                (time.perf_counter() - started) * 1000,
                response.get("X-Page-Cache", "-"),
            )
            return response
        finally:
            request_id_var.reset(token)
            current_request.reset(request_token)
