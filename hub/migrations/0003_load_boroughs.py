"""Load the 32 London boroughs and the City of London (reference data, with ONS codes)."""

from django.db import migrations
from django.utils.text import slugify

BOROUGHS = [
    ("E09000001", "City of London", False),
    ("E09000002", "Barking and Dagenham", True),
    ("E09000003", "Barnet", True),
    ("E09000004", "Bexley", True),
    ("E09000005", "Brent", True),
    ("E09000006", "Bromley", True),
    ("E09000007", "Camden", True),
    ("E09000008", "Croydon", True),
    ("E09000009", "Ealing", True),
    ("E09000010", "Enfield", True),
    ("E09000011", "Greenwich", True),
    ("E09000012", "Hackney", True),
    ("E09000013", "Hammersmith and Fulham", True),
    ("E09000014", "Haringey", True),
    ("E09000015", "Harrow", True),
    ("E09000016", "Havering", True),
    ("E09000017", "Hillingdon", True),
    ("E09000018", "Hounslow", True),
    ("E09000019", "Islington", True),
    ("E09000020", "Kensington and Chelsea", True),
    ("E09000021", "Kingston upon Thames", True),
    ("E09000022", "Lambeth", True),
    ("E09000023", "Lewisham", True),
    ("E09000024", "Merton", True),
    ("E09000025", "Newham", True),
    ("E09000026", "Redbridge", True),
    ("E09000027", "Richmond upon Thames", True),
    ("E09000028", "Southwark", True),
    ("E09000029", "Sutton", True),
    ("E09000030", "Tower Hamlets", True),
    ("E09000031", "Waltham Forest", True),
    ("E09000032", "Wandsworth", True),
    ("E09000033", "Westminster", True),
]


def load_boroughs(apps, schema_editor):
    Borough = apps.get_model("hub", "Borough")
    for gss_code, name, policed_by_mps in BOROUGHS:
        Borough.objects.update_or_create(
            gss_code=gss_code,
            defaults={"name": name, "slug": slugify(name), "policed_by_mps": policed_by_mps},
        )


def unload_boroughs(apps, schema_editor):
    apps.get_model("hub", "Borough").objects.filter(
        gss_code__in=[code for code, _, _ in BOROUGHS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("hub", "0002_public_pages_and_settings")]

    operations = [migrations.RunPython(load_boroughs, unload_boroughs)]
