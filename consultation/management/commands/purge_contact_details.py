from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from consultation import services
from consultation.views import THROTTLE_SCOPE
from hub import throttle


class Command(BaseCommand):
    help = (
        "Remove respondents' contact details once the retention period (a site setting) has "
        "passed since their consultation closed, and forget old submission counts. Run daily."
    )

    def handle(self, *args, **options):
        removed = services.purge_expired_contact_details()
        forgotten = throttle.forget_before(
            THROTTLE_SCOPE, timezone.now(), settings.HUB_SUBMISSION_WINDOW_SECONDS
        )
        self.stdout.write(
            f"Contact details removed from {removed} response{'s' if removed != 1 else ''}; "
            f"{forgotten} old submission count{'s' if forgotten != 1 else ''} forgotten."
        )
