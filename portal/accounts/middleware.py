"""Session lifetime and the staff MFA requirement, enforced on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Touch the session at most this often: an idle timeout of minutes needs no per-request write.
_TOUCH_EVERY_SECONDS = 30
STAFF_PATH_PREFIXES = ("/staff/", "/admin/")


class SessionTimeoutMiddleware:
    """Sign out after SESSION_IDLE_MINUTES idle or SESSION_ABSOLUTE_HOURS since sign-in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            started = session.setdefault("auth_started", now)
            last_seen = session.get("last_seen", now)
            idle = now - last_seen > settings.SESSION_IDLE_MINUTES * 60
            too_old = now - started > settings.SESSION_ABSOLUTE_HOURS * 3600
            if idle or too_old:
                logout(request)
                messages.info(request, _("You were signed out to keep your record safe."))
                return redirect(f"{reverse('account_login')}?next={request.path}")
            if now - last_seen >= _TOUCH_EVERY_SECONDS or "last_seen" not in session:
                session["last_seen"] = now
        return self.get_response(request)


def has_totp(user: object) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffMFAMiddleware:
    """Staff must enrol an authenticator app before any staff page opens."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "is_staff_role", False)
            and request.path.startswith(STAFF_PATH_PREFIXES)
            and not has_totp(user)
        ):
            messages.warning(
                request, _("Staff accounts need two-step sign-in. Set up your authenticator app.")
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
