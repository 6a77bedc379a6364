"""The admin's JavaScript strings (Django's two-box selector, calendar, clock, actions) in our
own ``djangojs`` catalogues, which the admin's ``jsi18n`` serves over Django's (Django's Arabic
catalogue lacks a dozen of them).

They are not in our scripts, so ``makemessages -d djangojs`` would drop them: ``python3 dev.py
messages`` first writes Django's msgids into ``MESSAGES_FILE`` (``python -m
translations.admin_javascript``), a script that nothing loads and makemessages reads like our
own. Run without settings: it needs only Django's catalogue and polib."""

import json
from pathlib import Path

import django
import polib

#: The file makemessages reads Django's admin msgids from.
MESSAGES_FILE = Path(__file__).with_name("admin_javascript_messages.js")
#: Django's admin catalogue for JavaScript, its msgids in English.
DJANGO_CATALOGUE = Path(django.__file__).parent / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"


def django_admin_messages():
    """``[(context, msgid, msgid_plural)]`` of Django's admin scripts, in its order."""
    return [
        (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")
        for entry in polib.pofile(str(DJANGO_CATALOGUE))
        if not entry.obsolete
    ]


def javascript_source(messages):
    """One gettext call per message, as Django's admin scripts make them."""
    lines = [
        "// Written by `python -m translations.admin_javascript` (python3 dev.py messages) from",
        f"// Django {django.get_version()}'s admin catalogue: the msgids of its scripts, for",
        "// makemessages -d djangojs. Nothing loads this file.",
    ]
    quote = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731
    for context, msgid, plural in messages:
        if context and plural:
            lines.append(f"npgettext({quote(context)}, {quote(msgid)}, {quote(plural)}, 1)")
        elif context:
            lines.append(f"pgettext({quote(context)}, {quote(msgid)})")
        elif plural:
            lines.append(f"ngettext({quote(msgid)}, {quote(plural)}, 1)")
        else:
            lines.append(f"gettext({quote(msgid)})")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    MESSAGES_FILE.write_text(javascript_source(django_admin_messages()))
