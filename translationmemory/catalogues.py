"""Pre-translating the interface catalogues from the memory: each untranslated entry (not
plural, not obsolete) with a match takes its translation, flagged fuzzy, with a comment naming
the score and origin, for a translator to review; nothing is compiled (msgfmt leaves fuzzy
entries out), so the site shows none of it until it is reviewed."""

import polib

from translationmemory.lookup import best_matches
from translationmemory.store import CATALOGUE_SOURCE_LANGUAGE, catalogue_path

#: makemessages' (msgmerge's) line width, so a saved catalogue keeps its layout.
WRAP_WIDTH = 79


def memory_comment(match):
    return f"Translation memory: {match.score}% match, from {match.origin}"


def pretranslate(language, domain="django", dry_run=False):
    """Fill ``language``'s catalogue of ``domain``; returns the number of entries filled."""
    path = catalogue_path(language, domain)
    if not path.exists():
        return 0
    catalogue = polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    todo = [
        entry
        for entry in catalogue.untranslated_entries()
        if not entry.msgid_plural and not entry.obsolete and "fuzzy" not in entry.flags
    ]
    matches = best_matches([entry.msgid for entry in todo], CATALOGUE_SOURCE_LANGUAGE, language)
    filled = 0
    for entry in todo:
        found = matches.get(entry.msgid)
        if not found:
            continue
        match = found[0]
        entry.msgstr = match.translation
        entry.flags.append("fuzzy")
        entry.comment = "\n".join(filter(None, [entry.comment, memory_comment(match)]))
        if match.source != entry.msgid:
            entry.previous_msgid = match.source
        filled += 1
    if filled and not dry_run:
        catalogue.save(str(path))
    return filled
