from django.conf import settings
from django.urls import path

from assistant import consumers
from portal.careteam.consumers import QueueConsumer

websocket_urlpatterns = [
    path("ws/chat/", consumers.ChatConsumer.as_asgi()),
    path("ws/careteam/", QueueConsumer.as_asgi()),
]

if settings.BENCH_ECHO:  # the load benchmark's baseline; off unless BENCH_ECHO=true
    websocket_urlpatterns.append(path("ws/bench-echo/", consumers.EchoConsumer.as_asgi()))
