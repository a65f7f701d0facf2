"""Wagtail admin screens that showed titles to users who may not see them, and the checks the
hub adds (``hub.side_doors``, ``hub.viewsets``). Each was found by ``tests/test_url_matrix.py``.

The secrets: a page restricted to a group, a draft page under it that is in a workflow, a
person in the directory, a document and an image in a private collection. The user who must
not see them is an IAG chair: an admin user with no page, image, document or people permission.
"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hub.models import StandardPage
from hub.roles import Role
from tests.helpers import is_refused
from tests.hub.factories import PersonFactory, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

RESTRICTED = "Restricted sentinel page"
DRAFT = "Draft sentinel page"
PUBLIC = "Public sentinel page"


def role_user(username, *roles):
    user = UserFactory(username=username)
    for role in roles:
        user.groups.add(Group.objects.get(name=role.value))
    return user


@pytest.fixture
def chair(db):
    return role_user("side-door-chair", Role.IAG_CHAIR)


@pytest.fixture
def central(db):
    return role_user("side-door-central", Role.CENTRAL_TEAM)


@pytest.fixture
def pages(home, superuser):
    """A public page; a page restricted to a group; under it a draft in a workflow."""
    public = StandardPageFactory(parent=home, title=PUBLIC, slug="public-sentinel")
    restricted = StandardPageFactory(parent=home, title=RESTRICTED, slug="restricted-sentinel")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Side-door readers"))
    draft = StandardPage(title=DRAFT, slug="draft-sentinel", intro="-", live=False)
    restricted.add_child(instance=draft)
    draft.save_revision(user=superuser)
    task = GroupApprovalTask.objects.create(name="Side-door approval")
    workflow = Workflow.objects.create(name="Side-door workflow", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=restricted)
    workflow.start(draft, superuser)
    return {"home": home, "public": public, "restricted": restricted, "draft": draft}


def body(response):
    return response.content.decode()


class TestBulkActions:
    def url(self, app_label, model_name, *ids, action="delete"):
        query = "&".join(f"id={pk}" for pk in ids)
        return reverse("wagtail_bulk_action", args=[app_label, model_name, action]) + "?" + query

    def test_the_confirmation_lists_nothing_the_user_may_not_act_on(
        self, client, chair, pages, settings, tmp_path
    ):
        settings.MEDIA_ROOT = tmp_path
        private = Collection.get_first_root_node().add_child(name="Private sentinel collection")
        document = get_document_model().objects.create(
            title="Document sentinel", collection=private, file=ContentFile(b"x", name="d.txt")
        )
        png = io.BytesIO()
        PillowImage.new("RGB", (4, 4)).save(png, "PNG")
        image = get_image_model().objects.create(
            title="Image sentinel", collection=private, file=ContentFile(png.getvalue(), "i.png")
        )
        person = PersonFactory(name="Person sentinel")
        client.force_login(chair)
        for url, secret in (
            (self.url("wagtailcore", "page", pages["draft"].pk), DRAFT),
            (self.url("wagtailcore", "page", pages["draft"].pk, action="move"), DRAFT),
            (self.url("hub", "person", person.pk), "Person sentinel"),
            (self.url("wagtaildocs", "document", document.pk), "Document sentinel"),
            (self.url("wagtailimages", "image", image.pk), "Image sentinel"),
        ):
            response = client.get(url)
            assert is_refused(response), url
            assert secret not in body(response)

    def test_the_items_the_user_may_act_on_are_still_listed(self, client, pages):
        """An editor of one section sees that section's page, not the other page asked for."""
        editors = Group.objects.create(name="Section editors")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in ("add_page", "change_page", "publish_page", "bulk_delete_page"):
            GroupPagePermission.objects.create(
                group=editors,
                page=pages["public"],
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        editor = UserFactory(username="section-editor")
        editor.groups.add(editors)
        client.force_login(editor)
        response = client.get(
            self.url("wagtailcore", "page", pages["public"].pk, pages["draft"].pk)
        )
        assert response.status_code == 200
        assert PUBLIC in body(response)
        assert DRAFT not in body(response)

    def test_a_superuser_still_sees_every_item(self, client, superuser, pages):
        client.force_login(superuser)
        response = client.get(
            self.url("wagtailcore", "page", pages["public"].pk, pages["draft"].pk)
        )
        assert response.status_code == 200
        assert PUBLIC in body(response) and DRAFT in body(response)


class TestPageScreens:
    def test_the_move_confirmation_needs_permission_to_move_the_page(
        self, client, chair, superuser, pages
    ):
        url = reverse("wagtailadmin_pages:move_confirm", args=[pages["draft"].pk, pages["home"].pk])
        client.force_login(chair)
        response = client.get(url)
        assert is_refused(response)
        assert DRAFT not in body(response)
        client.force_login(superuser)
        assert DRAFT in body(client.get(url))

    def test_the_workflow_cancellation_needs_permission_on_the_page(
        self, client, chair, superuser, pages
    ):
        url = reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[pages["draft"].pk])
        client.force_login(chair)
        response = client.get(url)
        assert is_refused(response)
        assert "Side-door workflow" not in body(response)
        client.force_login(superuser)
        assert "Side-door workflow" in body(client.get(url))

    def test_the_feedback_workflow_cancellation_is_for_those_who_may_edit_feedback(
        self, client, chair, central, superuser
    ):
        from tests.iag.factories import QuarterlyFeedbackFactory

        feedback = QuarterlyFeedbackFactory()
        feedback.save_revision(user=superuser)
        feedback.get_workflow().start(feedback, superuser)
        url = reverse(
            "wagtailsnippets_iag_quarterlyfeedback:confirm_workflow_cancellation",
            args=[feedback.pk],
        )
        client.force_login(chair)
        assert is_refused(client.get(url))
        client.force_login(central)
        assert client.get(url).status_code == 200


