from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "portal.records"
    label = "records"
