"""Wagtail admin screens that showed titles to users who may not see them, and the checks the
hub adds (``hub.side_doors``, ``hub.viewsets``). Each was found by ``tests/test_url_matrix.py``.

The secrets: a page restricted to a group, a draft page under it that is in a workflow, a
person in the directory, a document and an image in a private collection, and their tags. The
user who must not see them is an IAG chair: an admin user with no page, image, document or
people permission; and, for pages, an editor of one section, and for tags, an editor of the
images and documents of one collection.
"""

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hub.models import StandardPage
from hub.roles import Role
from tests.helpers import is_refused
from tests.hub.factories import (
    FAQPageFactory,
    PersonFactory,
    StandardPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

RESTRICTED = "Restricted sentinel page"
DRAFT = "Draft sentinel page"
PUBLIC = "Public sentinel page"
OWN_DRAFT = "Own draft sentinel page"
MIDDLE = "Middle sentinel page"
OWN = "Own sentinel page"


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


EDITING = ("add_page", "change_page", "publish_page")


def page_editor(username, page, group_name, codenames=EDITING):
    """A user whose group may add, edit and publish ``page`` and the pages below it."""
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = UserFactory(username=username)
    user.groups.add(group)
    return user


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

    def test_a_superuser_keeps_the_whole_tree(self, client, superuser, pages):
        client.force_login(superuser)
        browse = client.get(
            reverse("wagtailadmin_choose_page_child", args=[pages["restricted"].pk])
        )
        assert DRAFT in body(browse)
        found = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "sentinel"})
        assert RESTRICTED in body(found)

    def test_a_section_editor_chooses_their_own_pages_and_public_pages(self, client, pages):
        """A permission on one section no longer opens the whole tree: the restricted page and
        the draft under it are outside this editor's section."""
        editor = page_editor("section-editor", pages["public"], "Section editors")
        own = StandardPage(title=OWN_DRAFT, slug="own-draft", intro="-", live=False)
        pages["public"].add_child(instance=own)
        client.force_login(editor)

        home = body(client.get(reverse("wagtailadmin_choose_page_child", args=[pages["home"].pk])))
        assert PUBLIC in home
        assert RESTRICTED not in home and DRAFT not in home
        section = body(
            client.get(reverse("wagtailadmin_choose_page_child", args=[pages["public"].pk]))
        )
        assert OWN_DRAFT in section
        found = body(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "sentinel"}))
        assert PUBLIC in found and OWN_DRAFT in found
        assert RESTRICTED not in found and DRAFT not in found
        for page in (pages["restricted"], pages["draft"]):
            response = client.get(reverse("wagtailadmin_choose_page_child", args=[page.pk]))
            assert is_refused(response)
            assert RESTRICTED not in body(response) and DRAFT not in body(response)
        ids = [own.pk, pages["restricted"].pk, pages["draft"].pk]
        chosen = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": ids})
        assert [page["id"] for page in json.loads(chosen.content)["result"]] == [own.pk]

    def test_a_site_editor_keeps_the_tree_they_may_edit(self, client, pages):
        """Site editors edit every page under the home page, drafts and restricted pages too."""
        editor = page_editor("site-editor", pages["home"], Role.SITE_EDITOR.value)
        client.force_login(editor)
        browse = client.get(
            reverse("wagtailadmin_choose_page_child", args=[pages["restricted"].pk])
        )
        assert browse.status_code == 200
        assert RESTRICTED in body(browse) and DRAFT in body(browse)
        found = body(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "sentinel"}))
        assert PUBLIC in found and RESTRICTED in found and DRAFT in found

    def test_a_search_result_names_its_parent_only_if_the_user_may_see_it(self, client, pages):
        """An editor of a page deep inside the restricted section may explore down to it, from
        the page above it; the restricted page above that is not theirs to see."""
        middle = StandardPageFactory(parent=pages["restricted"], title=MIDDLE, slug="middle")
        own = StandardPageFactory(parent=middle, title=OWN, slug="own")
        editor = page_editor("deep-editor", own, "Deep editors")
        client.force_login(editor)
        found = body(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "sentinel"}))
        assert MIDDLE in found and OWN in found and PUBLIC in found
        assert RESTRICTED not in found and DRAFT not in found

    def test_a_typed_chooser_does_not_start_inside_a_page_the_user_may_not_see(
        self, client, chair, superuser, pages
    ):
        """Wagtail opens a chooser for one page type at the common ancestor of every page of
        that type: here, the restricted page."""
        FAQPageFactory(parent=pages["restricted"], title="Restricted questions", slug="faq")
        url = reverse("wagtailadmin_choose_page")
        client.force_login(chair)
        response = client.get(url, {"page_type": "hub.faqpage"})
        assert response.status_code == 200
        assert RESTRICTED not in body(response)
        assert "Restricted questions" not in body(response)
        client.force_login(superuser)
        assert RESTRICTED in body(client.get(url, {"page_type": "hub.faqpage"}))

    def test_the_link_chooser_still_works(self, client, chair, pages):
        client.force_login(chair)
        links = {
            "allow_external_link": "true",
            "allow_email_link": "true",
            "allow_phone_link": "true",
            "allow_anchor_link": "true",
        }
        browse = client.get(reverse("wagtailadmin_choose_page"), links)
        assert json.loads(browse.content)["step"] == "browse"
        assert pages["home"].title in body(browse)
        external = client.get(reverse("wagtailadmin_choose_page_external_link"), links)
        assert json.loads(external.content)["step"] == "external_link"

    def test_a_typed_address_becomes_a_page_link_only_for_pages_the_user_may_choose(
        self, client, chair, pages
    ):
        """The link chooser turns an address on this site into a link to the page found there,
        with its title: the restricted page's title, for anyone who typed its address."""
        url = reverse("wagtailadmin_choose_page_external_link")
        client.force_login(chair)

        def chosen(page):
            response = client.post(
                url,
                {"external-link-chooser-url": page.url, "external-link-chooser-link_text": ""},
            )
            assert response.status_code == 200
            return response, json.loads(response.content)["result"]

        response, result = chosen(pages["restricted"])
        assert "id" not in result and result["url"] == pages["restricted"].url
        assert RESTRICTED not in body(response)
        response, result = chosen(pages["public"])
        assert result["id"] == pages["public"].pk and result["adminTitle"] == PUBLIC


