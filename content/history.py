"""History with revert (django-reversion) for the content, in every language; ``Revert`` puts
right what reversion's raw saves would break (``docs/architecture.md``, "History")."""

import reversion
from django.conf import settings
from django.core.cache import cache
from parler.cache import get_translation_cache_key
from parler.models import TranslatableModel
from reversion.models import Version

from content.models import LockedContentModel, PublicationStatus, PublishableModel

#: ``{model: (relation, ...)}``: the rows kept in each version beside the model's own and its
#: translations (the partnership's objectives), which a comparison reads too.
_FOLLOWED = {}


def register(*, follow=()):
    """Class decorator: keep the history of a parler model with the text of every language,
    and of the rows of the relations ``follow`` names (reverse foreign keys)."""

    def decorator(model):
        for meta in model._parler_meta:
            reversion.register(meta.model)
        reversion.register(
            model, follow=(*(meta.rel_name for meta in model._parler_meta), *follow)
        )
        _FOLLOWED[model] = tuple(follow)
        return model

    return decorator


def followed(model):
    """The reverse foreign keys whose rows each version of ``model`` holds (``register``)."""
    return [model._meta.get_field(name) for name in _FOLLOWED.get(model, ())]


def kept_fields(model):
    """What a revert leaves as it is on ``model`` (then raised by one: counters)."""
    names = []
    if issubclass(model, LockedContentModel):
        names.append("version")
    if any(field.name == "text_version" for field in model._meta.concrete_fields):
        names.append("text_version")  # a language's counter (parler's translation rows)
    if issubclass(model, PublishableModel):
        names += ["status", "publish_at"]
    return names


COUNTERS = ("version", "text_version")


def last_saved_by(obj):
    """Who saved ``obj`` last: its ``updated_by``, else (a model without one: static pages,
    objectives) the author of its latest stored version."""
    if getattr(obj, "updated_by", None) is not None:
        return obj.updated_by
    try:
        version = Version.objects.get_for_object(obj).select_related("revision__user").first()
    except reversion.RegistrationError:
        return None
    return version.revision.user if version is not None else None


class Revert:
    """One revert (or recovery) of ``revision``: what it keeps is read before reversion rewrites
    the rows, and put back by ``after_revert()`` right after."""

    def __init__(self, revision):
        self.versions = [
            version for version in revision.version_set.all() if version._model is not None
        ]
        self.kept = {}
        for version in self.versions:
            model, names = version._model, kept_fields(version._model)
            if names:
                # Locked until the caller's transaction ends (on databases that lock rows).
                rows = model._base_manager.select_for_update().filter(pk=version.object_id)
                self.kept[(model, version.object_id)] = rows.values(*names).first()
        self.done = False

    def after_revert(self):
        if self.done:
            return
        self.done = True
        for (model, pk), values in self.kept.items():
            if values is None:  # a deleted item being recovered
                values = self._recovered_values(model, pk)
            # A revert is a change like any other: forms opened before it are stale.
            values = {
                **values,
                **{name: values[name] + 1 for name in COUNTERS if name in values},
            }
            model._base_manager.filter(pk=pk).update(**values)
        self.forget_cached_translations()

    @staticmethod
    def _recovered_values(model, pk):
        # The highest version it ever had, and a draft: recovering is not publishing.
        counter = next(name for name in COUNTERS if name in kept_fields(model))
        values = {
            counter: max(
                version.field_dict.get(counter) or 1
                for version in Version.objects.get_for_object_reference(model, pk)
            )
        }
        if issubclass(model, PublishableModel):
            values["status"] = PublicationStatus.DRAFT
        return values

    def forget_cached_translations(self):
        cache.delete_many(
            [
                get_translation_cache_key(meta.model, version.object_id, language)
                for version in self.versions
                if issubclass(version._model, TranslatableModel)
                for meta in version._model._parler_meta
                for language, _name in settings.LANGUAGES
            ]
        )
