from django.urls import path

from portal.moderation import views

urlpatterns = [
    path("", views.queue, name="moderation_queue"),
    path("flags/<int:flag_id>/", views.flag_detail, name="moderation_flag"),
    path("knowledge/", views.knowledge, name="moderation_knowledge"),
    path("knowledge/versions/<int:version_id>/", views.version, name="moderation_version"),
    path("knowledge/versions/<int:version_id>/approve/", views.approve, name="moderation_approve"),
    path("guard/", views.guard, name="moderation_guard"),
    path("audit/", views.audit, name="moderation_audit"),
]
