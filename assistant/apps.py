from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "assistant"

    def ready(self) -> None:
        # Signal receivers that close a user's websockets when their session ends.
        from assistant import sessions  # noqa: F401
