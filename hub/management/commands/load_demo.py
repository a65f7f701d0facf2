from argparse import ArgumentTypeError
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import module_has_submodule

from hub import page_cache
from hub.demo import DEMO_PASSWORD


def demo_modules():
    """Each installed project app's ``demo`` module, in INSTALLED_APPS order (hub first)."""
    for app_config in apps.get_app_configs():
        if not app_config.path.startswith(str(settings.BASE_DIR)):
            continue
        if module_has_submodule(app_config.module, "demo"):
            yield import_module(f"{app_config.name}.demo")


def count(value):
    number = int(value)
    if number < 0:
        raise ArgumentTypeError("must be 0 or more")
    return number


class Command(BaseCommand):
    help = (
        "Load the demo content: the public pages from the source documents, the glossary, "
        "invented people, organisations and records, and a demo login per role. Safe to run "
        "again: it adds what is missing and never overwrites changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--responses",
            type=count,
            default=0,
            metavar="N",
            help="For load work: add generated questionnaire responses until the open "
            "consultation holds N in all (the source document plans for up to 15,000).",
        )
        parser.add_argument(
            "--advice",
            type=count,
            default=0,
            metavar="N",
            help="For load work: add generated advice until the IAGs' advice register holds N "
            "in all (10,000 at London scale), spread over four years and every borough's IAG, "
            "with every outcome. Boroughs without an IAG are given one, except Sutton, which "
            "stays the demo's borough with no IAG (the City of London has its own police).",
        )

    def handle(self, *args, **options):
        if not settings.HUB_ALLOW_DEMO_DATA:
            raise CommandError(
                "Demo data (with its well-known passwords) is switched off here. "
                "Set HUB_ALLOW_DEMO_DATA=true only on a machine that is not production."
            )
        # Demo records are made through the same services as real ones; the e-mails those send
        # are kept in memory here, not sent to (or printed for) the invented people.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
            transaction.atomic(),
        ):
            # Every app's load() takes the options; each uses those that concern it.
            demo_options = {"responses": options["responses"], "advice": options["advice"]}
            summaries = [module.load(**demo_options) for module in demo_modules()]
            # Records stored in bulk send no signal: drop the cached public pages by hand.
            transaction.on_commit(page_cache.invalidate)

        self.stdout.write("Demo content ready:")
        for summary in summaries:
            for line in summary.lines:
                self.stdout.write(f"  {line}")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for summary in summaries:
            for login in summary.logins:
                self.stdout.write(f"  {login.username:<20} {login.role}")
