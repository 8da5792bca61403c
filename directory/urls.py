from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("members/", views.directory_index, name="index"),
    path("members/<int:pk>/", views.profile_detail, name="profile"),
    path("members/<int:pk>/write/", views.write_to_member, name="write"),
    path("members/<int:pk>/report/", views.report_profile, name="report_profile"),
    path("members/messages/<int:pk>/report/", views.report_message, name="report_message"),
    path("members/me/", views.my_profile, name="my_profile"),
    path("members/me/edit/", views.edit_profile, name="edit_profile"),
    path("members/me/export/", views.export_data, name="export_data"),
    path("members/me/erase/", views.erase_data, name="erase_data"),
    path("members/me/confirm/", views.confirm_profile, name="confirm_profile"),
]
