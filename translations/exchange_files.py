"""Translators' files, PO and XLIFF 1.2: written as a stream (an entry at a time, in parts of a
bounded number of entries and bytes) and read back as a stream, a chunk of entries at a time, in
one form (polib entries) that the import checks (``docs/architecture.md``, "PO and XLIFF exchange")."""

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import polib
from lxml import etree

from translations.exchange import (
    EVERYTHING,
    MAX_FILE_SIZE,
    ContentExchangeError,
    State,
    check_language,
    file_metadata,
    iter_units,
    po_entry,
    proposals,
    source_language,
    wanted,
)

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: XLIFF 1.2 target states that are not a translator's final word: imported like PO's fuzzy
#: (skipped, never written).
UNCONFIRMED_STATES = {
    "new",
    "needs-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-translation",
    "needs-review-adaptation",
    "needs-review-l10n",
}
EXTENSIONS = {".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff"}


class PoWriter:
    extension = ".po"

    def header(self, language):
        catalogue = polib.POFile(wrapwidth=0)
        catalogue.metadata = file_metadata(language)
        return str(catalogue)

    def entry(self, unit, proposal):
        # What polib's POFile.__str__ writes for each entry, without holding the file.
        return "\n" + po_entry(unit, proposal).__unicode__(0)

    def footer(self):
        return ""


class XliffWriter:
    extension = ".xlf"

    def header(self, language):
        metadata = file_metadata(language)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<xliff version="1.2" xmlns="{XLIFF_NS}">\n'
            '<file original="eurelations content" datatype="plaintext" '
            f'source-language="{source_language()}" target-language="{language}" '
            f'product-name="eurelations" date="{metadata["PO-Revision-Date"]}">\n<body>\n'
        )

    def entry(self, unit, proposal):
        try:
            return self._entry(unit, proposal)
        except ValueError as error:  # lxml: a control character XML cannot hold
            raise ContentExchangeError(
                f"{unit.context}: {error}; XML cannot hold this text (export it as PO)."
            ) from error

    def _entry(self, unit, proposal):
        # Built without a namespace: written inside <xliff xmlns=...>, it is in XLIFF's.
        element = etree.Element("trans-unit", id=unit.context, resname=unit.context)
        element.set(XML_SPACE, "preserve")
        etree.SubElement(element, "source").text = unit.source
        target = etree.SubElement(element, "target", state=str(proposal.state))
        target.text = proposal.text
        for note in proposal.notes:
            etree.SubElement(element, "note", {"from": "developer"}).text = note
        if proposal.previous_source:
            alternative = etree.SubElement(element, "alt-trans", alttranstype="previous-version")
            etree.SubElement(alternative, "source").text = proposal.previous_source
            etree.SubElement(alternative, "target").text = proposal.text
        for text, quality, origin in proposal.alternatives:  # translation-memory matches
            alternative = etree.SubElement(
                element, "alt-trans", {"match-quality": str(quality), "origin": origin}
            )
            etree.SubElement(alternative, "source").text = unit.source
            etree.SubElement(alternative, "target").text = text
        return etree.tostring(element, encoding="unicode") + "\n"

    def footer(self):
        return "</body>\n</file>\n</xliff>\n"


WRITERS = {"po": PoWriter, "xliff": XliffWriter}


def format_of(path, declared=None):
    if declared:
        return declared
    return EXTENSIONS.get(Path(str(path)).suffix.lower(), "po")


@dataclass
class ExportSummary:
    files: list = field(default_factory=list)
    strings: int = 0
    untranslated: int = 0
    stale: int = 0
    from_memory: int = 0  # filled from the translation memory, for review
    largest: int = 0  # bytes of the largest file written

    @property
    def too_large(self):
        """Would the import refuse a file written (one file, no parts)?"""
        return self.largest > MAX_FILE_SIZE


class _Parts:
    """Writes entries into one file, or into numbered parts of at most ``part_size`` entries
    and ``MAX_FILE_SIZE`` bytes."""

    def __init__(self, output, writer, language, part_size, summary):
        self.output, self.writer, self.part_size, self.summary = output, writer, part_size, summary
        self.header = writer.header(language).encode()
        self.footer = writer.footer().encode()
        self.handle, self.count, self.size = None, 0, 0

    def path(self, number):
        output, extension = Path(self.output), self.writer.extension
        if self.part_size is None:
            return output
        if output.suffix.lower() in EXTENSIONS:
            output, extension = output.with_suffix(""), output.suffix
        return output.with_name(f"{output.name}-{number:03d}{extension}")

    def add(self, data):
        full = self.part_size is not None and (
            self.count >= self.part_size
            or self.size + len(data) + len(self.footer) > MAX_FILE_SIZE
        )
        if self.handle is None or (full and self.count):
            self.close()
            path = self.path(len(self.summary.files) + 1)
            try:
                self.handle = path.open("wb")
            except OSError as error:
                raise ContentExchangeError(f"Cannot write {path}: {error.strerror}.") from error
            self.summary.files.append(str(path))
            self.handle.write(self.header)
            self.count, self.size = 0, len(self.header)
        if data:
            self.handle.write(data)
            self.count += 1
            self.size += len(data)

    def close(self):
        if self.handle is not None:
            self.handle.write(self.footer)
            self.size += len(self.footer)
            self.summary.largest = max(self.summary.largest, self.size)
            self.handle.close()
            self.handle = None


