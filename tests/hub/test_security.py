"""Hardening: headers, caching, login throttling, the same answer for known and unknown
accounts, two-factor sign-in, sessions that end, upload limits and error pages."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.roles import Role
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def staff(db):
    user = UserFactory(username="staff-user", email="staff@example.org")
    user.groups.add(Group.objects.get(name=Role.CENTRAL_TEAM.value))
    return user


def sign_in(client, username, password=PASSWORD, address="10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


class TestHeaders:
    def test_public_pages_carry_a_strict_content_security_policy(self, client, home):
        policy = client.get("/")["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert directives["object-src"] == "'none'"
        assert "unsafe" not in policy

    def test_the_admin_allows_its_own_inline_scripts_but_never_eval(self, client, staff):
        client.force_login(staff)
        policy = client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"]
        assert "'unsafe-inline'" in policy
        assert "unsafe-eval" not in policy

    def test_nosniff_referrer_and_framing(self, client, home):
        response = client.get("/")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin" or response["Referrer-Policy"]
        assert response["X-Frame-Options"] == "DENY"

    def test_signed_in_responses_are_never_stored(self, client, staff, home):
        assert "no-store" not in client.get("/").get("Cache-Control", "")
        client.force_login(staff)
        for url in ("/", reverse("wagtailadmin_home"), reverse("iag_advice:index")):
            cache_control = client.get(url)["Cache-Control"]
            assert "no-store" in cache_control and "private" in cache_control, url

    def test_the_login_page_is_never_stored(self, client):
        assert "no-store" in client.get(reverse("wagtailadmin_login"))["Cache-Control"]


class TestLogin:
    def test_known_and_unknown_usernames_get_the_same_answer(self, client, staff):
        known = sign_in(client, "staff-user", "wrong-password")
        unknown = sign_in(client, "nobody-at-all", "wrong-password")
        assert known.status_code == unknown.status_code == 200
        assert known.context["form"].errors == unknown.context["form"].errors

    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_repeated_failures_lock_the_username_and_address_out(self, client, staff):
        for _ in range(2):
            assert sign_in(client, "staff-user", "wrong").status_code == 200
        assert sign_in(client, "staff-user", "wrong").status_code == 429
        locked = sign_in(client, "staff-user")  # the right password, during the lock-out
        assert locked.status_code == 429
        assert "too many failed attempts" in locked.content.decode()
        assert "_auth_user_id" not in client.session
        # Another address is not locked out by this one's failures.
        assert sign_in(client, "staff-user", address="10.0.0.2").status_code == 302

    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_behind_a_proxy_the_forwarded_address_is_counted(self, client, settings, staff):
        settings.AXES_FAILURE_LIMIT = 2
        settings.HUB_REVERSE_PROXIES = 1

        def through_proxy(address, password):
            return client.post(
                reverse("wagtailadmin_login"),
                {"username": "staff-user", "password": password},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR=address,
            )

        assert [through_proxy("203.0.113.5", "wrong").status_code for _ in range(2)] == [200, 429]
        # A forged entry further left changes nothing: the proxy's own entry is the one used.
        assert through_proxy("198.51.100.9, 203.0.113.5", PASSWORD).status_code == 429
        assert through_proxy("198.51.100.9", PASSWORD).status_code == 302

    def test_an_unknown_username_is_locked_out_just_the_same(self, client):
        responses = [sign_in(client, "nobody-at-all", "wrong") for _ in range(3)]
        assert [r.status_code for r in responses] == [200, 200, 429]

    def test_password_reset_says_the_same_for_known_and_unknown_addresses(self, client, staff):
        url = reverse("wagtailadmin_password_reset")
        known = client.post(url, {"email": "staff@example.org"})
        unknown = client.post(url, {"email": "nobody@example.org"})
        assert known.status_code == unknown.status_code == 302
        assert known["Location"] == unknown["Location"]
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["staff@example.org"]


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


class TestTwoFactor:
    @pytest.fixture(autouse=True)
    def _required(self, settings):
        settings.HUB_TWO_FACTOR_REQUIRED = True
        # django-otp pauses a device for 2^(n-1) seconds after n wrong codes; the tests that
        # type a wrong code and then the right one switch the pause off, except the one below.
        settings.OTP_TOTP_THROTTLE_FACTOR = 0

    def test_a_wrong_code_pauses_the_device(self, client, staff, settings):
        settings.OTP_TOTP_THROTTLE_FACTOR = 1
        device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
        sign_in(client, "staff-user")
        assert client.post(reverse("two_factor_verify"), {"code": "000000"}).status_code == 200
        right_too_soon = client.post(reverse("two_factor_verify"), {"code": current_code(device)})
        assert right_too_soon.status_code == 200
        assert "That code is not right" in right_too_soon.content.decode()

    def test_the_first_sign_in_sets_up_an_app_and_gives_backup_codes(self, client, staff):
        assert sign_in(client, "staff-user").status_code == 302
        response = client.get(reverse("iag_advice:index"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor_setup"))
        setup = client.get(response["Location"])
        assert "<svg" in setup.content.decode()
        device = TOTPDevice.objects.get(user=staff, confirmed=False)

        wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
        assert wrong.status_code == 200
        assert "That code is not right" in wrong.content.decode()
        device.refresh_from_db()
        assert not device.confirmed

        done = client.post(
            reverse("two_factor_setup"),
            {"code": current_code(device), "next": "/admin/iag_advice/"},
        )
        assert done.status_code == 200
        assert len(done.context["codes"]) == 10
        assert client.get(reverse("iag_advice:index")).status_code == 200

    def test_a_password_alone_never_reaches_the_admin(self, client, staff):
        device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
        sign_in(client, "staff-user")
        for url in (reverse("wagtailadmin_home"), reverse("iag_advice:index"), "/admin/pages/"):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("two_factor_verify"))
        # Nor can someone with the password alone add a second app.
        assert client.get(reverse("two_factor_setup"))["Location"].startswith(
            reverse("two_factor_verify")
        )
        assert TOTPDevice.objects.filter(user=staff).count() == 1
        assert client.post(reverse("two_factor_verify"), {"code": "123456"}).status_code == 200
        response = client.post(
            reverse("two_factor_verify"),
            {"code": current_code(device), "next": "https://evil.example/"},
        )
        assert response["Location"] == reverse("wagtailadmin_home")  # never off the site
        assert client.get(reverse("iag_advice:index")).status_code == 200

    def test_a_backup_code_works_once(self, client, staff):
        from django_otp.plugins.otp_static.models import StaticDevice

        TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
        StaticDevice.objects.create(user=staff, name="Backup").token_set.create(token="abcd1234")
        sign_in(client, "staff-user")
        assert client.post(reverse("two_factor_verify"), {"code": "ABCD 1234"}).status_code == 302
        client.logout()
        sign_in(client, "staff-user")
        assert client.post(reverse("two_factor_verify"), {"code": "abcd1234"}).status_code == 200

    def test_the_public_site_needs_no_code(self, client, staff, home):
        sign_in(client, "staff-user")
        assert client.get("/").status_code == 200

    def test_restricted_pages_need_the_code_too(self, client, staff, home):
        from wagtail.models import PageViewRestriction

        from tests.hub.factories import StandardPageFactory

        page = StandardPageFactory(parent=home, title="For signed-in users")
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
        sign_in(client, "staff-user")
        response = client.get(page.url)
        assert response.status_code == 302  # to sign in: a password alone is not enough
        client.post(reverse("two_factor_verify"), {"code": current_code(device)})
        assert client.get(page.url).status_code == 200

    def test_a_key_shown_to_one_browser_cannot_be_confirmed_from_another(self, client, staff):
        sign_in(client, "staff-user")
        client.get(reverse("two_factor_setup"))
        first_key = TOTPDevice.objects.get(user=staff, confirmed=False)
        other = Client()
        sign_in(other, "staff-user", address="10.0.0.7")
        # The other browser cannot confirm the first one's key...
        posted = other.post(reverse("two_factor_setup"), {"code": current_code(first_key)})
        assert posted.status_code == 302
        # ...and opening the page replaces it, so the first browser's key is gone too.
        other.get(reverse("two_factor_setup"))
        assert not TOTPDevice.objects.filter(pk=first_key.pk).exists()
        client.post(reverse("two_factor_setup"), {"code": current_code(first_key)})
        assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()

    def test_entering_a_code_gives_the_session_a_new_key(self, client, staff):
        device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
        sign_in(client, "staff-user")
        before = client.session.session_key
        client.post(reverse("two_factor_verify"), {"code": current_code(device)})
        assert client.session.session_key != before
        assert client.get(reverse("wagtailadmin_home")).status_code == 200

    def test_an_administrator_resets_a_lost_device(self, client, staff):
        from django.core.management import call_command

        TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
        call_command("reset_two_factor", "staff-user", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert not TOTPDevice.objects.filter(user=staff).exists()


class TestSessionsEnd:
    def test_when_a_user_is_deactivated_in_bulk(self, client, staff):
        from tests.hub.factories import UserFactory as Users

        client.force_login(staff)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        admin = Client()
        admin.force_login(Users(username="the-admin", is_superuser=True))
        url = reverse("hub_bulk_action", args=["hub", "user", "set_active_state"])
        for active in ("False", "True"):
            response = admin.post(f"{url}?id={staff.pk}", {"mark_as_active": active})
            assert response.status_code == 302
        staff.refresh_from_db()
        assert staff.is_active
        response = client.get(reverse("wagtailadmin_home"))
        assert response["Location"].startswith(reverse("wagtailadmin_login"))

    def test_when_a_user_is_deactivated(self, client, staff):
        client.force_login(staff)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        staff.is_active = False
        staff.save()
        staff.is_active = True  # even if they were reactivated at once, the old session is gone
        staff.save()
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


class TestLimits:
    def test_an_oversized_post_is_refused(self, client, settings, staff):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
        response = client.post(
            reverse("wagtailadmin_login"), {"username": "staff-user", "password": "x" * 5000}
        )
        assert response.status_code == 400
        assert "_auth_user_id" not in client.session

    def test_error_pages_reveal_nothing(self, client, home):
        response = client.get("/no-such-page-at-all/")
        assert response.status_code == 404
        body = response.content.decode()
        assert "Traceback" not in body and "urlpatterns" not in body and "DEBUG" not in body
        assert "Page not found" in body


def test_every_role_is_a_wagtail_group_that_signs_in_to_the_admin(db):
    """Every role an app gives permissions to (the roles of capabilities not yet built have
    none, and no group until they do)."""
    from hub.roles import ROLE_PERMISSIONS as HUB_ROLES
    from iag.roles import ROLE_PERMISSIONS as IAG_ROLES

    in_use = {*HUB_ROLES, *IAG_ROLES}
    assert {Role.CENTRAL_TEAM, Role.IAG_CHAIR, Role.IAG_MEMBER, Role.POLICE_LEAD} <= in_use
    for role in in_use:
        group = Group.objects.get(name=role.value)
        assert group.permissions.filter(codename="access_admin").exists(), role
