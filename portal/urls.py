from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from portal import views
from portal.accounts import views as account_views

# The admin signs in through allauth (two-step sign-in, login rate limits), never through
# its own password-only form.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

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
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switch
]
