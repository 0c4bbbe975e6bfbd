"""allauth behaviour for the portal: no open sign-up; patients join by invitation."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from portal.accounts.middleware import activate_patient_language


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are created from an invitation (portal.accounts.views.activate) or by staff.
        return False

    def login(self, request: HttpRequest, user: Any) -> None:
        super().login(request, user)
        # The sign-in request began anonymous, in the browser's language; the "signed in"
        # message is written now, so speak the patient's language from here on.
        activate_patient_language(request)
