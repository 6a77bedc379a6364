from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

import content.converters  # noqa: F401  (registers "uslug")

from . import views

app_name = "cooperation"

urlpatterns = [
    path(_("partners/"), views.partner_list, name="partner_list"),
    # Only the word is translated; translators never see the URL converter.
    path(
        format_lazy("{}<uslug:slug>/", _("partners/")), views.partner_detail, name="partner_detail"
    ),
    path("<uslug:slug>/", views.area_detail, name="area_detail"),
]
