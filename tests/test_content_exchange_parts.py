"""Content exchange at any size: an export limited to content types, keys or objects changed
since a date, written in parts that the import accepts, one at a time or as one atomic set,
reading the content a chunk of objects at a time."""

import math
from datetime import timedelta

import polib
import pytest
import reversion
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Revision

from cooperation.models import CooperationArea, Objective, Partnership
from projects.models import Project
from tests.test_content_exchange import _Buffer, _Null, refused, run_import, snapshot
from translations import exchange_files, exchange_import
from translations.exchange import Selection, iter_units

pytestmark = pytest.mark.django_db


def export_contexts(tmp_path, *options):
    path = tmp_path / "selection.po"
    call_command("export_content", "fr", "-o", str(path), *options, stdout=_Null())
    return [entry.msgctxt for entry in polib.pofile(str(path))]


def export_parts(tmp_path, *options, language="fr"):
    out = _Buffer()
    call_command(
        "export_content", language, "-o", str(tmp_path / "content.po"), *options, stdout=out
    )
    return sorted(tmp_path.glob("content-*.po")), out.text


def test_type_limits_the_export_to_those_content_types(tmp_path):
    contexts = export_contexts(
        tmp_path, "--type", "projects.project", "--type", "flatpages.flatpage"
    )
    assert contexts
    assert {context.split(":")[0] for context in contexts} <= {
        "projects.project",
        "flatpages.flatpage",
    }
    assert any(context.startswith("projects.project:") for context in contexts)
    with pytest.raises(CommandError, match="Unknown content type projects.nothing"):
        export_contexts(tmp_path, "--type", "projects.nothing")


def test_key_limits_the_export_to_those_objects(tmp_path):
    project = Project.objects.order_by("pk").first()
    contexts = export_contexts(tmp_path, "--key", "e-mla", "--key", project.key, "--key", "main")
    assert {context.rsplit(":", 1)[0] for context in contexts} == {
        "cooperation.cooperationarea:e-mla",
        f"projects.project:{project.key}",
        "cooperation.partnership:main",
    }


def test_since_limits_the_export_to_what_changed_after_that_moment(tmp_path):
    moment = timezone.now() + timedelta(seconds=1)
    assert export_contexts(tmp_path, "--since", moment.isoformat()) == []
    later = moment + timedelta(seconds=1)
    CooperationArea.objects.filter(key="e-mla").update(updated_at=later)
    # An objective has no timestamp: its version in the history (saved with the partnership).
    objective = Objective.objects.order_by("pk").first()
    with reversion.create_revision():
        reversion.add_to_revision(objective)
    Revision.objects.filter(pk=Revision.objects.latest("pk").pk).update(date_created=later)
    contexts = export_contexts(tmp_path, "--since", moment.isoformat())
    assert {context.rsplit(":", 1)[0] for context in contexts} == {
        "cooperation.cooperationarea:e-mla",
        f"cooperation.objective:{objective.key}",
    }
    with pytest.raises(CommandError, match="give a date"):
        export_contexts(tmp_path, "--since", "yesterday")


def test_parts_hold_every_entry_once_and_each_is_accepted_by_the_import(tmp_path):
    whole = export_contexts(tmp_path)
    parts, output = export_parts(tmp_path, "--part-size", "9")
    assert len(parts) == math.ceil(len(whole) / 9) > 2
    assert f"Wrote {len(whole)} string(s) in fr to {len(parts)} parts" in output
    assert [path.name for path in parts[:2]] == ["content-001.po", "content-002.po"]
    contexts = []
    for path in parts:
        catalogue = polib.pofile(str(path))
        assert catalogue.metadata["Language"] == "fr"
        assert len(catalogue) <= 9
        contexts += [entry.msgctxt for entry in catalogue]
    assert contexts == whole
    before = snapshot()
    assert "Updated 0" in run_import(parts[-1])
    # Every part is read and checked: each file of the set is accepted.
    assert f"unchanged {len(whole)}, skipped 0 (" in run_import(*parts)
    assert snapshot() == before


def test_a_part_never_grows_past_what_the_import_accepts(tmp_path, monkeypatch):
    # Above the largest single entry (a rich text with its memory match and previous source).
    monkeypatch.setattr(exchange_files, "MAX_FILE_SIZE", 16000)
    parts, _output = export_parts(tmp_path, "--part-size", "1000")
    assert len(parts) > 3
    assert all(path.stat().st_size <= 16000 for path in parts)
    assert "Updated 0" in run_import(*parts)
    whole = tmp_path / "whole.po"
    err = _Buffer()
    call_command("export_content", "fr", "-o", str(whole), stdout=_Null(), stderr=err)
    assert "refuses it. Export in parts" in err.text
    assert "at most 0 MB (export in parts: --part-size)" in refused(whole)


def edit(path, context, msgstr):
    catalogue = polib.pofile(str(path), wrapwidth=0)
    for item in catalogue:
        if item.msgctxt == context:
            item.msgstr = msgstr
            break
    else:
        raise AssertionError(f"{context} is not in {path}")
    catalogue.save(str(path))


