from django.urls import path

from portal.records import views

urlpatterns = [
    path("<uuid:public_id>/", views.record, name="record"),
]
