from django.urls import path

from assistant import views

urlpatterns = [
    path("articles/<slug:slug>/", views.article, name="article"),
    path("chat/", views.chat, name="chat"),
    path("chat/new/", views.new_chat, name="chat_new"),
    path("chat/history/", views.history, name="chat_history"),
    path("chat/export.json", views.export_conversations, name="export_conversations"),
    path("chat/<uuid:public_id>/", views.chat, name="chat_conversation"),
    path("chat/<uuid:public_id>/delete/", views.delete_conversation, name="chat_delete"),
]
