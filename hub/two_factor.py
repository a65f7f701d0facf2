"""Two-factor sign-in to the admin (django-otp): an authenticator app (TOTP) and ten one-use
backup codes. hub.security.TwoFactorMiddleware sends a signed-in user here until they have
entered a code in this session.

A user who already has an authenticator app confirmed can never set up another from here: a
stolen password alone must not be enough to add a device. A lost device is reset by an
administrator (``manage.py reset_two_factor <username>``).
"""

import io
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views import View
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.security import user_has_device

BACKUP_CODES = 10
APP_DEVICE_NAME = "Authenticator app"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The 6-digit code your authenticator app shows now, or a backup code.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        # Backup codes are lower case; people type them as they like.
        return self.cleaned_data["code"].replace(" ", "").strip().lower()


def next_url(request):
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("wagtailadmin_home")


def spaced(key):
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def signed_in_with(request, device):
    """The session now carries the second factor: give it a new key, as a sign-in does."""
    otp_login(request, device)
    request.session.cycle_key()


PENDING_DEVICE = "hub_two_factor_pending_device"


def qr_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 (made here from our own data)


@method_decorator(login_required, name="dispatch")
class SetupView(View):
    """The first sign-in: scan the code, type what the app shows, receive backup codes."""

    template_name = "hub/two_factor/setup.html"

    def new_pending_device(self, request):
        """A fresh key for this session only: each visit replaces any earlier unconfirmed key,
        so a key shown to one browser can never be confirmed from another."""
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE_NAME, confirmed=False)
        request.session[PENDING_DEVICE] = device.pk
        return device

    def pending_device(self, request):
        return TOTPDevice.objects.filter(
            user=request.user, confirmed=False, pk=request.session.get(PENDING_DEVICE)
        ).first()

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and user_has_device(request.user):
            return redirect(with_next("two_factor_verify", request))
        return super().dispatch(request, *args, **kwargs)

    def render_setup(self, request, form, device):
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "qr": qr_svg(device.config_url),
                "key": spaced(b32encode(device.bin_key).decode()),
                "next": next_url(request),
            },
        )

    def get(self, request):
        return self.render_setup(request, CodeForm(), self.new_pending_device(request))

    def post(self, request):
        device = self.pending_device(request)
        if device is None:  # set up from another browser, or the key was replaced
            return redirect(with_next("two_factor_setup", request))
        form = CodeForm(request.POST)
        if form.is_valid() and device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                # One confirmation per user, even from two requests at once.
                get_user_model().objects.select_for_update().get(pk=request.user.pk)
                if user_has_device(request.user):
                    return redirect(with_next("two_factor_verify", request))
                device.confirmed = True
                device.save()
                backup = StaticDevice.objects.create(user=request.user, name="Backup codes")
                codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
                StaticToken.objects.bulk_create(
                    StaticToken(device=backup, token=code) for code in codes
                )
            request.session.pop(PENDING_DEVICE, None)
            signed_in_with(request, device)
            return render(
                request,
                "hub/two_factor/backup_codes.html",
                {"codes": codes, "next": next_url(request)},
            )
        if form.is_valid():
            form.add_error("code", "That code is not right. Type the code the app shows now.")
        return self.render_setup(request, form, device)


@method_decorator(login_required, name="dispatch")
class VerifyView(View):
    template_name = "hub/two_factor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not user_has_device(request.user):
            return redirect(with_next("two_factor_setup", request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": CodeForm(), "next": next_url(request)})

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            device = match_token(request.user, form.cleaned_data["code"])
            if device is not None:
                signed_in_with(request, device)
                return redirect(next_url(request))
            form.add_error("code", "That code is not right, or has been used.")
        return render(request, self.template_name, {"form": form, "next": next_url(request)})
