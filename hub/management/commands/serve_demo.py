from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Bring the database up to date, load the demo content and serve the site at "
        "http://127.0.0.1:8000 (the first Quick start command in the README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        call_command("migrate", interactive=False, verbosity=0, stdout=self.stdout)
        call_command("load_demo", stdout=self.stdout)
        self.stdout.write(f"Public site: http://{addrport}/   Admin: http://{addrport}/admin/")
        # No autoreloader: it would run this command (and the migrations) again in a child.
        call_command("runserver", addrport, use_reloader=False)
