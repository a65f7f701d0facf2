"""Remove a user's two-factor devices (a lost phone): they set up a new app at their next
sign-in, after their password. Their sessions end at once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Reset a user's two-factor sign-in, for example after a lost phone."

    def add_arguments(self, parser):
        parser.add_argument("username")

    @transaction.atomic
    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as missing:
            raise CommandError(f"No user {username!r}.") from missing
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        user.end_sessions()
        self.stdout.write(f"Removed {removed} device(s) of {username}; their sessions ended.")
