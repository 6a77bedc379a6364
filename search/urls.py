from django.urls import path

from search import views

# No namespace: "search" is the site's one search page (its JSON-LD search action names it).
urlpatterns = [path("", views.search, name="search")]
