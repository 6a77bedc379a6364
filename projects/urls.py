from django.urls import path

import eurelations.converters  # noqa: F401  (registers "uslug")

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("<uslug:slug>/", views.project_detail, name="project_detail"),
]
