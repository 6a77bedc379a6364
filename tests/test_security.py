"""Security: the content security policy, login throttling, the second factor for staff and
what production refuses to start with."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.test_settings import GOOD_KEY, run_check

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def test_every_page_has_a_policy_without_inline_script(client, admin_client):
    for response in [client.get("/en/"), client.get("/admin/login/"), admin_client.get("/admin/")]:
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert "'unsafe-inline'" not in directives["script-src"]
        assert directives["default-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"


def test_the_rich_text_editors_import_map_carries_the_requests_nonce(admin_client):
    from projects.models import Project

    project = Project.objects.get(key="wapis")
    response = admin_client.get(f"/admin/projects/project/{project.pk}/change/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "clerk", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password, address="10.0.0.1", **extra):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "clerk", "password": password, **extra},
        REMOTE_ADDR=address,
    )


def test_repeated_wrong_passwords_lock_the_account_from_that_address(staff, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = log_in(client, "wrong")
    assert locked.status_code == 429
    # Now even the right password is refused, with a clear message in the visitor's language.
    french = log_in(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 429
    assert "15 minutes" in french.content.decode()
    assert "_auth_user_id" not in client.session
    # The same account from another address, and another account from this one, still work.
    assert log_in(Client(), PASSWORD, address="10.0.0.2").status_code == 302


def test_a_locked_account_message_is_translated(staff, settings):
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    page = log_in(client, PASSWORD).content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "15" in page and "too many" not in page.lower()


def test_without_the_second_factor_required_staff_log_in_with_a_password(staff, settings):
    settings.OTP_REQUIRED_FOR_STAFF = False
    client = Client()
    assert log_in(client, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_the_second_factor_required_staff_need_their_code(staff, settings):
    settings.OTP_REQUIRED_FOR_STAFF = True
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client = Client()
    page = client.get("/admin/login/").content.decode()
    assert 'name="otp_token"' in page
    assert log_in(client, PASSWORD).status_code == 200  # refused without a code
    assert client.get("/admin/").status_code == 302
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    response = log_in(client, PASSWORD, otp_device=device.persistent_id, otp_token=f"{code:06d}")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert timezone.now()  # (device state advanced: a code works once)


@pytest.fixture
def phone(staff, settings):
    """The second factor required, and the staff member's authenticator."""
    settings.OTP_REQUIRED_FOR_STAFF = True
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def code_now(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code(device):
    """A code no clock drift makes right: none of the steps the device accepts now."""
    accepted = {
        f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"
        for drift in range(-device.tolerance - 1, device.tolerance + 2)
    }
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in accepted)


def answer(response):
    """The page as a guesser reads it, less what changes on every request anyway."""
    page = response.content.decode()
    return re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"', r'\1=""', page)


def test_a_wrong_code_gets_the_same_answer_as_a_wrong_password(phone):
    right_password_wrong_code = log_in(Client(), PASSWORD, otp_token=wrong_code(phone))
    wrong_password_right_code = log_in(Client(), "wrong", otp_token=code_now(phone))
    wrong_password_wrong_code = log_in(Client(), "wrong", otp_token=wrong_code(phone))
    responses = [right_password_wrong_code, wrong_password_right_code, wrong_password_wrong_code]
    assert {response.status_code for response in responses} == {200}
    errors = {str(response.context["form"].errors) for response in responses}
    assert len(errors) == 1
    assert "authentication code" in errors.pop()
    # Byte for byte the same page: the same message, no list of devices, no password kept.
    assert answer(right_password_wrong_code) == answer(wrong_password_right_code)
    assert answer(right_password_wrong_code) == answer(wrong_password_wrong_code)
    assert 'name="otp_device"' not in answer(right_password_wrong_code)
    assert PASSWORD not in answer(right_password_wrong_code)


def test_wrong_codes_from_one_address_lock_out_that_address_not_the_owner(phone, settings):
    guesser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(guesser, PASSWORD, address="10.0.0.66", otp_token=wrong_code(phone))
        assert response.status_code == 200
    # The owner, from their own address, with their password and code: in.
    owner = Client()
    assert (
        log_in(owner, PASSWORD, address="10.0.0.7", otp_token=code_now(phone)).status_code == 302
    )
    assert owner.get("/admin/").status_code == 200
    # The guesser's last try is refused, and from then on so is even the right password and code.
    assert (
        log_in(guesser, PASSWORD, address="10.0.0.66", otp_token=wrong_code(phone)).status_code
        == 429
    )
    phone.refresh_from_db()
    phone.last_t = -1  # (the owner used this step's code; a code is accepted once)
    phone.save()
    locked = log_in(guesser, PASSWORD, address="10.0.0.66", otp_token=code_now(phone))
    assert locked.status_code == 429
    assert "15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in guesser.session


def test_a_missing_code_is_refused_without_trying_the_password(phone):
    wrong = log_in(Client(), "wrong")
    right = log_in(Client(), PASSWORD)
    assert answer(wrong) == answer(right)
    assert list(right.context["form"].errors) == ["otp_token"]


def test_staff_without_a_verified_device_cannot_use_the_admin_when_it_is_required(staff, settings):
    settings.OTP_REQUIRED_FOR_STAFF = True
    client = Client()
    client.force_login(staff)
    assert client.get("/admin/").status_code == 302


def test_enrol_totp_creates_a_device_and_prints_its_address(staff):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("enrol_totp", "clerk", stdout=out)
    assert "otpauth://totp/" in out.getvalue()
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).count() == 1


def test_production_refuses_any_host():
    result = run_check({"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "*"})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_hsts_preload_is_opt_in():
    script = "from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD)"
    env = {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "example.org"}
    assert run_check(env, "-c", script, command="shell").stdout.strip().endswith("False")
    env["DJANGO_HSTS_PRELOAD"] = "true"
    assert run_check(env, "-c", script, command="shell").stdout.strip().endswith("True")
