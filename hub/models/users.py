import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac


def new_session_token():
    return secrets.token_hex(16)


class User(AbstractUser):
    """A login.

    Defined before the first migration so that it can grow (e.g. two-factor settings) without a
    painful swap later. Who a user *is* on a body (an IAG, a board) is recorded on ``Person``,
    which links to a user only when that person logs in.
    """

    # Part of what every session of this user is signed with: a new token ends them all.
    session_token = models.CharField(max_length=32, default=new_session_token, editable=False)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._was_active = instance.__dict__.get("is_active")
        return instance

    def save(self, *args, **kwargs):
        if getattr(self, "_was_active", False) and not self.is_active:
            # Deactivated: every session ends now, not at its next expiry.
            self.session_token = new_session_token()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "session_token"}
        super().save(*args, **kwargs)
        self._was_active = self.is_active

    def end_sessions(self):
        """Sign this user out everywhere (a membership ended, say): Django checks each session's
        hash against ``get_session_auth_hash``, which the new token changes."""
        self.session_token = new_session_token()
        self.save(update_fields=["session_token"])

    def _get_session_auth_hash(self, secret=None):
        return salted_hmac(
            "hub.User.get_session_auth_hash",
            f"{self.password}:{self.session_token}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()
