"""Admin pieces shared by every content model: optimistic locking, history with revert and
publication. The per-language rights and translation status are ``translations.admin``."""

from contextlib import contextmanager
from functools import partial

import reversion
from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.forms import DeclarativeFieldsMetaclass
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm
from reversion.admin import VersionAdmin
from reversion.models import Version

from eurelations import history
from eurelations.models import PublicationStatus, PublishableModel
from eurelations.permissions import can_edit_shared_fields, can_publish
from eurelations.richtext import set_editing_language


def read_only_error(labels):
    """The form error for a forged value of fields that are read-only for this user."""
    return ValidationError(
        gettext(
            "You may not change these fields, which are read-only for you: %(fields)s. "
            "Nothing was saved."
        )
        % {"fields": ", ".join(f"«{label}»" for label in labels)},
        code="read_only",
    )


def changed_posted_fields(form, names):
    """The labels of the fields ``names`` of the bound ``form`` posted with a value that differs
    from the stored one. Not posted at all is the normal case for a read-only field (the page
    shows it as text). An unticked box or an empty multiple choice is never posted, and their
    widgets cannot tell that from "omitted": only a value posted under the field's name says
    something. The stored value is the instance's, never a posted "initial-" value."""
    changed = []
    for name in names:
        field = form.fields[name]
        key = form.add_prefix(name)
        widget = field.widget
        posted = key in form.data or key in form.files
        if isinstance(widget, forms.MultiWidget):  # the date and time of publish_at
            posted = any(posted_name.startswith(f"{key}_") for posted_name in form.data)
        if not posted or widget.value_omitted_from_data(form.data, form.files, key):
            continue
        bound = form[name]
        if field.has_changed(bound.initial, bound.data):
            changed.append(str(field.label or name))
    return changed


def read_only_model_form(model, names, formfield_callback):
    """A form of the fields ``names`` of ``model`` that a form can hold (its editable columns
    and many-to-many fields), to read what a request posts for them; None if there are none."""
    model_fields = {f.name: f for f in [*model._meta.concrete_fields, *model._meta.many_to_many]}
    names = [name for name in names if name in model_fields and model_fields[name].editable]
    if not names:
        return None
    return forms.modelform_factory(model, fields=names, formfield_callback=formfield_callback)


class ReadOnlyFieldsForm(forms.BaseForm, metaclass=DeclarativeFieldsMetaclass):
    """Refuses a posted value, for a field that is read-only for this user, that differs from
    what is stored: a form error naming the field, not Django's silent "changed successfully"
    (the admin leaves read-only fields out of the form and ignores what is posted for them).
    ``RefuseForgedRequestsMixin.get_form`` says which fields are read-only for whom."""

    #: A form of the fields that are read-only for this user (None: none are).
    read_only_form = None

    def clean(self):
        cleaned_data = super().clean()
        if self.read_only_form is not None:
            changed = self.changed_read_only_fields()
            if changed:
                self.add_error(None, read_only_error(changed))
        return cleaned_data

    def changed_read_only_fields(self):
        probe = self.read_only_form(
            data=self.data, files=self.files, instance=self.instance, prefix=self.prefix
        )
        return changed_posted_fields(probe, list(probe.fields))


def _visible_field_names(form):
    """The fields of an inline's row a person sees (not its id, link, counters or boxes)."""
    control = (DELETION_FIELD_NAME, ORDERING_FIELD_NAME)
    return [
        n for n, field in form.fields.items() if not field.widget.is_hidden and n not in control
    ]


def refusing_forged_rows(formset, inline, request, obj):
    """``formset`` (the class of an inline's formset for this request) refusing what the inline
    does not offer this user, where Django silently ignores it: a changed value of a read-only
    field (the inline's ``get_readonly_fields``, or every field of a view-only inline) is a form
    error; a row added or deleted without the right to is a 403. Nothing is saved."""
    can_add = inline.has_add_permission(request, obj)
    can_change = inline.has_change_permission(request, obj)
    probe = read_only_model_form(
        inline.model,
        inline.get_readonly_fields(request, obj),
        partial(inline.formfield_for_dbfield, request=request),
    )

    class RefusingFormSet(formset):
        def clean(self):
            super().clean()
            name = self.model._meta.verbose_name
            deletion = forms.CheckboxInput()
            for form in self.initial_forms:
                key = form.add_prefix(DELETION_FIELD_NAME)
                if not self.can_delete and deletion.value_from_datadict(self.data, {}, key):
                    raise PermissionDenied(f"You may not delete this {name}.")
            if not can_add:
                for form in self.extra_forms:
                    if changed_posted_fields(form, list(form.fields)):
                        raise PermissionDenied(f"You may not add a {name}.")
            changed = []
            for form in self.initial_forms:
                if not can_change:
                    # A view-only row: Django skips its validation and saves nothing of it.
                    changed += changed_posted_fields(form, _visible_field_names(form))
                if probe is not None:
                    read_only = probe(
                        data=self.data,
                        files=self.files,
                        instance=form.instance,
                        prefix=form.prefix,
                    )
                    changed += changed_posted_fields(read_only, list(read_only.fields))
            if changed:
                raise read_only_error(list(dict.fromkeys(changed)))

    return RefusingFormSet


