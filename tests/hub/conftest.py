import pytest

from hub.models.pages import StandardPage


@pytest.fixture
def page(home, django_capture_on_commit_callbacks):
    """A published standard page (tests/hub/test_page_cache*.py)."""
    with django_capture_on_commit_callbacks(execute=True):
        standard = home.add_child(instance=StandardPage(title="Getting involved", slug="involved"))
        standard.save_revision().publish()
    return standard
