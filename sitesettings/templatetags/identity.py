"""The site's identity on every page: the JSON-LD (organisation, site search, breadcrumbs), the
organisation as the site's settings describe it (``sitesettings.identity``)."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from content.site import absolute, origin
from sitesettings.identity import site_identity

register = template.Library()

# What json_script escapes: inside <script> no "<", ">" or "&" may close or open a tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context, crumb_url=None, crumb_title=None, page_title=None):
    """JSON-LD: the organisation, the site with its search action, and the page's breadcrumbs
    (home › parent › page) when the page is not the home page."""
    request = context["request"]
    site = origin()
    home = site + reverse("home")
    language = translation.get_language()
    identity = site_identity(language)
    organization = {
        "@type": "Organization",
        "@id": f"{site}/#organization",
        "name": identity.publisher or identity.name,
        "url": home,
        # The uploaded emblem (its largest rendition), else our own picture of the emblem.
        "logo": absolute(
            identity.emblem_renditions[-1][0]
            if identity.emblem_renditions
            else static("img/og-image.png")
        ),
    }
    # Only the facts the settings give: nothing is said of an empty one.
    if identity.address_lines:
        organization["address"] = ", ".join(identity.address_lines)
    if identity.email:
        organization["email"] = identity.email
    if identity.telephone:
        organization["telephone"] = identity.telephone
    website = {
        "@type": "WebSite",
        "@id": f"{site}/#website-{language}",
        "name": identity.name,
        "url": home,
        "inLanguage": language,
        "publisher": {"@id": organization["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": site + reverse("search") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    graph = [organization, website]
    if page_title:
        crumbs = [(_("Home"), home)]
        if crumb_url and crumb_title:
            crumbs.append((crumb_title, absolute(crumb_url)))
        crumbs.append(
            (page_title, str(context.get("canonical_url") or absolute(request.get_full_path())))
        )
        graph.append(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": n, "name": str(name), "item": url}
                    for n, (name, url) in enumerate(crumbs, start=1)
                ],
            }
        )
    data = json.dumps(
        {"@context": "https://schema.org", "@graph": graph},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
    ).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))