def test_the_page_types_report_names_only_pages_the_user_may_explore(client, superuser, pages):
    """Open to anyone with a page permission, it named the last edited page of each type
    anywhere: here the draft inside the restricted section."""
    pages["public"].save_revision(user=superuser)
    pages["draft"].save_revision(user=superuser)
    editor = page_editor("report-editor", pages["public"], "Section editors")
    urls = [
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_reports:page_types_usage_results"),
    ]
    client.force_login(editor)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert DRAFT not in body(response) and RESTRICTED not in body(response), url
        assert PUBLIC in body(response), url
    client.force_login(superuser)
    assert DRAFT in body(client.get(urls[0]))


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


# --- Tags -------------------------------------------------------------------------------------

OPEN_IMAGE_TAG = "Sentinel tag open image"
PRIVATE_IMAGE_TAG = "Sentinel tag private image"
OPEN_DOCUMENT_TAG = "Sentinel tag open document"
PRIVATE_DOCUMENT_TAG = "Sentinel tag private document"
PRIVATE_TAGS = (PRIVATE_IMAGE_TAG, PRIVATE_DOCUMENT_TAG)
ALL_TAGS = sorted([OPEN_IMAGE_TAG, PRIVATE_IMAGE_TAG, OPEN_DOCUMENT_TAG, PRIVATE_DOCUMENT_TAG])


