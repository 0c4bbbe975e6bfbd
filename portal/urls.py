from django.contrib import admin
from django.urls import include, path

from portal import views
from portal.accounts import views as account_views

urlpatterns = [
    path("", views.home, name="home"),
    path("activate/", account_views.activate, name="activate"),
    path("staff/", views.staff_home, name="staff_home"),
    path("staff/", include("portal.careteam.urls")),
    path("staff/moderation/", include("portal.moderation.urls")),
    path("patients/", include("portal.records.urls")),
    path("", include("assistant.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
]
