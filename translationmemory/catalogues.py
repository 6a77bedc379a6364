"""Pre-translating the interface catalogues from the memory: each untranslated entry (not
obsolete) with a match takes its translation, flagged fuzzy, with a comment naming the score and
origin, for a translator to review; nothing is compiled (msgfmt leaves fuzzy entries out), so
the site shows none of it until it is reviewed. A plural entry takes every form of a plural
entry like it, and only when the language's number of forms is the same."""

import re

import polib

from translationmemory.lookup import best_matches
from translationmemory.store import (
    CATALOGUE_SOURCE_LANGUAGE,
    PLURAL_SEPARATOR,
    catalogue_path,
    is_plural,
    plural_source,
)

#: makemessages' (msgmerge's) line width, so a saved catalogue keeps its layout.
WRAP_WIDTH = 79
#: Matches read per entry: the best of the right kind (plural or not) may not be the first.
CANDIDATES = 5


def memory_comment(match):
    return f"Translation memory: {match.score}% match, from {match.origin}"


def plural_forms(catalogue):
    """The number of plural forms the catalogue's Plural-Forms header gives (2 without one)."""
    found = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    return int(found.group(1)) if found else 2


def _source(entry):
    return plural_source(entry) if entry.msgid_plural else entry.msgid


def pretranslate(language, domain="django", dry_run=False):
    """Fill ``language``'s catalogue of ``domain``; returns the number of entries filled."""
    path = catalogue_path(language, domain)
    if not path.exists():
        return 0
    catalogue = polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    forms = plural_forms(catalogue)
    todo = [
        entry
        for entry in catalogue.untranslated_entries()
        if not entry.obsolete and "fuzzy" not in entry.flags
    ]
    matches = best_matches(
        [_source(entry) for entry in todo],
        CATALOGUE_SOURCE_LANGUAGE,
        language,
        limit=CANDIDATES,
    )
    filled = 0
    for entry in todo:
        match = next(
            (
                found
                for found in matches.get(_source(entry), ())
                if is_plural(found.source) == bool(entry.msgid_plural)
                and (
                    not entry.msgid_plural
                    or found.translation.count(PLURAL_SEPARATOR) + 1 == forms
                )
            ),
            None,
        )
        if match is None:
            continue
        if entry.msgid_plural:
            texts = match.translation.split(PLURAL_SEPARATOR)
            entry.msgstr_plural = dict(enumerate(texts))
            previous = match.source.split(PLURAL_SEPARATOR)
        else:
            entry.msgstr = match.translation
            previous = [match.source]
        entry.flags.append("fuzzy")
        entry.comment = "\n".join(filter(None, [entry.comment, memory_comment(match)]))
        if match.source != _source(entry):
            entry.previous_msgid = previous[0]
            if entry.msgid_plural:
                entry.previous_msgid_plural = previous[1]
        filled += 1
    if filled and not dry_run:
        catalogue.save(str(path))
    return filled
