"""The current request's CSP nonce, for media rendered without the request (a widget's)."""

import contextvars

# Set by the outermost middleware (``eurelations.middleware.RequestIdMiddleware``).
current_request = contextvars.ContextVar("current_request", default=None)


class RequestNonce:
    """The current request's CSP nonce, read when media is rendered (a widget's media is built
    without the request): the one inline script the admin needs is the rich-text editor's import
    map, which browsers only accept inline. Empty outside a request."""

    def __str__(self):
        nonce = getattr(current_request.get(), "csp_nonce", None)
        return str(nonce) if nonce is not None else ""