def write_export(
    language,
    output,
    file_format="po",
    missing=False,
    stale=False,
    selection=EVERYTHING,
    part_size=None,
    write_stdout=None,
):
    """Write the content of ``language`` to ``output`` (a file; ``-`` for ``write_stdout``,
    a function taking text; with ``part_size``, numbered parts named after it), an entry at a
    time."""
    check_language(language)
    writer, summary = WRITERS[file_format](), ExportSummary()
    to_stdout = output == "-"
    if to_stdout and part_size:
        raise ContentExchangeError("Parts are written to files: give -o FILE or -o DIRECTORY.")
    if not to_stdout and (Path(output).is_dir() or str(output).endswith("/")):
        Path(output).mkdir(parents=True, exist_ok=True)
        output = Path(output) / f"content-{language}{writer.extension}"
    write_stdout = write_stdout or sys.stdout.write
    parts = None if to_stdout else _Parts(output, writer, language, part_size, summary)
    if to_stdout:
        write_stdout(writer.header(language))
    try:
        selected = (u for u in iter_units(language, selection) if wanted(u, missing, stale))
        for unit, proposal in proposals(selected, language):
            text = writer.entry(unit, proposal)
            summary.strings += 1
            summary.untranslated += not proposal.text
            summary.from_memory += proposal.from_memory
            summary.stale += proposal.state == State.NEEDS_REVIEW and not proposal.from_memory
            if to_stdout:
                write_stdout(text)
            else:
                parts.add(text.encode())
        if to_stdout:
            write_stdout(writer.footer())
        elif parts.handle is None:
            parts.add(b"")  # nothing selected: still a (valid, empty) file
    finally:
        if parts is not None:
            parts.close()
    return summary


# --- reading ----------------------------------------------------------------------------------


class ContentFile:
    """A translator's file as it is read: its header at once (``metadata``), its entries
    (polib ``POEntry`` objects) as one pass over the file, a chunk at a time in memory: a part
    of 40,000 entries is never held whole, whatever its format. A context given twice is
    refused as the entries go by (the import writes nothing when reading fails half-way)."""

    def __init__(self, path, metadata, entries, twice):
        self.path, self.metadata, self._entries, self._twice = path, metadata, entries, twice

    def __iter__(self):
        seen = set()  # hashes: 8 bytes an entry, not its strings
        for entry in self._entries:
            key = hash((entry.msgctxt, entry.msgid, entry.obsolete))
            if key in seen:
                raise ContentExchangeError(f"{self.path} {self._twice} {entry.msgctxt!r} twice.")
            seen.add(key)
            yield entry


def read_file(path, file_format=None):
    """Open ``path`` (PO or XLIFF 1.2, by ``file_format``, its extension or its first byte)
    as a ``ContentFile``, refusing what cannot be a translator's file."""
    path = Path(path)
    check_size(path)
    with path.open("rb") as handle:
        start = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.strip() and not path.read_bytes().strip():
        raise ContentExchangeError(f"{path} is empty.")
    if file_format is None:
        file_format = EXTENSIONS.get(path.suffix.lower())
    if file_format is None:
        file_format = "xliff" if start[:1] == b"<" else "po"
    return read_xliff(path) if file_format == "xliff" else read_po(path)


def check_size(path):
    try:
        size = Path(path).stat().st_size
    except OSError as error:
        raise ContentExchangeError(f"Cannot read {path}: {error.strerror}.") from error
    if size > MAX_FILE_SIZE:
        raise ContentExchangeError(
            f"{path} is {size / 1024 / 1024:.1f} MB; a content file is at most "
            f"{MAX_FILE_SIZE // 1024 // 1024} MB (export in parts: --part-size). "
            "Nothing was imported."
        )


#: PO entries parsed at a time (polib parses a whole text: it is given the file in pieces).
PO_ENTRIES_AT_A_TIME = 1000


def _po_lines(path):
    """The file's lines, decoded, with the byte where each starts (for the UTF-8 error)."""
    offset = 0
    with path.open("rb") as handle:
        for line in handle:
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ContentExchangeError(
                    f"{path} is not UTF-8 text (byte {offset + error.start}); save it as UTF-8."
                ) from error
            offset += len(line)


def _po_pieces(path):
    """(first line number, text) of pieces of the file that end between two entries: cut at a
    blank line after a ``msgstr``, every ``PO_ENTRIES_AT_A_TIME`` entries (a file written
    without blank lines is one piece, read as polib would read it)."""
    piece, entries, first, complete = [], 0, 1, False
    for number, line in enumerate(_po_lines(path), start=1):
        if not line.strip() and complete:
            entries, complete = entries + 1, False
            if entries >= PO_ENTRIES_AT_A_TIME or (entries == 1 and first == 1):
                # The first piece is the header alone: the metadata are read before any entry.
                yield first, "".join(piece)
                piece, entries, first = [], 0, number
        elif line.lstrip().startswith(("msgstr", "#~ msgstr")):
            complete = True
        piece.append(line)
    if piece:
        yield first, "".join(piece)


