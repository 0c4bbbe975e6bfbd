from __future__ import annotations

from allauth.account import app_settings as allauth_settings
from allauth.account.utils import complete_signup, setup_user_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from portal.accounts.forms import ActivationForm
from portal.accounts.services import InvitationError, invitation_redeem


@require_http_methods(["GET", "POST"])
def activate(request: HttpRequest) -> HttpResponse:
    """A patient turns the activation code from their care team into an account.

    On success allauth sends the email-verification link and shows "check your email";
    the patient can sign in once the address is verified.
    """
    if request.user.is_authenticated:
        return redirect("home")
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = invitation_redeem(
                code=data["code"],
                birth_date=data["birth_date"],
                email=data["email"],
                password=data["password1"],
            )
        except InvitationError as exc:
            form.add_error(None, exc.message)
        else:
            setup_user_email(request, user, [])
            return complete_signup(
                request,
                user=user,
                email_verification=allauth_settings.EMAIL_VERIFICATION,
                success_url="/",
            )
    status = 400 if form.errors else 200
    return render(request, "accounts/activate.html", {"form": form}, status=status)
