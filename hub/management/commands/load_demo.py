from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hub.demo import loader


class Command(BaseCommand):
    help = (
        "Load the demo content: the public pages from the source documents, the glossary, "
        "invented people and organisations, and a demo login per role. Safe to run again."
    )

    def handle(self, *args, **options):
        if not settings.HUB_ALLOW_DEMO_DATA:
            raise CommandError(
                "Demo data (with its well-known passwords) is switched off here. "
                "Set HUB_ALLOW_DEMO_DATA=true only on a machine that is not production."
            )
        with transaction.atomic():
            summary = loader.load()

        self.stdout.write(
            f"Demo content ready: {summary['pages_live']} live pages "
            f"({summary['pages_created']} new), {summary['terms_created']} new glossary terms, "
            f"{summary['people']} people, {summary['organisations']} organisations."
        )
        self.stdout.write(f"Demo logins (password for all: {loader.DEMO_PASSWORD}):")
        for login in summary["logins"]:
            self.stdout.write(f"  {login.username:<20} {login.role}")
