from django.urls import path

from portal.careteam import views

urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("queue/rows/", views.queue_table, name="queue_rows"),
    path("escalations/<int:escalation_id>/", views.escalation, name="escalation"),
    path("escalations/<int:escalation_id>/claim/", views.claim, name="escalation_claim"),
    path("escalations/<int:escalation_id>/reply/", views.reply, name="escalation_reply"),
    path("escalations/<int:escalation_id>/close/", views.close, name="escalation_close"),
    path("dashboard/", views.dashboard, name="careteam_dashboard"),
]
