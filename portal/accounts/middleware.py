"""Session lifetime, the staff MFA requirement and the patient's language, on every request."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

# Touch the session at most this often: an idle timeout of minutes needs no per-request write.
_TOUCH_EVERY_SECONDS = 30
STAFF_PATH_PREFIXES = ("/staff/", "/admin/")


def session_timed_out(session: SessionBase | Mapping[str, Any], now: float) -> bool:
    """True when a signed-in session is past its idle or absolute limit.

    The same rule closes open websockets (assistant.sessions). A session that has not
    been stamped yet (no request since sign-in) is not timed out.
    """
    started = session.get("auth_started", now)
    last_seen = session.get("last_seen", now)
    idle = now - last_seen > settings.SESSION_IDLE_MINUTES * 60
    too_old = now - started > settings.SESSION_ABSOLUTE_HOURS * 3600
    return bool(idle or too_old)


class SessionTimeoutMiddleware:
    """Sign out after SESSION_IDLE_MINUTES idle or SESSION_ABSOLUTE_HOURS since sign-in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            session.setdefault("auth_started", now)
            last_seen = session.get("last_seen", now)
            if session_timed_out(session, now):
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


class PatientLanguageMiddleware:
    """Speak the signed-in patient's preferred language (Patient.preferred_language).

    Runs after AuthenticationMiddleware and LocaleMiddleware. A language picked with the
    language switch (Django's set_language view, which sets LANGUAGE_COOKIE_NAME) wins:
    it is the patient's choice on this device. Staff and visitors keep what
    LocaleMiddleware chose from the cookie or the browser's Accept-Language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        activate_patient_language(request)
        return self.get_response(request)


def activate_patient_language(request: HttpRequest) -> None:
    """Speak the signed-in patient's preferred language for the rest of this request (see
    PatientLanguageMiddleware). Also called right after sign-in (accounts.adapter), so the
    "signed in" message, written during that request, is in their language too."""
    language = _patient_language(request)
    if language:
        translation.activate(language)
        request.LANGUAGE_CODE = language


def _patient_language(request: HttpRequest) -> str | None:
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return None
    user = request.user
    if not user.is_authenticated or getattr(user, "is_staff_role", False):
        return None
    patient = getattr(user, "patient", None)
    language = getattr(patient, "preferred_language", "")
    return language if language in dict(settings.LANGUAGES) else None
