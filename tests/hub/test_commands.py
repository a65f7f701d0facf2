import io

import pytest
from django.core.management import CommandError, call_command

from hub.models import User

pytestmark = pytest.mark.django_db


def test_it_refuses_to_run_where_demo_data_is_switched_off(db, settings):
    settings.HUB_ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="switched off"):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="admin").exists()
