"""Source beside target: on a language tab other than the source's, each translated field shows
the source text next to it, a stale field what changed in the source since its translation was
last confirmed (a word-level diff), and a field that needs work the way to the next one, on
this object or the next in the list. Read from ``translations.status`` (its public functions):
a constant number of queries per form."""

from dataclasses import dataclass
from html import unescape

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from content.languages import language_attrs, source_language
from content.richtext import sanitize_html
from content.worddiff import has_changes, word_diff_html
from translations import status

#: The statuses a translator has to act on.
NEEDS_WORK = (status.Status.MISSING, status.Status.STALE)


@dataclass(frozen=True)
class SourceBeside:
    """What a target field shows next to it."""

    field: str  # the form field's name (title, or a flatpage's title_fr)
    language: str  # the target's language
    status: str
    source: str  # the source text as HTML, safe (rich text sanitised, plain text escaped)
    source_attrs: dict  # lang and dir of the source
    changes: str | None  # the source's word diff since the confirmation, for a stale field
    next_url: str | None  # the next field needing work in this language

    @property
    def needs_work(self):
        return self.status in NEEDS_WORK


def _plain(entry, name, text):
    """The words of ``text``: rich text without its markup (a diff of tags says nothing)."""
    return unescape(strip_tags(text)) if entry.is_rich(name) else text


def _shown(entry, name, text):
    if entry.is_rich(name):
        return mark_safe(sanitize_html(text))  # noqa: S308 - sanitised by the one allowlist
    return text


def work_fields(entry, obj, language, confirmations):
    """The translated fields of ``obj`` that need work in ``language``, in the form's order."""
    return [
        state.field
        for state in status.field_states(entry, obj, confirmations)
        if state.language == language and state.status in NEEDS_WORK
    ]


def field_anchor(form_field):
    """The id of the field's input in the admin's form (Django's ``id_<name>``)."""
    return f"id_{form_field}"


def sources_beside(entry, obj, languages, form_field_name, next_object_url):
    """``{form field name: SourceBeside}`` for the ``languages`` shown on the form (the source
    language left out). ``form_field_name(language, field)`` names a field on the form;
    ``next_object_url(language)`` is where the work goes on once this object has none left.
    Two queries at most: the translations (when not prefetched) and the confirmations."""
    source = source_language()
    languages = [language for language in languages if language != source]
    if obj is None or obj.pk is None or not languages:
        return {}
    confirmations = status.confirmations_for(entry, [obj])
    states = {
        (state.language, state.field): state
        for state in status.field_states(entry, obj, confirmations)
    }
    source_values = entry.values(obj, source) or {}
    result = {}
    for language in languages:
        work = work_fields(entry, obj, language, confirmations)
        for name in entry.translated_fields:
            text = source_values.get(name, "")
            state = states.get((language, name))
            if not text or state is None:
                continue  # nothing to translate
            changes = None
            if (
                state.status == status.Status.STALE
                and state.confirmed_source is not None
                and has_changes(state.confirmed_source, text)
            ):
                changes = word_diff_html(
                    _plain(entry, name, state.confirmed_source), _plain(entry, name, text)
                )
            later = work[work.index(name) + 1 :] if name in work else work
            next_url = (
                f"#{field_anchor(form_field_name(language, later[0]))}"
                if later
                else next_object_url(language)
            )
            result[form_field_name(language, name)] = SourceBeside(
                field=form_field_name(language, name),
                language=language,
                status=state.status,
                source=_shown(entry, name, text),
                source_attrs=language_attrs(source),
                changes=changes,
                next_url=next_url,
            )
    return result


def first_work_url(entry, obj, language, form_field_name):
    """The address of the first field of ``obj`` that needs work in ``language`` (from its
    change page), or None."""
    confirmations = status.confirmations_for(entry, [obj])
    work = work_fields(entry, obj, language, confirmations)
    if not work:
        return None
    return f"{entry.admin_url(obj, language)}#{field_anchor(form_field_name(language, work[0]))}"


def next_object_with_work(entry, ordered_objects, after_pk, language):
    """The first object after ``after_pk`` in ``ordered_objects`` (the list's order, wrapping
    round to its start) with a field that needs work in ``language``, or None. Two queries:
    the objects (translations prefetched) and their confirmations."""
    objects = list(ordered_objects)
    if not objects:
        return None
    confirmations = status.confirmations_for(entry, objects)
    position = next((i for i, obj in enumerate(objects) if obj.pk == after_pk), -1)
    for obj in objects[position + 1 :] + objects[: max(position, 0)]:
        if obj.pk != after_pk and work_fields(entry, obj, language, confirmations):
            return obj
    return None
