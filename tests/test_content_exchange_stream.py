"""Translators' files are read as a stream: a PO file in pieces of entries, an XLIFF file one
unit at a time, so the memory an import takes follows neither the file's size nor the
content's. What polib reads from a whole file, the pieces read too; a problem deep in a file
names its real line and writes nothing."""

import os
import tracemalloc

import polib
import pytest
from lxml import etree

from tests.test_content_exchange import HEADER, export, refused, run_import, snapshot
from translations import exchange_files
from translations.exchange_files import XLIFF_NS, read_file, read_xliff

pytestmark = pytest.mark.django_db

#: Entries of every kind polib reads: plain, with a context, a comment and flags, previous
#: source, plural, obsolete, an escaped quote, text on several lines, and none separated by a
#: blank line from the next.
VARIED = (
    HEADER
    + '#. a comment\n#, fuzzy\n#| msgid "old"\nmsgctxt "a:1:name"\nmsgid "x"\nmsgstr "y"\n\n'
    + 'msgctxt "a:1:body"\nmsgid ""\n"line one\\n"\n"line \\"two\\""\nmsgstr ""\n"une"\n\n'
    + 'msgctxt "a:2:name"\nmsgid "%(n)d thing"\nmsgid_plural "%(n)d things"\n'
    + 'msgstr[0] "une"\nmsgstr[1] "des"\n\n'
    + 'msgctxt "a:3:name"\nmsgid "no blank line after"\nmsgstr "z"\n'
    + 'msgctxt "a:4:name"\nmsgid "next"\nmsgstr "w"\n\n'
    + '#~ msgctxt "a:5:name"\n#~ msgid "gone"\n#~ msgstr "parti"\n'
)


def described(entries):
    return [
        (e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, e.msgstr_plural, e.flags, e.obsolete)
        for e in entries
    ]


@pytest.mark.parametrize("piece", [1, 2, 3, 1000])
def test_pieces_read_what_polib_reads_from_the_whole_file(tmp_path, monkeypatch, piece):
    monkeypatch.setattr(exchange_files, "PO_ENTRIES_AT_A_TIME", piece)
    varied = tmp_path / "varied.po"
    varied.write_text(VARIED)
    for path in (varied, export(tmp_path)):
        whole = polib.pofile(str(path), wrapwidth=0)
        streamed = read_file(path)
        assert streamed.metadata == whole.metadata
        assert described(streamed) == described(whole)
        assert len(whole) > 4


def test_a_syntax_error_deep_in_a_file_names_its_line_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(exchange_files, "PO_ENTRIES_AT_A_TIME", 5)  # the file in many pieces
    path = export(tmp_path)
    catalogue = polib.pofile(str(path), wrapwidth=0)
    catalogue[0].msgstr = "Un texte revu."  # a good edit, in the first piece
    catalogue.save(str(path))
    lines = path.read_text().splitlines(keepends=True)
    broken = max(i for i, line in enumerate(lines) if line.startswith("msgstr "))
    lines[broken] = 'msgstr "un guillemet " de trop"\n'
    path.write_text("".join(lines))
    before = snapshot()
    message = refused(path)
    assert "is not a valid PO file" in message
    assert f"(line {broken + 1})" in message  # the file's line, not the piece's
    assert snapshot() == before


def test_a_byte_that_is_not_utf8_deep_in_a_file_is_named(tmp_path):
    path = export(tmp_path)
    data = path.read_bytes()
    at = data.rindex(b'msgstr "') + len(b'msgstr "')
    path.write_bytes(data[:at] + b"\xe9" + data[at:])
    before = snapshot()
    assert f"is not UTF-8 text (byte {at})" in refused(path)
    assert snapshot() == before


def synthetic_po(path, count):
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for number in range(count):
            handle.write(
                f'msgctxt "projects.project:p{number}:summary"\n'
                f'msgid "مشروع تعاون رقم {number} بين الإنتربول والاتحاد الأوروبي في مجال الأمن"\n'
                f'msgstr "Projet de coopération n° {number} entre INTERPOL et l’Union européenne"'
                "\n\n"
            )


def synthetic_xliff(path, count):
    with path.open("w", encoding="utf-8") as handle:
        handle.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{XLIFF_NS}">'
            '<file original="content" datatype="plaintext" source-language="ar" '
            'target-language="fr"><body>\n'
        )
        for number in range(count):
            handle.write(
                f'<trans-unit id="projects.project:p{number}:summary" xml:space="preserve">'
                f"<source>مشروع تعاون رقم {number} بين الإنتربول والاتحاد الأوروبي</source>"
                f'<target state="translated">Projet n° {number} entre INTERPOL et l’UE</target>'
                "</trans-unit>\n"
            )
        handle.write("</body></file></xliff>\n")


def resident_bytes():
    """This process's resident memory now (lxml's tree is C memory, out of tracemalloc's
    sight)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_reading_a_large_po_file_holds_a_piece_of_it_not_the_whole(tmp_path):
    path = tmp_path / "big.po"
    synthetic_po(path, 20_000)
    tracemalloc.start()
    try:
        count = sum(1 for _entry in read_file(path))
        streamed = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        whole = len(polib.pofile(str(path), wrapwidth=0))
        at_once = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == whole == 20_000
    # Measured: 5 MB streamed (most of it the set of hashes that refuses a context given
    # twice), 18 MB at once; polib's parser cycle, left to the garbage collector, made 15.
    assert streamed < at_once / 3, (streamed, at_once)


def test_reading_a_large_xliff_file_holds_a_unit_of_it_not_the_whole(tmp_path):
    path = tmp_path / "big.xlf"
    synthetic_xliff(path, 50_000)
    start, highest, count = resident_bytes(), 0, 0
    for _entry in read_xliff(path):  # 13 MB: over the import's limit, under the reader's none
        count += 1
        if count % 1000 == 0:
            highest = max(highest, resident_bytes() - start)
    start = resident_bytes()
    tree = etree.parse(str(path))
    at_once = resident_bytes() - start
    assert count == len(tree.getroot()[0][0]) == 50_000
    # Measured: 5 MB streamed (the set of hashes, mostly), 85 MB for lxml's tree of the file.
    assert highest < at_once / 4, (highest, at_once)


def test_an_import_counts_the_unchanged_entries_without_listing_them(tmp_path):
    path = export(tmp_path)
    out = run_import(path, "-v", "2")
    contexts = [e.msgctxt for e in polib.pofile(str(path)) if e.msgstr]
    assert "fr: Updated 0, confirmed 0, unchanged" in out
    # An unchanged entry is counted, not listed: an unedited export of the site is all of them.
    assert not any(f"  unchanged {context}" in out for context in contexts)
