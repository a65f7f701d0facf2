from django.core.management.base import BaseCommand
from django.utils import timezone

from iag import services


class Command(BaseCommand):
    help = (
        "Tell the central team, by e-mail, about each response to IAG advice that has become "
        "overdue since the last run. Run it daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        count = services.notify_overdue_responses(timezone.localdate())
        self.stdout.write(f"{count} newly overdue response(s) notified.")
