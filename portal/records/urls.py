from django.urls import path

from portal.records import views

urlpatterns = [
    path("<uuid:public_id>/", views.record, name="record"),
    path("<uuid:public_id>/preventive/", views.preventive, name="preventive"),
    path("<uuid:public_id>/export/record.json", views.export_record, name="export_record"),
]