@pytest.fixture
def media(db, settings, tmp_path):
    """An image and a document in an open collection and in a private one, each tagged."""
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    collections = {
        "open": root.add_child(name="Open collection"),
        "private": root.add_child(name="Private collection"),
    }
    png = io.BytesIO()
    PillowImage.new("RGB", (4, 4)).save(png, "PNG")
    for name, collection in collections.items():
        image = get_image_model().objects.create(
            title=f"{name} picture",
            collection=collection,
            file=ContentFile(png.getvalue(), f"{name}.png"),
        )
        image.tags.add(f"Sentinel tag {name} image")
        document = get_document_model().objects.create(
            title=f"{name} paper", collection=collection, file=ContentFile(b"x", f"{name}.txt")
        )
        document.tags.add(f"Sentinel tag {name} document")
    return collections


@pytest.fixture
def media_editor(media):
    """May add, edit and choose the images and documents of the open collection only."""
    group = Group.objects.create(name="Open collection editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for model in (get_image_model(), get_document_model()):
        content_type = ContentType.objects.get_for_model(model)
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.create(
                group=group,
                collection=media["open"],
                permission=Permission.objects.get(
                    content_type=content_type, codename=f"{action}_{model._meta.model_name}"
                ),
            )
    user = UserFactory(username="media-editor")
    user.groups.add(group)
    return user


def autocomplete_urls():
    return [
        reverse("wagtailadmin_tag_autocomplete"),
        reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"]),
    ]


class TestTags:
    def test_autocomplete_refuses_users_who_may_not_edit_or_choose_media(
        self, client, chair, media
    ):
        client.force_login(chair)
        for url in autocomplete_urls():
            response = client.get(url, {"term": "sentinel"})
            assert is_refused(response), url
            assert "Sentinel tag" not in body(response)

    def test_autocomplete_offers_the_tags_of_the_media_the_user_may_see(self, client, media_editor):
        client.force_login(media_editor)
        for url in autocomplete_urls():
            response = client.get(url, {"term": "sentinel"})
            assert response.json() == [OPEN_DOCUMENT_TAG, OPEN_IMAGE_TAG], url
        assert client.get(autocomplete_urls()[0]).json() == []

    def test_a_superuser_is_offered_every_tag(self, client, superuser, media):
        client.force_login(superuser)
        for url in autocomplete_urls():
            assert client.get(url, {"term": "sentinel"}).json() == ALL_TAGS

    def test_autocomplete_for_another_model_is_not_found(self, client, superuser, media):
        client.force_login(superuser)
        for app_name, model_name in (("wagtailcore", "page"), ("taggit", "nothing")):
            url = reverse("wagtailadmin_tag_model_autocomplete", args=[app_name, model_name])
            assert client.get(url, {"term": "sentinel"}).status_code == 404

    def test_the_image_chooser_suggests_only_tags_the_user_may_see(
        self, client, chair, media_editor, superuser
    ):
        url = reverse("wagtailimages_chooser:choose")
        client.force_login(chair)
        response = client.get(url)
        assert response.status_code == 200
        assert "Sentinel tag" not in body(response)
        client.force_login(media_editor)
        response = body(client.get(url))
        assert OPEN_IMAGE_TAG in response
        assert PRIVATE_IMAGE_TAG not in response
        client.force_login(superuser)
        assert PRIVATE_IMAGE_TAG in body(client.get(url))

    def test_the_listings_filter_by_tags_the_user_may_see(self, client, media_editor, superuser):
        for listing, tag in (
            ("wagtailimages", OPEN_IMAGE_TAG),
            ("wagtaildocs", OPEN_DOCUMENT_TAG),
        ):
            index = reverse(f"{listing}:index")
            client.force_login(media_editor)
            response = client.get(index)
            assert response.status_code == 200, listing
            assert tag in body(response), listing
            assert not any(private in body(response) for private in PRIVATE_TAGS), listing
            # The results (asked for when a filter changes) still filter by a tag offered.
            results = client.get(reverse(f"{listing}:index_results"), {"tag": tag})
            assert results.status_code == 200 and tag in body(results), listing
            client.force_login(superuser)
            assert any(private in body(client.get(index)) for private in PRIVATE_TAGS)
