from django.urls import path

import content.converters  # noqa: F401  (registers "uslug")

from . import views
from .feeds import ProjectsAtomFeed, ProjectsRssFeed

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("feed/rss/", ProjectsRssFeed(), name="feed_rss"),
    path("feed/atom/", ProjectsAtomFeed(), name="feed_atom"),
    path("<uslug:slug>/", views.project_detail, name="project_detail"),
]