class RefuseForgedRequestsMixin:
    """What the admin does not offer a user is refused when a request asks for it anyway: a
    read-only field posted with another value is a form error (``ReadOnlyFieldsForm``, and
    ``refusing_forged_rows`` for the rows of inlines), a row of an inline added or deleted
    without the right to is a 403, an action that exists but is not offered to this user is a
    403, not "No action selected"."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if issubclass(form, ReadOnlyFieldsForm) and hasattr(request, "user"):
            # modelform_factory made this class for this request: its own attribute.
            form.read_only_form = read_only_model_form(
                self.model,
                self.get_readonly_fields(request, obj),
                partial(self.formfield_for_dbfield, request=request),
            )
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if hasattr(request, "user"):
                formset = refusing_forged_rows(formset, inline, request, obj)
            yield formset, inline

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "action" in request.POST and "_save" not in request.POST:
            asked = request.POST.getlist("action")
            try:
                name = asked[int(request.POST.get("index", 0))]
            except (ValueError, IndexError):
                name = None
            existing = {name for _func, name, _desc in self._get_base_actions()}
            if name in existing and name not in self.get_actions(request):
                raise PermissionDenied(f"The action {name} is not offered to this user.")
        return super().changelist_view(request, extra_context)


class OptimisticLockingForm(ReadOnlyFieldsForm):
    """Optimistic locking of an admin form, per language for the text plus one counter for the
    fields every language shares (DESIGN §5). The form carries the versions the editor started
    from. A save that would overwrite what someone else saved since is a form error that says
    who saved and what the page holds now, not a save; a save of another language's text, or
    of text while someone else changed only shared fields, goes through.

    Where the counters live is the subclass's: ``VersionedAdminForm`` (parler's language tabs,
    ``version`` and each translation row's ``text_version``), the static pages' form (every
    language's columns on one page, pages.models)."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    #: Form fields that are about the form, not the object.
    CONTROL_FIELDS = ("seen_version", "translation_reviewed")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            shared, texts = self.current_versions()
            self.fields["seen_version"].initial = shared
            self.carry_text_versions(texts)
            # The shared fields post what the editor saw next to what they send, so a save
            # knows which ones *they* changed, not someone else since (changed_data).
            for name in self._shared_names():
                self.fields[name].show_hidden_initial = True

    # --- what a subclass says about its counters ---

    def text_fields(self):
        """{language: [form field names]}: the text of each language this form edits."""
        raise NotImplementedError

    def current_versions(self, lock=False):
        """(the shared counter, or None if the object is gone; {language: its counter}),
        ``lock``: the rows stay locked until the admin's transaction ends (PostgreSQL)."""
        raise NotImplementedError

    def carry_text_versions(self, versions):
        """Put ``{language: counter}`` in the hidden field(s) the page posts back."""
        raise NotImplementedError

    def seen_text_versions(self, cleaned_data):
        """``{language: counter}`` as the editor saw them (what ``carry_text_versions`` put)."""
        raise NotImplementedError

    def stale_text(self, language, names, cleaned_data):
        """Someone else saved ``language``'s text since this form was opened: the fields in
        conflict (this editor's save would overwrite theirs); none, and theirs is kept."""
        raise NotImplementedError

    def keep_text(self, language, fresh):
        """Keep what someone else saved in ``language`` (``stale_text`` found no conflict)."""

    # --- the check, the same for every form ---

    def _text_names(self):
        return {name for names in self.text_fields().values() for name in names}

    def _model_field_names(self):
        return {
            f.name
            for f in self.instance._meta.get_fields()
            if f.concrete or f.many_to_many
            if not getattr(f, "primary_key", False)
        }

    def _shared_names(self):
        text = self._text_names()
        model = self._model_field_names()
        return [
            name
            for name in self.fields
            if name in model and name not in text and name not in self.CONTROL_FIELDS
        ]

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        current, current_texts = self.current_versions(lock=True)
        changed = set(self.changed_data)
        shared_changed = changed & set(self._shared_names())
        seen = cleaned_data.get("seen_version")
        seen_texts = self.seen_text_versions(cleaned_data)
        conflicts = []
        if current is None or (shared_changed and seen != current):
            conflicts += sorted(shared_changed)
        self._stale_languages = []
        self._bumped_languages = []
        for language, names in self.text_fields().items():
            now = current_texts.get(language)
            if any(name in changed for name in names):
                self._bumped_languages.append(language)
            if now is None or seen_texts.get(language) == now:
                continue
            in_conflict = self.stale_text(language, names, cleaned_data)
            conflicts += in_conflict
            if not in_conflict:
                self._stale_languages.append(language)
        if current is None or conflicts:
            raise ValidationError(self._stale_message(conflicts), code="stale")
        self.instance.shared_fields_edited = bool(shared_changed)
        self._seen_texts = current_texts
        self._keep_shared = seen != current  # someone changed shared fields, not this editor
        return cleaned_data

    def _stale_message(self, names):
        """Says who saved, and what the page holds now for each field the two saves share."""
        saved = {}
        fresh = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        for name in names:
            field = self.fields.get(name)
            label = field.label if field is not None and field.label else name
            value = self.initial.get(name, "")
            if isinstance(value, str) and len(value) > 80:
                value = value[:80] + "…"
            saved[str(label)] = value
        details = "; ".join(f"{label}: «{value}»" for label, value in saved.items())
        who = history.last_saved_by(fresh) if fresh is not None else None
        message = gettext(
            "Someone else saved this %(name)s while you were editing it, and your save would "
            "overwrite their changes. Nothing was saved. Open it again to see their changes, "
            "then make yours."
        ) % {"name": self.instance._meta.verbose_name}
        if who is not None:
            message += " " + gettext("Saved by: %(user)s.") % {"user": who.get_username()}
        if details:
            message += " " + gettext("Now saved: %(fields)s.") % {"fields": details}
        return message

    def _post_clean(self):
        super()._post_clean()
        if not self.instance.pk or self.errors:
            return
        keep_shared = getattr(self, "_keep_shared", False)
        stale = getattr(self, "_stale_languages", [])
        if not keep_shared and not stale:
            return
        fresh = type(self.instance)._base_manager.get(pk=self.instance.pk)
        if keep_shared:
            # What someone else saved in the shared fields since this form was opened stays:
            # this editor changed none of them (else clean() said so).
            for name in self._shared_names():
                field = self.instance._meta.get_field(name)
                if field.many_to_many:
                    self.cleaned_data[name] = list(getattr(fresh, name).all())
                elif field.concrete:
                    setattr(self.instance, field.attname, getattr(fresh, field.attname))
        for language in stale:
            self.keep_text(language, fresh)


class VersionedAdminForm(OptimisticLockingForm, TranslatableModelForm):
    """A parler language tab: ``version`` for the shared fields, the tab's translation row's
    ``text_version`` for its text (``VersionedContentModel``, ``LockedContentModel``)."""

    seen_translation_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    CONTROL_FIELDS = (*OptimisticLockingForm.CONTROL_FIELDS, "seen_translation_version")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One form per language tab: its rich text is written in that language.
        set_editing_language(self, self.language_code)

    def text_fields(self):
        return {self.language_code: [n for n in self._translated_fields if n in self.fields]}

    def carry_text_versions(self, versions):
        self.fields["seen_translation_version"].initial = versions.get(self.language_code)

    def seen_text_versions(self, cleaned_data):
        return {self.language_code: cleaned_data.get("seen_translation_version")}

    def current_versions(self, lock=False):
        rows = type(self.instance)._base_manager.filter(pk=self.instance.pk)
        if lock:
            rows = rows.select_for_update()
        current = rows.values_list("version", flat=True).first()
        text = self._translation_version(lock)
        return current, ({} if text is None else {self.language_code: text})

    def _translation_rows(self):
        return self.instance._parler_meta.root_model._base_manager.filter(
            master_id=self.instance.pk, language_code=self.language_code
        )

    def _translation_version(self, lock=False):
        rows = self._translation_rows()
        if lock:
            rows = rows.select_for_update()
        if not any(f.name == "text_version" for f in rows.model._meta.concrete_fields):
            return None
        return rows.values_list("text_version", flat=True).first()

    def stale_text(self, language, names, cleaned_data):
        # The same language tab: whoever saved it first wins, the second is told (the tab's
        # row is saved whole).
        return sorted(
            name
            for name in names
            if self.initial.get(name) != cleaned_data.get(name, self.initial.get(name))
        ) or ["—"]

    def _post_clean(self):
        super()._post_clean()
        if not self.instance.pk or self.errors:
            return
        seen_text = getattr(self, "_seen_texts", {}).get(self.language_code)
        if seen_text is not None:
            # The text's counter as the editor saw it: the model's compare-and-swap catches a
            # save that still races with another of the same language.
            row = self.instance._get_translated_model(self.language_code, auto_create=True)
            row.text_version = seen_text


PUBLICATION_FIELDS = ("status", "publish_at")


def shared_field_names(model):
    """The editable fields every language shares (dates, order, links, relations)."""
    return [
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key and field.name not in PUBLICATION_FIELDS
    ]


class HistoryAdminMixin(VersionAdmin):
    """History with revert (django-reversion): the "History" button lists the versions with who
    saved them, when and why. Whoever may open an item may look at its old versions; reverting
    rewrites every language and the shared fields, so it needs the right to edit all of them
    (``may_revert``), checked on the server. ``history.Revert`` keeps the version counter and
    the publication as they are."""

    revision_form_template = "admin/eurelations/revision_form.html"
    recover_form_template = "admin/eurelations/recover_form.html"

    def may_revert(self, request):
        # Subclasses that know about languages narrow this (translations.admin).
        return can_edit_shared_fields(request.user)

    def is_reverting(self, request):
        return getattr(request, "history_revert", None) is not None

    def revision_view(self, request, object_id, version_id, extra_context=None):
        with self._reverting(request, version_id):
            context = self._revert_context(request, extra_context)
            return super().revision_view(request, object_id, version_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        with self._reverting(request, version_id):
            context = self._revert_context(request, extra_context)
            return super().recover_view(request, version_id, context)

    @contextmanager
    def _reverting(self, request, version_id):
        if request.method == "POST" and not self.may_revert(request):
            raise PermissionDenied("Reverting needs the right to edit every language.")
        # reversion matches only the object id: a version of another model is not this one's.
        version = get_object_or_404(Version.objects.get_for_model(self.model), pk=version_id)
        try:
            # reversion's own transaction nests in this one: the rows read by Revert stay locked
            # until the revert is saved or rolled back, so no save slips in between.
            with transaction.atomic(using=version.db):
                request.history_revert = history.Revert(version.revision)
                yield
        finally:
            # Looking at a version reverts it in a transaction that is rolled back: what was
            # cached meanwhile is not what the database holds.
            if self.is_reverting(request):
                request.history_revert.forget_cached_translations()
            request.history_revert = None

    def _revert_context(self, request, extra_context):
        context = {
            "may_revert": self.may_revert(request),
            "publishable": issubclass(self.model, PublishableModel),
            **(extra_context or {}),
        }
        if not context["may_revert"]:
            context.update(show_save=False, show_save_and_continue=False)
        return context

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self.is_reverting(request):
            # reversion has just rewritten the rows; the form must start from what is kept.
            request.history_revert.after_revert()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if self.is_reverting(request) and context.get("language_tabs"):
            # parler's tabs link "delete translation" relative to the change page's address.
            context["language_tabs"].allow_deletion = False
        return response


class PublicationActionsMixin:
    """Publish and unpublish actions, for those with ``publish_content``."""

    actions = ["publish", "unpublish"]

    def has_publish_permission(self, request):
        return can_publish(request.user)

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        published = scheduled = 0
        for obj in queryset:
            if obj.status != PublicationStatus.PUBLISHED:
                obj.status = PublicationStatus.PUBLISHED
                obj.updated_by = request.user
                obj.save()
                # A future "publish at" keeps it off the public pages until then: say so.
                if obj.is_public:
                    published += 1
                else:
                    scheduled += 1
        if reversion.is_active():
            reversion.set_comment(gettext("Published."))
        if published or not scheduled:
            self.message_user(
                request,
                ngettext("%(count)d item published.", "%(count)d items published.", published)
                % {"count": published},
            )
        if scheduled:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item scheduled: it appears on the site at its publication time.",
                    "%(count)d items scheduled: they appear on the site at their publication "
                    "time.",
                    scheduled,
                )
                % {"count": scheduled},
            )

    @admin.action(description=_("Unpublish the selected items"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for obj in queryset:
            if obj.status != PublicationStatus.DRAFT:
                obj.status = PublicationStatus.DRAFT
                obj.updated_by = request.user
                obj.save()
                count += 1
        if reversion.is_active():
            reversion.set_comment(gettext("Unpublished."))
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
            % {"count": count},
        )


admin.site.site_header = _("eurelations administration")
admin.site.site_title = _("eurelations")
admin.site.index_title = _("Content")
