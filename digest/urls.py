from django.urls import path

from . import views

app_name = "digest"
urlpatterns = [
    path("digest/", views.digest_settings, name="settings"),
    path("digest/stop/<str:token>/", views.stop, name="stop"),
]
