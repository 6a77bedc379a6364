"""``{% project_card project %}``: a project as the lists repeat it (the home page, the project
list, an area's or a partner's projects, a project's related ones).

Written in Python, not as an included template: an ``{% include %}`` in a loop renders a dozen
template nodes per card, which cost the project list a fifth of its time. The markup, its
whitespace included, is what the template gave; the values go through the same filters and
the same escaping (``{{ }}`` escapes, ``{% translate %}`` of a literal does not)."""

from django import template
from django.template.defaultfilters import date, truncatewords
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from content.templatetags.content import lang_attrs
from content.templatetags.images import card_image

register = template.Library()


def _year_span(value):
    return (
        f'<time datetime="{conditional_escape(date(value, "Y-m-d"))}">'
        f"{conditional_escape(date(value, 'Y'))}</time>"
    )


@register.simple_tag
def project_card(project, level=3):
    """A project as a card: its code, name and one line, then where and when, if known."""
    escape = conditional_escape
    name, code, summary = project.name, project.code, project.summary
    region, start, end = project.region, project.start_date, project.end_date
    code_line = ""
    # As the template's "not in": false when the name is missing.
    if code and name is not None and code not in name:
        code_line = f'<p class="card-code"><bdi>{escape(code)}</bdi></p>'
    summary_line = ""
    if summary and summary != name:
        summary_line = f"<p>{escape(truncatewords(summary, 28))}</p>"
    meta = ""
    if region or start or end:
        region_item = dates_item = ""
        # Outside the f-strings: makemessages does not see a gettext() call inside one.
        region_label, dates_label = gettext("Region"), gettext("Dates")
        if region:
            region_item = (
                f'<li><span class="visually-hidden">{region_label}: </span>{escape(region)}</li>'
            )
        if start or end:
            dates_item = (
                f'<li><span class="visually-hidden">{dates_label}: </span>'
                f"{_year_span(start) if start else ''}–{_year_span(end) if end else ''}</li>"
            )
        meta = f'\n  <ul class="card-meta">\n    {region_item}\n    {dates_item}\n  </ul>\n  '
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'\n<article class="card card-project"{lang_attrs(project)}>\n'
        f"  {card_image(project)}\n"
        f"  {code_line}\n"
        f'  <h{level}><a href="{escape(project.get_absolute_url())}">{escape(name)}</a>'
        f"</h{level}>\n"
        f"  {summary_line}\n"
        f"  {meta}\n"
        f"</article>\n"
    )
