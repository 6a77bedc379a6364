"""URL converters: a Unicode slug, so anything else (NUL bytes, slashes, spaces) is a 404 at
the resolver instead of reaching the database."""

from django.urls import register_converter


class UnicodeSlugConverter:
    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")
