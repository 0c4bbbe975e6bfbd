from django.apps import AppConfig


class CareteamConfig(AppConfig):
    name = "portal.careteam"
    label = "careteam"
