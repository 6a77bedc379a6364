"""The current request's CSP nonce, for media rendered without the request (a widget's) and for
pages that render themselves (the error pages)."""

import contextvars

from csp.exceptions import CSPNonceError

# Set by the outermost middleware (``eurelations.middleware.RequestIdMiddleware``).
current_request = contextvars.ContextVar("current_request", default=None)


def request_nonce(request):
    """``request``'s nonce, or "" where the policy's middleware has not run (no policy header
    then) or has already written its header (an error page made further out: no header
    either; django-csp refuses the nonce then)."""
    try:
        return str(getattr(request, "csp_nonce", ""))
    except CSPNonceError:
        return ""


class RequestNonce:
    """The current request's CSP nonce, read when media is rendered (a widget's media is built
    without the request): the one inline script the admin needs is the rich-text editor's import
    map, which browsers only accept inline. Empty outside a request."""

    def __str__(self):
        return request_nonce(current_request.get())
