"""Uploaded files and the rows that name them: a picture's renditions, files deleted again when
the save that stored them fails, and every file a row or a stored version names (prune_media)."""

import logging
import posixpath
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import reversion
from django.apps import apps
from django.core.files.storage import DefaultStorage, storages
from django.db import models
from imagekit.cachefiles import ImageCacheFile
from imagekit.models.fields.utils import ImageSpecFileDescriptor
from reversion.errors import RevertError
from reversion.models import Version

logger = logging.getLogger(__name__)

#: The files stored by saves inside the innermost ``deleted_on_error`` block.
_stored = ContextVar("uploads_stored", default=None)


@cache
def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


@cache
def rendition_specs(model):
    """{attname of a picture: [its imagekit ImageSpecFields]}, however many a model declares."""
    descriptors = {}
    for klass in reversed(model.__mro__):  # a subclass's declaration wins
        for name, value in vars(klass).items():
            if isinstance(value, ImageSpecFileDescriptor):
                descriptors[name] = value
    specs = defaultdict(list)
    for descriptor in descriptors.values():
        specs[descriptor.source_field_name].append(descriptor.field)
    return dict(specs)


def renditions(model, field, name):
    """[(storage, name)] of the renditions of picture ``name`` of ``model.field``, named as
    imagekit names them (from the picture's name, not its content), without a storage request."""
    source = field.attr_class(None, field, name)
    files = [
        ImageCacheFile(spec.get_spec(source=source))
        for spec in rendition_specs(model).get(field.attname, ())
    ]
    return [(file.storage, file.name) for file in files]


def delete(model, field, name):
    """Delete picture ``name`` and its renditions. A storage that fails is logged, not raised:
    this runs while another error is raised or after a commit; ``prune_media`` finds the rest."""
    for storage, stored_name in [(field.storage, name), *renditions(model, field, name)]:
        try:
            storage.delete(stored_name)
        except Exception:
            logger.exception("Could not delete %s from the media storage.", stored_name)


def stored(model, field, name):
    """A save has just written ``name`` to the storage (``ContentImageField.pre_save``)."""
    attempt = _stored.get()
    if attempt is not None:
        attempt.append((model, field, name))


@contextmanager
def deleted_on_error():
    """Files stored inside the block are deleted with their renditions if it ends in an error:
    the transaction that named them is rolled back. On success they are handed to the block
    around it, if any, which may still fail (the admin's view around the model's save)."""
    attempt = []
    token = _stored.set(attempt)
    try:
        yield
    except BaseException:
        for model, field, name in attempt:
            delete(model, field, name)
        raise
    finally:
        _stored.reset(token)
    outer = _stored.get()
    if outer is not None:
        outer.extend(attempt)


def delete_unless_named(model, pk, field, name):
    """After a commit that replaced or cleared picture ``name`` of object ``pk``: delete it and
    its renditions, unless a row still names it or one of the object's stored versions does (a
    revert would bring it back, without making its renditions again)."""
    if model._base_manager.filter(**{field.attname: name}).exists():
        return
    if reversion.is_registered(model):
        versions = Version.objects.get_for_object_reference(model, pk)
        if any(found == name for _field, found in names_in_versions(versions, [field])):
            return
    delete(model, field, name)


def names_in_versions(versions, fields):
    """[(field, name)] of the files that django-reversion's ``versions`` name in ``fields``.
    A version that no longer loads with today's model cannot be reverted to: skipped."""
    found = []
    for version in versions.select_related("content_type").iterator():
        try:
            values = version.field_dict
        except RevertError:
            continue
        for field in fields:
            name = getattr(values.get(field.attname), "name", None)
            if name:
                found.append((field, name))
    return found


def same_storage(storage):
    # A field's default storage is a lazy proxy; renditions get the storage it stands for.
    return storages["default"] if isinstance(storage, DefaultStorage) else storage


def named_files():
    """Every file that a row of an installed model names in a file field, or a stored version
    does, with the renditions of each picture: [(storage, {names})], one entry per storage."""
    named = {}

    def keep(storage, name=None):
        storage = same_storage(storage)
        names = named.setdefault(id(storage), (storage, set()))[1]
        if name:
            names.add(name)

    for model in apps.get_models():
        fields = file_fields(model)
        if not fields or model._meta.proxy:
            continue
        for field in fields:  # every storage is listed, even one that no row names a file in
            keep(field.storage)
            for storage, _name in renditions(model, field, "any"):
                keep(storage)
        found = [
            (field, name)
            for field in fields
            for name in model._base_manager.exclude(**{field.attname: ""})
            .values_list(field.attname, flat=True)
            .iterator()
            if name  # not NULL
        ]
        if reversion.is_registered(model):
            found += names_in_versions(Version.objects.get_for_model(model), fields)
        for field, name in found:
            keep(field.storage, name)
            for storage, rendition in renditions(model, field, name):
                keep(storage, rendition)
    return list(named.values())


def stored_files(storage, directory=""):
    """Every file in ``storage``, through its ``listdir`` (local disk, S3 and the like alike)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # a local media folder that nothing was stored in yet
        return
    for name in files:
        yield posixpath.join(directory, name)
    for name in directories:
        yield from stored_files(storage, posixpath.join(directory, name))


def unnamed_files():
    """[(storage, name)] of every stored file that no row or stored version names."""
    return [
        (storage, name)
        for storage, names in named_files()
        for name in sorted(stored_files(storage))
        if name not in names
    ]
