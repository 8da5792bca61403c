from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("events/<int:page_id>/register/", views.register_for_event, name="register"),
    path("events/registrations/<str:token>/", views.registration_detail, name="registration"),
    path("events/propose/", views.propose, name="propose"),
    path("events/proposals/<int:page_id>/", views.proposal, name="proposal"),
]
