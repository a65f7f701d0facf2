"""Hardening that applies to every request: the Content Security Policy, two-factor sign-in for
the admin, no caching of anything a signed-in user sees, and ending sessions."""

import csp.middleware
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

ADMIN_PREFIX = "/admin/"


# Wagtail 8's admin still runs inline scripts and sets inline styles in its own templates (its
# CSP work, wagtail/wagtail#7053, is unfinished). Behind the sign-in only, and never eval.
ADMIN_ALLOWANCES = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """The strict policy from settings on every public page: scripts and styles from this site
    only. The admin adds ``ADMIN_ALLOWANCES``."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), **ADMIN_ALLOWANCES}
        return parts


class NoStoreMiddleware:
    """``Cache-Control: no-store, private`` on every response to a signed-in user and on every
    admin response, so that nothing confidential is kept by a browser, a proxy or the hub's
    own page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        signed_in = session is not None and "_auth_user_id" in session
        if request.path_info.startswith(ADMIN_PREFIX) or signed_in:
            if "Cache-Control" in response:
                del response["Cache-Control"]
            patch_cache_control(response, no_store=True, no_cache=True, private=True, max_age=0)
        return response


# Admin addresses an unverified user may still reach: signing in and out, resetting a password,
# and the two-factor screens themselves.
TWO_FACTOR_OPEN = ("login/", "logout/", "password_reset/", "two-factor/", "jsi18n/")


class TwoFactorMiddleware:
    """Where two-factor is required, a signed-in user who has not yet entered a code this
    session is sent to enter one (or, the first time, to set an authenticator app up) before
    any admin screen."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.lacks_code(request):
            path = request.path_info
            if not path.startswith(ADMIN_PREFIX):
                # Pages and documents restricted to signed-in users or groups need the code
                # too: until it is entered, the visitor is anonymous outside the admin.
                request.user = AnonymousUser()
            elif not path[len(ADMIN_PREFIX) :].startswith(TWO_FACTOR_OPEN):
                name = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
                next_url = request.get_full_path()
                if not url_has_allowed_host_and_scheme(next_url, allowed_hosts=None):
                    next_url = ADMIN_PREFIX
                return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")
        return self.get_response(request)

    @staticmethod
    def lacks_code(request):
        if not settings.HUB_TWO_FACTOR_REQUIRED:
            return False
        user = request.user
        return user.is_authenticated and not user.is_verified()


def user_has_device(user):
    from django_otp import devices_for_user

    return any(True for _ in devices_for_user(user, confirmed=True))


def client_ip(request):
    """The client's address for login throttling: the connection's, or behind
    ``HUB_REVERSE_PROXIES`` proxies the address the outermost one was reached from. Entries a
    client put in X-Forwarded-For itself lie further left and are never used."""
    proxies = settings.HUB_REVERSE_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
