"""The admin's login when staff need a second factor: username, password and TOTP code are
checked together and answered as one, and every failure is counted by django-axes per username
and address, as a wrong password is."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class CodeInput(forms.TextInput):
    """A code serves once: the form never writes it back into the page."""

    def format_value(self, value):
        return None


class SecondFactorLoginForm(AdminAuthenticationForm):
    """django-otp's admin form answered a right password with a wrong code differently from a
    wrong password ("Invalid token", the user's devices listed, the password kept in its field),
    which told a guesser the password was right; and its throttle, per device, let that guesser
    lock the owner out from anywhere. Here any failure gets the same message and the same empty
    form, and is one failed login for axes (AXES_LOCKOUT_PARAMETERS: per username and address),
    so the password and the code are guessed together, from one address at a time."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        # One message for a wrong username, password or code (and for a non-staff account).
        "invalid_login": _(
            "Please enter the correct username, password and authentication code for a staff "
            "account. Note that the username and password may be case-sensitive."
        ),
    }

    otp_token = forms.CharField(
        label=_("Authentication code"),
        max_length=16,
        widget=CodeInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        token = self.cleaned_data.get("otp_token")
        if not token:
            # The field's own error, whatever the password: nothing is checked, nothing learnt.
            return self.cleaned_data
        try:
            super().clean()  # the password (axes counts a wrong one) and the staff flag
        except ValidationError:
            if self.user_cache is None:
                raise  # a wrong password, already counted by axes through authenticate()
            device = None  # the right password of an account that is not staff
        else:
            device = matching_device(self.user_cache, token)
        if device is None:
            self.user_cache = None
            # The password was right, so authenticate() told axes nothing: this failure counts.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        # django-otp marks the session as verified by this device when the user logs in.
        self.user_cache.otp_device = device
        return self.cleaned_data


def matching_device(user, token):
    """The user's TOTP device that accepts ``token`` (a code is accepted once), or None.
    django-otp's own throttle is off (OTP_TOTP_THROTTLE_FACTOR): it is per device, so it counted
    every address's wrong codes against the account and locked its owner out."""
    with transaction.atomic():
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update()
        return next((device for device in devices if device.verify_token(token)), None)
