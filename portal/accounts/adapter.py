"""allauth behaviour for the portal: no open sign-up; patients join by invitation."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are created from an invitation (portal.accounts.views.activate) or by staff.
        return False
