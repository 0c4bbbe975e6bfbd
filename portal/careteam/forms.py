from django import forms
from django.utils.translation import gettext_lazy as _


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply to the patient"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The patient sees this in their chat, with your name and role."),
    )


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Closing note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