def _parse_po(path, first, text):
    """(entries, metadata) of a piece of a PO file, by polib's parser (``polib.pofile``'s
    own, called directly for the reason below)."""
    # polib's own check_for_duplicates compares each entry with every other one: a part of
    # 40,000 entries took minutes. ContentFile does it with a set.
    parser = polib._POFileParser(text, encoding="utf-8", wrapwidth=0)
    try:
        catalogue = parser.parse()
    except (OSError, ValueError) as error:
        # polib counts lines from the start of the piece it was given.
        message = re.sub(
            r"\(line (\d+)\)", lambda line: f"(line {int(line[1]) + first - 1})", str(error)
        )
        raise ContentExchangeError(f"{path} is not a valid PO file: {message}") from error
    finally:
        # The parser is a reference cycle (its transitions are its own bound methods) that
        # holds the piece's lines and entries until the garbage collector's rare full pass:
        # broken here, a piece goes as soon as the import has checked its entries.
        parser.transitions = parser.fhandle = parser.instance = parser.current_entry = None
    return list(catalogue), catalogue.metadata


def read_po(path):
    pieces = _po_pieces(path)
    first, text = next(pieces, (1, ""))
    head, metadata = _parse_po(path, first, text)  # the header (and entries up to a blank line)
    content_type = metadata.get("Content-Type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        raise ContentExchangeError(
            f"{path} declares {content_type or 'no Content-Type'!r}; a content file must say "
            "'Content-Type: text/plain; charset=UTF-8'."
        )

    def entries():
        yield from head
        for first, text in pieces:
            yield from _parse_po(path, first, text)[0]

    return ContentFile(path, metadata, entries(), "is not a valid PO file: entry")


XLIFF_FILE, XLIFF_UNIT = f"{{{XLIFF_NS}}}file", f"{{{XLIFF_NS}}}trans-unit"


def _xml_events(path):
    """lxml's events of ``path``, read as a stream. No DTD, no entities, no network: a file
    is data, never instructions to the parser."""
    events = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        yield from events
    except etree.XMLSyntaxError as error:
        raise ContentExchangeError(f"{path} is not well-formed XML: {error}.") from error


def read_xliff(path):
    events = _xml_events(path)
    _event, root = next(events, (None, None))
    if root is None:
        raise ContentExchangeError(f"{path} is not well-formed XML: no element.")
    if root.getroottree().docinfo.doctype:
        raise ContentExchangeError(f"{path} declares a DOCTYPE; an XLIFF file has none.")
    if root.tag != f"{{{XLIFF_NS}}}xliff" or root.get("version") != "1.2":
        raise ContentExchangeError(
            f"{path} is not an XLIFF 1.2 file (root element {root.tag!r}, version "
            f"{root.get('version')!r}): export XLIFF 1.2 from your tool."
        )
    first = next((e for event, e in events if event == "start" and e.tag == XLIFF_FILE), None)
    if first is None:
        raise ContentExchangeError(f"{path} has no <file> element: it holds no translation.")
    pair = (first.get("source-language"), first.get("target-language"))
    metadata = {
        "Language": pair[1] or "",
        "X-Source-Language": pair[0] or "",
        "Content-Type": "text/plain; charset=UTF-8",
    }

    def entries():
        for event, element in events:
            if event == "start" and element.tag == XLIFF_FILE:
                if (element.get("source-language"), element.get("target-language")) != pair:
                    raise ContentExchangeError(
                        f"{path} has <file> elements in more than one language pair; a "
                        "content file has one language pair."
                    )
            elif event == "end" and element.tag == XLIFF_UNIT:
                yield _xliff_entry(path, element)
                # Let go of the unit and the ones before it: the tree stays one unit deep.
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]

    return ContentFile(path, metadata, entries(), "has the unit")


def _xliff_entry(path, unit):
    context = unit.get("resname") or unit.get("id") or ""
    target = unit.find(f"{{{XLIFF_NS}}}target")
    text = _plain(path, context, target)
    return polib.POEntry(
        msgctxt=context,
        msgid=_plain(path, context, unit.find(f"{{{XLIFF_NS}}}source")),
        msgstr=text,
        flags=["fuzzy"] if text and _unconfirmed(unit, target) else [],
    )


def _unconfirmed(unit, target):
    return target.get("state") in UNCONFIRMED_STATES or unit.get("approved") == "no"


def _plain(path, context, element):
    """The text of a <source> or <target>; inline elements are refused (we write plain
    text; a tool that turned the HTML into <g> or <x/> would lose it on the way back)."""
    if element is None:
        return ""
    if len(element):
        raise ContentExchangeError(
            f"{path}: {context!r} holds XLIFF inline markup (<{etree.QName(element[0]).localname}>)"
            "; the content is plain text (rich text as escaped HTML). Nothing was imported."
        )
    return element.text or ""
