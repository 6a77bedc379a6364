"""The labels of the security records' admin (django-axes, django-otp's TOTP devices), for our
catalogue: those libraries mark them for translation but ship none of our languages. Listed here
as the libraries spell them, so ``makemessages`` puts each msgid in our ``django.po``, whose
translation then names them (Django looks a msgid up in our catalogue first, whoever marked
it). ``tests/test_admin_order.py`` checks this list against the installed libraries."""

from django.utils.translation import gettext_noop

LABELS = (
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("ID"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Access Attempt"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("TOTP device"),
    gettext_noop("TOTP devices"),
    gettext_noop("user"),
    gettext_noop("The user that this device belongs to."),
    gettext_noop("name"),
    gettext_noop("The human-readable name of this device."),
    gettext_noop("confirmed"),
    gettext_noop("Is this device ready for use?"),
    gettext_noop("throttling failure timestamp"),
    gettext_noop(
        "A timestamp of the last failed verification attempt. Null if last attempt succeeded."
    ),
    gettext_noop("throttling failure count"),
    gettext_noop("Number of successive failed attempts."),
    gettext_noop("created at"),
    gettext_noop("The date and time when this device was initially created in the system."),
    gettext_noop("last used at"),
    gettext_noop("The most recent date and time this device was used."),
    gettext_noop("key"),
    gettext_noop("A hex-encoded secret key of up to 40 bytes."),
    gettext_noop("step"),
    gettext_noop("The time step in seconds."),
    gettext_noop("t0"),
    gettext_noop("The Unix time at which to begin counting steps."),
    gettext_noop("digits"),
    gettext_noop("The number of digits to expect in a token."),
    gettext_noop("tolerance"),
    gettext_noop("The number of time steps in the past or future to allow."),
    gettext_noop("drift"),
    gettext_noop("The number of time steps the prover is known to deviate from our clock."),
    gettext_noop("last t"),
    gettext_noop(
        "The t value of the latest verified token. The next token must be at a higher time step."
    ),
    gettext_noop("Locked Out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
)
