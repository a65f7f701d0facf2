"""Rate limits that hold across server processes: hits are counted in the database.

A fixed window per client: ``allow("submit", client_ip, limit=60, window_seconds=600)`` is true
for the first 60 calls from that address in each ten-minute window.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hub.models import ThrottleWindow


def client_key(client_id: str) -> str:
    """A keyed hash, so that no address is stored."""
    return hmac.new(settings.SECRET_KEY.encode(), client_id.encode(), hashlib.sha256).hexdigest()


def window_of(now, window_seconds: int) -> int:
    return int(now.timestamp()) // window_seconds


def allow(scope: str, client_id: str, limit: int, window_seconds: int, now=None) -> bool:
    """Count this hit; true while the client has made no more than ``limit`` in the window."""
    now = now or timezone.now()
    key = {
        "scope": scope,
        "client": client_key(client_id),
        "window": window_of(now, window_seconds),
    }
    with transaction.atomic():
        if not ThrottleWindow.objects.filter(**key).update(hits=F("hits") + 1):
            try:
                with transaction.atomic():
                    ThrottleWindow.objects.create(**key, hits=1)
            except IntegrityError:  # another process created it first
                ThrottleWindow.objects.filter(**key).update(hits=F("hits") + 1)
        hits = ThrottleWindow.objects.filter(**key).values_list("hits", flat=True).get()
    return hits <= limit


def forget_before(scope: str, now, window_seconds: int) -> int:
    """Remove the counts of windows that have ended."""
    deleted, _ = ThrottleWindow.objects.filter(
        scope=scope, window__lt=window_of(now, window_seconds)
    ).delete()
    return deleted
