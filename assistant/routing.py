from django.urls import path

from assistant import consumers
from portal.careteam.consumers import QueueConsumer

websocket_urlpatterns = [
    path("ws/chat/", consumers.ChatConsumer.as_asgi()),
    path("ws/careteam/", QueueConsumer.as_asgi()),
]