def parts_with_a_good_and_a_bad_edit(tmp_path):
    """Parts: the first with a good edit, a later one with a bad one."""
    parts, _output = export_parts(tmp_path, "--part-size", "10")
    good = next(e for e in polib.pofile(str(parts[0])) if e.msgstr and "slug" not in e.msgctxt)
    edit(parts[0], good.msgctxt, good.msgstr + " (revu)")
    for path in reversed(parts[1:]):
        bad = next((e for e in polib.pofile(str(path)) if e.msgctxt.endswith(":slug")), None)
        if bad:
            edit(path, bad.msgctxt, "pas une adresse")
            return parts, good.msgctxt, bad.msgctxt, path
    raise AssertionError("no address in the later parts")


def test_a_set_of_parts_is_one_change_all_or_nothing(tmp_path):
    parts, good, bad, bad_part = parts_with_a_good_and_a_bad_edit(tmp_path)
    before = snapshot()
    revisions = Revision.objects.count()
    message = refused(*parts)
    assert f"{bad}: " in message and "is not a valid web address" in message
    assert f"1 problem(s) in {len(parts)} files; nothing was imported" in message
    assert snapshot() == before
    assert Revision.objects.count() == revisions
    # Fixed, the set is written, its change in a revision naming the file it came from.
    edit(bad_part, bad, before[("fr", bad)])
    assert "Updated 1" in run_import(*parts)
    assert Revision.objects.count() == revisions + 1
    assert Revision.objects.latest("pk").comment == f"Imported from {parts[0].name}"


def test_the_writes_are_revisions_of_a_bounded_size_in_one_transaction(tmp_path, monkeypatch):
    # django-reversion holds a revision's versions until it is saved: a retranslated part of
    # 8,000 objects is saved in revisions of OBJECTS_PER_REVISION objects (here 1).
    monkeypatch.setattr(exchange_import, "OBJECTS_PER_REVISION", 1)
    path = tmp_path / "content-fr.po"
    call_command("export_content", "fr", "-o", str(path), stdout=_Null())
    catalogue = polib.pofile(str(path), wrapwidth=0)
    edited = {}
    for item in catalogue:
        owner = item.msgctxt.rsplit(":", 1)[0]
        if item.msgstr and "slug" not in item.msgctxt and owner not in edited:
            item.msgstr += " (revu)"
            edited[owner] = item.msgctxt
        if len(edited) == 3:
            break
    catalogue.save(str(path))
    revisions = Revision.objects.count()
    assert "Updated 3" in run_import(path)
    written = Revision.objects.order_by("-pk")[:3]
    assert Revision.objects.count() == revisions + 3
    assert {revision.comment for revision in written} == {"Imported from content-fr.po"}
    assert sorted(len(revision.version_set.all()) > 0 for revision in written) == [True] * 3
    # A later part with a problem still undoes every one of them: one transaction.
    before = snapshot()
    bad = tmp_path / "content-fr-bad.po"
    bad.write_text(path.read_text().replace(" (revu)", " (revu deux fois)"))
    broken = tmp_path / "content-fr-broken.po"
    broken.write_text(path.read_text().replace('msgstr "', 'msgstr " "', 1))
    assert "is not a valid PO file" in refused(bad, broken)
    assert snapshot() == before
    assert Revision.objects.count() == revisions + 3


def test_each_imports_every_part_on_its_own(tmp_path):
    parts, good, bad, _bad_part = parts_with_a_good_and_a_bad_edit(tmp_path)
    before = snapshot()
    err = _Buffer()
    with pytest.raises(CommandError, match=f"1 of {len(parts)} file\\(s\\) not imported"):
        call_command("import_content", "--each", *map(str, parts), stdout=_Null(), stderr=err)
    assert bad in err.text
    after = snapshot()
    assert {key for key in before if before[key] != after[key]} == {("fr", good)}


def test_an_entry_in_two_parts_or_parts_in_two_languages_are_refused(tmp_path):
    parts, _output = export_parts(tmp_path, "--part-size", "10")
    duplicate = tmp_path / "again.po"
    duplicate.write_bytes(parts[0].read_bytes())
    assert "also in another part of the set" in refused(parts[0], parts[1], duplicate)
    spanish = tmp_path / "es"
    spanish.mkdir()
    spanish_parts, _output = export_parts(spanish, "--part-size", "10", language="es")
    assert "is a 'es' translation, not 'fr'" in refused(parts[0], spanish_parts[0])


def test_the_export_reads_a_chunk_of_objects_at_a_time():
    projects = Project.objects.count()
    assert projects >= 3
    selection = Selection(types=("projects.project",))
    with CaptureQueriesContext(connection) as captured:
        units = list(iter_units("fr", selection, chunk_size=1))
    # The list of keys, then per chunk its objects, their translations, their confirmations.
    assert len(captured) <= 2 + 3 * projects
    with CaptureQueriesContext(connection) as captured:
        assert len(list(iter_units("fr", selection, chunk_size=2))) == len(units)
    assert len(captured) <= 2 + 3 * math.ceil(projects / 2)
    assert Partnership.objects.exists()
