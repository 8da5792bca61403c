from django.urls import path

from . import views

urlpatterns = [path("feedback/<int:page_id>/", views.page_feedback, name="page_feedback")]
