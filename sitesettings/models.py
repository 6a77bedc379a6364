"""The site's settings: one record per site (django.contrib.sites), edited in the admin, its
texts translated (parler): the names, the emblem, the Office's contact facts, who publishes the
site and who controls its data, and which static pages show those facts."""

from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatedFields

from content import history, images
from content.models import LockedModel, plain_text_field, translation_version_field


def _page_field(verbose_name, help_text):
    return models.ForeignKey(
        FlatPage,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=help_text,
    )


@history.register()
class SiteSettings(images.IllustratedModel, LockedModel):
    """Not a ``ContentModel``, but registered content through its adapter (``content.py``):
    its texts have a translation status, a PO exchange and a history like the content's. The
    staff groups get no right on it: only superusers and those given "Can change site
    settings" may change it. The page cache watches it as the frame of every page
    (``apps.py``)."""

    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, related_name="site_settings", editable=False
    )
    image = images.image_field(_("emblem"))
    email = models.EmailField(_("e-mail"), blank=True)
    telephone = models.CharField(
        _("telephone"),
        max_length=40,
        blank=True,
        help_text=_("As it should be dialled from abroad, e.g. +32 2 000 00 00."),
    )
    data_protection_email = models.EmailField(
        _("data-protection contact (e-mail)"),
        blank=True,
        help_text=_("Where people send requests about their personal data."),
    )
    log_retention_days = models.PositiveSmallIntegerField(
        _("server log retention (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How many days the servers keep their logs of requests before deleting them, as "
            "the hosting is set up (privacy notice). Empty: not stated yet."
        ),
    )
    contact_page = _page_field(
        _("contact page"), _("The static page that shows the address, e-mail and telephone.")
    )
    legal_notice_page = _page_field(
        _("legal notice page"), _("The static page that shows the publisher and its contact.")
    )
    privacy_notice_page = _page_field(
        _("privacy notice page"),
        _(
            "The static page that shows the data controller, the data-protection contact and "
            "how long server logs are kept."
        ),
    )

    translations = TranslatedFields(
        name=models.CharField(_("site name"), max_length=120),
        short_name=models.CharField(
            _("short name"),
            max_length=40,
            help_text=_("In the admin's titles, and the name browsers give a pinned page."),
        ),
        tagline=models.CharField(_("tagline"), max_length=160, blank=True),
        image_alt=models.CharField(
            _("emblem description (alt text)"),
            max_length=250,
            blank=True,
            help_text=_(
                "What the emblem shows, for people who cannot see it; in this language. Leave "
                "empty if the site's name beside it says enough."
            ),
        ),
        address=plain_text_field(_("postal address"), max_length=500, blank=True),
        publisher=models.CharField(
            _("publisher"),
            max_length=200,
            blank=True,
            help_text=_("Who publishes the site (legal notice, feeds, structured data)."),
        ),
        controller=models.CharField(
            _("data controller"),
            max_length=200,
            blank=True,
            help_text=_("Who decides what is done with personal data (privacy notice)."),
        ),
        text_version=translation_version_field(),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        # Changing is the dedicated right; there is one record, made by a migration.
        default_permissions = ("change", "view")

    def __str__(self):
        return str(self._meta.verbose_name)
