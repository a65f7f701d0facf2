"""Replace Wagtail's placeholder "Welcome" page with the hub's home page and point the site at it."""

from django.db import migrations

HOME_INTRO = (
    "Where the police service and its community partners keep their engagement work: "
    "independent advisory groups, partnership boards, youth consultations and the volunteer "
    "programme."
)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("hub", "HomePage")

    placeholder = Page.objects.filter(
        depth=2,
        slug="home",
        content_type__app_label="wagtailcore",
        content_type__model="page",
    ).first()
    locale = placeholder.locale if placeholder else Locale.objects.order_by("pk").first()
    if placeholder:
        placeholder.delete()  # its Site goes with it (on_delete=CASCADE)

    content_type, _ = ContentType.objects.get_or_create(app_label="hub", model="homepage")
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        intro=HOME_INTRO,
    )
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Partnership and consultation hub",
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("hub", "HomePage").objects.filter(depth=2, slug="home").delete()


class Migration(migrations.Migration):
    dependencies = [("hub", "0003_load_boroughs")]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
