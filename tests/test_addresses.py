"""content.addresses.detail_url: the address of every public object in every language is
the one reverse() gives, for the seed's slugs and for slugs that need quoting; a slug the URL
does not accept is refused as reverse() refuses it."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from content import registry
from content.addresses import detail_url
from content.languages import language_codes

# Arabic letters, an accent, digits, underscore and hyphen: what a Unicode slug may hold, and
# what reverse() quotes (everything but ASCII letters, digits and -_).
SLUGS = ["wapis", "مشروع-جديد", "coopération_2024", "a-b-c", "٣-أمن"]


def _public_models():
    return [
        entry.model
        for entry in registry.entries()
        if entry.public and getattr(entry.model, "detail_url_name", None)
    ]


def _reversed(name, slug, language):
    with translation.override(language):
        return reverse(name, kwargs={"slug": slug})


@pytest.mark.django_db
@pytest.mark.parametrize("language", language_codes())
def test_every_public_object_is_addressed_as_reverse_addresses_it(language):
    models = _public_models()
    assert models
    for model in models:
        objects = list(model.objects.with_translations())
        assert objects, model
        for obj in objects:
            slug = obj.slug_for(language)
            expected = _reversed(model.detail_url_name, slug, language)
            assert obj.get_absolute_url(language) == expected


@pytest.mark.parametrize("language", language_codes())
@pytest.mark.parametrize("slug", SLUGS)
def test_slugs_that_need_quoting_are_quoted_as_reverse_quotes_them(slug, language):
    for model in _public_models():
        name = model.detail_url_name
        assert detail_url(name, slug, language) == _reversed(name, slug, language)


@pytest.mark.parametrize("slug", ["", "a/b", "a b", "x\x00", "a?b", "a#b"])
def test_a_slug_the_address_does_not_accept_is_refused_as_by_reverse(slug):
    for model in _public_models():
        with pytest.raises(NoReverseMatch):
            detail_url(model.detail_url_name, slug, "en")


def test_no_slug_at_all_gives_what_reverse_gives():
    # An object with no translation in the language nor its fallbacks: reverse() accepts the
    # text "None"; the page behind it is a 404 (the public page tests sweep that).
    for model in _public_models():
        name = model.detail_url_name
        assert detail_url(name, None, "fr") == _reversed(name, None, "fr")


def test_the_script_prefix_is_part_of_the_address():
    from django.urls import set_script_prefix

    name = _public_models()[0].detail_url_name
    plain = detail_url(name, "wapis", "en")
    set_script_prefix("/mounted/")
    try:
        assert detail_url(name, "wapis", "en") == "/mounted" + plain
        assert detail_url(name, "wapis", "en") == _reversed(name, "wapis", "en")
    finally:
        set_script_prefix("/")
