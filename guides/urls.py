from django.urls import path

from . import views

urlpatterns = [path("my-path/", views.choose_path, name="choose_path")]
