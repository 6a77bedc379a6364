from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("<str:slug>/", views.project_detail, name="project_detail"),
]
