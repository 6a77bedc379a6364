"""Word-level differences between two texts, as HTML: what the source of a stale translation
gained and lost since it was confirmed, and what changed between two stored versions.

Python's ``difflib`` on word tokens (whitespace kept as its own token, so the output reads as
the text did); every piece is escaped, only ``<del>`` and ``<ins>`` are ours."""

import difflib
import re

from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

#: A word, or a run of whitespace, or one other character (punctuation stays apart from the
#: word it follows, so "Iraq." and "Iraq" differ by the full stop only).
TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

REMOVED = _("removed")
ADDED = _("added")


def tokens(text):
    return TOKEN.findall(text or "")


def word_changes(old, new):
    """``[(op, text)]`` with op ``"equal"``, ``"delete"`` or ``"insert"``, in reading order."""
    before, after = tokens(old), tokens(new)
    changes = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "delete", "replace") and i1 != i2:
            changes.append(("equal" if op == "equal" else "delete", "".join(before[i1:i2])))
        if op in ("insert", "replace") and j1 != j2:
            changes.append(("insert", "".join(after[j1:j2])))
    return changes


def has_changes(old, new):
    return (old or "") != (new or "")


def word_diff_html(old, new):
    """The new text with what was removed in ``<del>`` and what was added in ``<ins>`` (each
    with a title saying so, for those who do not see the styling)."""
    parts = []
    for op, text in word_changes(old, new):
        if op == "equal":
            parts.append(escape(text))
        elif op == "delete":
            parts.append(format_html_join("", '<del title="{}">{}</del>', [(REMOVED, text)]))
        else:
            parts.append(format_html_join("", '<ins title="{}">{}</ins>', [(ADDED, text)]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every piece escaped
