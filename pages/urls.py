from django.urls import re_path

from . import views

app_name = "pages"

urlpatterns = [
    # Not translated: a static page's address is its FlatPage.url, the same in every language.
    re_path(r"^(?P<url>pages/[-\w./]+/)$", views.flatpage, name="flatpage"),
]