class TestPageChooser:
    def test_a_user_without_page_permissions_chooses_only_public_pages(self, client, chair, pages):
        client.force_login(chair)
        browse = body(
            client.get(reverse("wagtailadmin_choose_page_child", args=[pages["home"].pk]))
        )
        assert PUBLIC in browse
        assert RESTRICTED not in browse and DRAFT not in browse
        for query in (RESTRICTED, DRAFT):
            found = body(client.get(reverse("wagtailadmin_choose_page_search"), {"q": query}))
            assert RESTRICTED not in found and DRAFT not in found

    def test_they_cannot_browse_inside_a_page_they_could_not_view(self, client, chair, pages):
        client.force_login(chair)
        for page in (pages["restricted"], pages["draft"]):
            response = client.get(reverse("wagtailadmin_choose_page_child", args=[page.pk]))
            assert is_refused(response)
            assert RESTRICTED not in body(response) and DRAFT not in body(response)

    def test_chosen_pages_are_answered_only_for_public_pages(self, client, chair, pages):
        client.force_login(chair)
        ids = [pages[name].pk for name in ("public", "restricted", "draft")]
        response = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": ids})
        assert response.status_code == 200
        assert PUBLIC in body(response)
        assert RESTRICTED not in body(response) and DRAFT not in body(response)

    def test_editors_keep_the_whole_tree(self, client, superuser, pages):
        client.force_login(superuser)
        browse = client.get(
            reverse("wagtailadmin_choose_page_child", args=[pages["restricted"].pk])
        )
        assert DRAFT in body(browse)
        found = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "sentinel"})
        assert RESTRICTED in body(found)


def test_the_task_chooser_is_for_workflow_editors(client, chair, superuser, pages):
    task = GroupApprovalTask.objects.get(name="Side-door approval")
    urls = [
        reverse("wagtailadmin_workflows:task_chooser"),
        reverse("wagtailadmin_workflows:task_chooser_results"),
        reverse("wagtailadmin_workflows:task_chooser_create"),
        reverse("wagtailadmin_workflows:task_chosen", args=[task.pk]),
    ]
    client.force_login(chair)
    for url in urls:
        response = client.get(url)
        assert is_refused(response), url
        assert "Side-door approval" not in body(response)
    client.force_login(superuser)
    assert "Side-door approval" in body(client.get(urls[1]))
