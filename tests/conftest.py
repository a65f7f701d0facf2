import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached glossary terms must not outlive their rows."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def demo(db):
    """The full demo content, exactly as ``manage.py load_demo`` makes it."""
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def superuser(db):
    from tests.hub.factories import UserFactory

    return UserFactory(username="root", superuser=True)


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"
