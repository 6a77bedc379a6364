"""The admin base of every content model: parler's language tabs with the content base's
locking, history and publication (``content.admin``) and the per-language rights and
translation status of ``translations.admin``. The content apps' admins subclass it."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from parler.admin import TranslatableAdmin
from parler.utils.views import get_language_parameter

from content import registry, uploads
from content.admin import (
    HistoryAdminMixin,
    PublicationActionsMixin,
    locking_fieldset,
    shared_field_names,
)
from content.models import StaleObjectError
from content.permissions import can_edit_shared_fields
from translations import status
from translations.admin import TranslationAdminForm, TranslatorRightsMixin, status_badges
from translations.permissions import can_revert


class ContentAdmin(HistoryAdminMixin, TranslatorRightsMixin, TranslatableAdmin):
    """parler's language tabs, plus audit fields and optimistic locking, for every content model."""

    form = TranslationAdminForm
    readonly_fields = ("version", "created_at", "created_by", "updated_at", "updated_by")
    save_on_top = True

    #: The translated field a new slug is written from in the browser (parler cannot use the
    #: ``prepopulated_fields`` attribute with translated fields); None for models without slug.
    slug_source = None

    def get_prepopulated_fields(self, request, obj=None):
        if self.slug_source is None:
            return {}
        if not hasattr(request, "user"):  # parler asks for the media with a fake request
            return {"slug": (self.slug_source,)}
        # Not when the slug or its source is read-only for this user (another language's text).
        readonly = set(self.get_readonly_fields(request, obj))
        if readonly.intersection({"slug", self.slug_source}):
            return {}
        return {"slug": (self.slug_source,)}

    def form_language(self, request, obj=None):
        return self.get_form_language(request, obj)

    def locked_text_fields(self, request, obj=None):
        if self.may_translate(request, self.form_language(request, obj)):
            return []
        return registry.entry_for(self.model).translated_fields

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_status_column")

    # The count of every object above a search's is one more scan for nothing.
    show_full_result_count = False
    #: Translation rows a search term takes from the index at most: a word every item has
    #: would otherwise make the list join (and count) every row of the table. Several rows
    #: are one item's languages, so at least this many items divided by the languages.
    SEARCH_CANDIDATES = 2000

    def get_search_results(self, request, queryset, search_term):
        """Django's search, each term matched in the translation table by a subquery (an
        index scan on PostgreSQL: ``workspace.search_indexes``) rather than through a join
        whose duplicates the changelist must then remove; the subquery stops at
        ``SEARCH_CANDIDATES`` rows, so a word in every item costs what a rare one does (the
        list then says to narrow the search)."""
        prefix = "translations__"
        translated = [
            name[len(prefix) :] for name in self.search_fields if name.startswith(prefix)
        ]
        if not search_term or not translated:
            return super().get_search_results(request, queryset, search_term)
        own = [name for name in self.search_fields if not name.startswith(prefix)]
        rows = self.model._parler_meta.root_model.objects
        for bit in smart_split(search_term):
            term = unescape_string_literal(bit) if bit.startswith(('"', "'")) else bit
            in_rows = Q()
            for name in translated:
                in_rows |= Q(**{f"{name}__icontains": term})
            candidates = rows.filter(in_rows).values("master_id")[: self.SEARCH_CANDIDATES]
            if candidates.count() == self.SEARCH_CANDIDATES:  # counts up to the limit only
                messages.warning(
                    request,
                    _(
                        "“%(term)s” is in too many items to list them all: only some are "
                        "shown. Add words or a filter to narrow the search."
                    )
                    % {"term": term},
                )
            matches = Q(pk__in=candidates)
            if own:
                # Bounded too, and by id: an OR of LIKEs on the list's own table would test
                # every row while the page is sorted.
                in_own = Q()
                for name in own:
                    in_own |= Q(**{f"{name}__icontains": term})
                by_own = self.model._base_manager.filter(in_own).values("pk")
                matches |= Q(pk__in=by_own[: self.SEARCH_CANDIDATES])
            queryset = queryset.filter(matches)
        return queryset, False

    def get_queryset(self, request):
        # The status column reads every translation: prefetched, one query for the page.
        return super().get_queryset(request).prefetch_related("translations")

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not can_edit_shared_fields(request.user):
            # The editable columns (order) are shared fields: not offered to translators and
            # publishers, and a forged save of them is refused (changelist_view).
            changelist.list_editable = ()
        # ... and every confirmation of the page's objects: one more query.
        changelist.result_list = status.attach_confirmations(changelist.result_list)
        return changelist

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        # An editable column's inputs sit in a table cell with no <label>: each gets its
        # column's name.
        for name, field in formset.form.base_fields.items():
            field.widget.attrs.setdefault("aria-label", str(field.label or name))
        return formset

    def changelist_view(self, request, extra_context=None):
        if (
            request.method == "POST"
            and "_save" in request.POST
            and self.list_editable
            and not can_edit_shared_fields(request.user)
        ):
            raise PermissionDenied("The editable columns are shared fields.")
        return super().changelist_view(request, extra_context)

    def may_revert(self, request):
        return can_revert(request.user)

    @admin.display(description=_("translation status"))
    def translation_status_column(self, obj):
        return status_badges(obj, status.statuses_of(obj))

    def get_language_tabs(self, request, obj, available_languages, css_class=None):
        tabs = super().get_language_tabs(request, obj, available_languages, css_class)
        # A translator sees the source (read-only) and the languages they may edit.
        visible = {settings.CONTENT_SOURCE_LANGUAGE, self.form_language(request, obj)}
        tabs[:] = [tab for tab in tabs if tab[2] in visible or self.may_translate(request, tab[2])]
        return tabs

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        language_allowed = self.may_translate(request, self.form_language(request, obj))
        shared_allowed = can_edit_shared_fields(request.user)
        for inline in inlines:
            if not language_allowed:
                inline.has_add_permission = lambda request, obj=None: False
                inline.has_change_permission = lambda request, obj=None: False
                inline.has_delete_permission = lambda request, obj=None: False
            elif not shared_allowed:
                inline.readonly_fields = (
                    *inline.readonly_fields,
                    *[
                        name
                        for name in shared_field_names(inline.model)
                        # The link to the parent is the formset's, never a form field.
                        if getattr(inline.model._meta.get_field(name), "related_model", None)
                        is not self.model
                    ],
                )
                inline.has_add_permission = lambda request, obj=None: False
                inline.has_delete_permission = lambda request, obj=None: False
        return inlines

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            language = get_language_parameter(request, self.query_language_key)
            if not self.may_translate(request, language):
                text_fields = registry.entry_for(self.model).translated_fields
                # Read from the table: get_object() starts an empty translation in the cache.
                exists = bool(object_id) and (
                    self.model._parler_meta.root_model.objects.filter(
                        master_id=unquote(object_id), language_code=language
                    ).exists()
                )
                if not exists or any(name in request.POST for name in text_fields):
                    raise PermissionDenied(f"You may not edit the {language} text.")
        # Around the admin's transaction: a picture stored by the model's save is deleted again
        # if anything after it fails (the inlines, the history) and the row is rolled back.
        with uploads.deleted_on_error():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        language = self.form_language(request, obj)
        if (
            obj is not None
            and language != settings.CONTENT_SOURCE_LANGUAGE
            and self.may_translate(request, language)
        ):
            fieldsets.append((_("Translation"), {"fields": ("translation_reviewed",)}))
        return [*fieldsets, locking_fieldset(self.readonly_fields)]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        try:
            super().save_model(request, obj, form, change)
        except StaleObjectError as error:
            # The form check normally catches this first; a save that still races loses cleanly.
            raise ValidationError(str(error)) from error
        # A changelist's editable column has no language tab, and so nothing to review.
        language = getattr(form, "language_code", None)
        reviewed = getattr(form, "cleaned_data", {}).get("translation_reviewed")
        if reviewed and language and self.may_translate(request, language):
            # The translator's word that this language still matches today's source.
            fresh = type(obj).objects.prefetch_related("translations").get(pk=obj.pk)
            status.confirm_all(fresh, language)

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return str(obj)


