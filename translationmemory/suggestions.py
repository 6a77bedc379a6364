"""The memory's matches offered beside the fields of a change form that need work (missing or
stale), each with its score and origin and a button that puts it in the field
(``static/js/translation-memory.js``). Two queries per language on the form, whatever the
number of fields or the memory's size."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.safestring import mark_safe

from content.languages import language_attrs, source_language
from content.richtext import sanitize_html
from translationmemory.lookup import best_matches

#: Matches offered beside one field.
PER_FIELD = 3
SCRIPT = "js/translation-memory.js"


@dataclass(frozen=True)
class Suggestion:
    score: int
    origin: str
    translation: str  # what the button puts in the field
    shown: str  # the translation as shown: rich text sanitised, plain text escaped


@dataclass(frozen=True)
class FieldSuggestions:
    language_attrs: dict  # lang and dir of the translations
    matches: list


def form_suggestions(entry, obj, wanted):
    """``{form field: FieldSuggestions}`` for ``wanted`` (``{form field: (language, field)}``):
    the best matches of each field's source text, leaving out the translation the field holds
    already."""
    source = source_language()
    source_values = entry.values(obj, source) or {}
    by_language = defaultdict(list)
    for form_field, (language, name) in wanted.items():
        if source_values.get(name):
            by_language[language].append((form_field, name))
    found = {}
    for language, fields in by_language.items():
        current = entry.values(obj, language) or {}
        matches = best_matches(
            [source_values[name] for _form_field, name in fields],
            source,
            language,
            limit=PER_FIELD + 1,
        )
        for form_field, name in fields:
            offered = [
                Suggestion(
                    match.score,
                    match.origin,
                    match.translation,
                    mark_safe(sanitize_html(match.translation))  # noqa: S308 - sanitised
                    if entry.is_rich(name)
                    else match.translation,
                )
                for match in matches.get(source_values[name], ())
                if match.translation != current.get(name, "")
            ][:PER_FIELD]
            if offered:
                found[form_field] = FieldSuggestions(language_attrs(language), offered)
    return found
