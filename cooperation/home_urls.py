"""The home page (the partnership's page), at the root of each language; un-namespaced, as
``reverse("home")`` has always named it."""

from django.urls import path

from . import views

urlpatterns = [path("", views.home, name="home")]