class PublishableAdmin(PublicationActionsMixin, ContentAdmin):
    pass


#: django-otp's fieldset titles, which it does not mark for translation.
DEVICE_FIELDSETS = {
    "Identity": _("Identity"),
    "Timestamps": _("Timestamps"),
    "Configuration": _("Configuration"),
    "State": _("State"),
    "Throttling": _("Throttling"),
}


#: django-otp's field labels and help texts, which it does not mark for translation either
#: (set on the form fields, not the model's: changing those would need a migration of its app).
DEVICE_FIELDS = {
    "user": (_("User"), _("The user that this device belongs to.")),
    "name": (_("Name"), _("The human-readable name of this device.")),
    "confirmed": (_("Confirmed"), _("Is this device ready for use?")),
    "key": (_("Key"), _("A hex-encoded secret key of up to 40 bytes.")),
    "step": (_("Step"), _("The time step in seconds.")),
    "t0": (_("Start time (T0)"), _("The Unix time at which to begin counting steps.")),
    "digits": (_("Digits"), _("The number of digits to expect in a token.")),
    "tolerance": (_("Tolerance"), _("The number of time steps in the past or future to allow.")),
    "drift": (
        _("Drift"),
        _("The number of time steps the prover is known to deviate from our clock."),
    ),
    "throttling_failure_timestamp": (
        _("Last failed attempt"),
        _("When the last verification failed; empty if the last one succeeded."),
    ),
    "throttling_failure_count": (_("Failed attempts"), _("Number of successive failed attempts.")),
}


class DeviceAdmin(TOTPDeviceAdmin):
    """django-otp's admin of TOTP devices in the admin's language: its fieldset titles, field
    labels, search help and QR code link are English text it does not mark for translation."""

    search_help_text = _("Search by the user's username or e-mail address.")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in DEVICE_FIELDS:
            formfield.label, formfield.help_text = DEVICE_FIELDS[db_field.name]
        return formfield

    def get_fieldsets(self, request, obj=None):
        return [
            (DEVICE_FIELDSETS.get(name, name), options)
            for name, options in super().get_fieldsets(request, obj)
        ]

    @admin.display(description=_("QR code"))
    def qrcode_link(self, device):
        href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">{}</a>', href, _("Show the QR code"))


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, DeviceAdmin)
