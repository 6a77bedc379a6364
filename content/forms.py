"""The admin's forms for content: forged values of read-only fields refused, and optimistic
locking per language plus one counter for the shared fields (``docs/architecture.md``)."""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.forms.forms import DeclarativeFieldsMetaclass
from django.utils.translation import gettext
from parler.forms import TranslatableBaseInlineFormSet, TranslatableModelForm

from content import history
from content.languages import language_attrs
from content.richtext import RichTextWidget


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


def field_language(form, name):
    """The language of the text the field ``name`` of ``form`` holds, or None for a field every
    language shares: a modeltranslation column's own (``title_fr``), a parler field's, the
    language of the tab (``form.language_code``). Read-only fields included: ``name`` need
    not be one of the form's fields."""
    model = form._meta.model
    try:
        language = getattr(model._meta.get_field(name), "language", None)
    except FieldDoesNotExist:
        language = None
    if language:
        return language
    parler_meta = getattr(model, "_parler_meta", None)
    if parler_meta is not None and name in parler_meta.get_translated_fields():
        return getattr(form, "language_code", None)
    return None


def mark_text_languages(form):
    """Every text field of ``form`` carries the ``lang`` and ``dir`` of its language (inputs,
    text areas, the rich-text editor), so French is laid out left to right in the Arabic
    admin and Arabic right to left in the others; a rich-text editing area is named after
    its field (a screen reader reaches it, not the hidden textarea)."""
    for name, field in form.fields.items():
        language = field_language(form, name)
        if language is None:
            continue
        field.widget.attrs.update(language_attrs(language))
        if isinstance(field.widget, RichTextWidget) and field.label:
            field.widget.attrs["aria-label"] = str(field.label)


class TabLanguageInlineFormSet(TranslatableBaseInlineFormSet):
    """parler's inline rows, marked with the tab's language: parler gives a row its language
    only after the form is built, and never to the empty row "add another" copies."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        mark_text_languages(form)
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        form.language_code = self.language_code
        mark_text_languages(form)
        return form


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


class OptimisticLockingForm(ReadOnlyFieldsForm):
    """Optimistic locking of an admin form, per language for the text plus one counter for the
    fields every language shares (docs/architecture.md, "Two people at once"). The form
    carries the versions the editor started from. A save that would overwrite what someone else saved since is a form error that says
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
        mark_text_languages(self)
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
