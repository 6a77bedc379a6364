"""The request's CSP nonce as an attribute, for the inline <style> of the error pages: they are
rendered without a request context (the 500 page), so the nonce comes from ``content.csp``."""

from django import template
from django.utils.html import format_html

from content.csp import RequestNonce

register = template.Library()


@register.simple_tag
def nonce_attribute():
    """` nonce="…"`, or nothing outside a request the policy's middleware sees (no policy header
    then either)."""
    nonce = str(RequestNonce())
    return format_html(' nonce="{}"', nonce) if nonce else ""
