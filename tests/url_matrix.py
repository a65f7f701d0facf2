"""Every URL pattern of the project, and the records to fill its arguments with.

``url_patterns()`` walks ``django.urls.get_resolver()`` and lists every pattern with its route,
name (with namespace), converters and arguments. ``Records`` makes the objects the arguments are
filled with: the other borough's (B's) IAG records, and Wagtail core objects that hold a secret
(a page restricted to a group, a draft page in a workflow, a document in a private collection,
an image, a user and a group). ``fill(pattern, records)`` turns a pattern into the URLs to ask
for, or raises ``Unfillable`` with the reason.

Each secret is a *sentinel*: a word planted in exactly one record, so that a response holding it
shows that record. ``Records.sentinels`` maps each to the roles entitled to see it.
"""

import io
import re
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from PIL import Image as PillowImage
from wagtail.blocks import Block
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    PageViewRestriction,
    Site,
    UploadedFile,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from consultation.enums import Channel
from hub.models import Borough, StandardPage
from hub.roles import Role
from iag import services
from iag.enums import CountingMethod
from iag.models import IAGSettings
from tests.consultation.factories import (
    AnswerFactory,
    ContactDetailsFactory,
    ResponseFactory,
    consultation_under,
    youth_questionnaire,
)
from tests.hub.factories import GlossaryTermFactory, OrganisationFactory, UserFactory
from tests.iag.factories import (
    AdviceFactory,
    MembershipFactory,
    MinuteItemFactory,
    QuarterlyFeedbackFactory,
)
from tests.partnerships.factories import (
    ActionFactory,
    ActionPlanFactory,
    BoardMeetingFactory,
    BoardMinuteItemFactory,
    BoardReportFactory,
    InitiativeFactory,
    build_structure,
)


@dataclass(frozen=True)
class Pattern:
    route: str  # the full route, prefixes included
    name: str | None  # with its namespaces, "wagtailadmin_api:pages:listing"
    converters: dict = field(hash=False)  # argument -> converter class name
    arguments: tuple = ()  # named arguments, in the order they appear
    positional: int = 0  # unnamed regex groups
    key: str = ""  # unique: the name, with the arguments where a name is used twice

    @property
    def namespace(self):
        return self.name.rpartition(":")[0] if self.name and ":" in self.name else ""

    @property
    def url_name(self):
        return self.name.rpartition(":")[2] if self.name else None


def _arguments(pattern):
    if isinstance(pattern, RegexPattern):
        regex = re.compile(pattern._regex)
        named = tuple(sorted(regex.groupindex, key=regex.groupindex.get))
        return named, regex.groups - len(named), {}
    converters = pattern.converters
    return tuple(converters), 0, {k: type(v).__name__ for k, v in converters.items()}


def _walk(resolver, route="", namespace="", arguments=(), positional=0, converters=None):
    for entry in resolver.url_patterns:
        names, unnamed, convs = _arguments(entry.pattern)
        here = {
            "route": route + str(entry.pattern),
            "arguments": arguments + names,
            "positional": positional + unnamed,
            "converters": {**(converters or {}), **convs},
        }
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(
                entry,
                here["route"],
                inner,
                here["arguments"],
                here["positional"],
                here["converters"],
            )
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield Pattern(name=name, **here)


def url_patterns():
    """Every URL pattern, each with a unique ``key``."""
    found = list(_walk(get_resolver()))
    seen = {}
    for pattern in found:
        seen[pattern.name] = seen.get(pattern.name, 0) + 1
    result = []
    for pattern in found:
        if pattern.name is None:
            key = pattern.route
        elif seen[pattern.name] > 1:
            key = f"{pattern.name}[{','.join(pattern.arguments)}]"
        else:
            key = pattern.name
        result.append(Pattern(**{**pattern.__dict__, "key": key}))
    return result


class Unfillable(Exception):
    """A pattern whose arguments cannot be filled meaningfully (the reason is the message)."""


# --- The records ------------------------------------------------------------------------------

# Sentinels: words that appear in one record only. Letters and spaces only, so that HTML and
# JSON escaping leave them as they are.
B_MEMBER = "Zqxmember Camdenite"
B_ADVICE = "Zqxadvice Camden subject"
B_MEETING_PLACE = "Zqxmeeting Camden hall"
B_GOLD = "Zqxgold Camden incident"
B_ESCALATION = "Zqxescalation Camden difficulty"
B_FEEDBACK = "Zqxfeedback Camden summary"
RESTRICTED_PAGE = "Zqxrestricted page"
DRAFT_PAGE = "Zqxdraft page"
DRAFT_REVISION = "Zqxdraft second revision"
DOCUMENT = "Zqxdocument private"
IMAGE = "Zqximage private"
COLLECTION = "Zqxcollection private"
TAG = "Zqxtag private"
OTHER_USER = "Zqxuser Stranger"
OTHER_GROUP = "Zqxgroup readers"
# The other partnership's records (partnership B): its board members and the central team only.
B_BOARD_REPORT = "Zqxreport partnership B summary"
B_BOARD_DRAFT = "Zqxdraft report partnership B"
B_BOARD_MEETING = "Zqxboardmeeting partnership B room"
B_BOARD_ACTION = "Zqxaction partnership B"
B_BOARD_MEMBER = "Zqxboardmember Elsewhere"
OTHER_USER_EMAIL = "zqxuser.stranger@example.org"
# A paper return typed in by another volunteer, with contact details: consultation managers only.
OTHER_ENTRY = "Zqxanswer typed by another volunteer"
RESPONDENT = "Zqxrespondent Private"
# Camden's volunteer programme: its steering group, a role profile's risk findings, a volunteer,
# their emergency contact (their borough manager alone, who is not among the roles) and a claim.
B_STEERING_MEMBER = "Zqxsteering Camdenmember"
B_RISK = "Zqxrisk findings Camden"
B_VOLUNTEER = "Zqxvolunteer Camdenite"
B_EMERGENCY = "Zqxemergency Contactperson"
B_CLAIM = "Zqxclaim Camden bus fares"


def png_bytes():
    """An image file (Wagtail requires Pillow, so it is always there)."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


class Records:
    """The objects the URL arguments are filled with, built on the ``world`` fixture."""

    def __init__(self, world):
        self.world = world
        superuser = UserFactory(username="matrix-root", superuser=True)
        self.superuser = superuser

        # B's IAG records, each holding a sentinel.
        person = world.member_b.person
        person.name = B_MEMBER
        person.save()
        world.meeting_b.place = B_MEETING_PLACE
        world.meeting_b.save()
        self.item_b = MinuteItemFactory(meeting=world.meeting_b)
        self.advice_b = AdviceFactory(group=world.group_b, subject=B_ADVICE)
        self.gold_b = services.request_gold_group(world.group_b, None, incident=B_GOLD, reasons="R")
        self.escalation_b = services.raise_escalation(world.group_b, None, difficulty=B_ESCALATION)
        # Votes on other members of B (not the sentinel member: a vote names its member).
        self.vote_b = services.open_removal_vote(
            world.meeting_b, MembershipFactory(group=world.group_b), None
        )
        self.hands_vote_b = services.open_removal_vote(
            world.meeting_b,
            MembershipFactory(group=world.group_b),
            None,
            counting=CountingMethod.SHOW_OF_HANDS,
        )
        self.feedback_b = QuarterlyFeedbackFactory(group=world.group_b, summary=B_FEEDBACK)
        self.feedback_b.save_revision(user=superuser)
        self.feedback_b.summary = B_FEEDBACK + " revised"
        self.feedback_revision = self.feedback_b.save_revision(user=superuser)
        self.feedback_workflow_state = self.feedback_b.get_workflow().start(
            self.feedback_b, superuser
        )
        self.feedback_task_state = self.feedback_workflow_state.current_task_state

        # Pages: a live page restricted to a group no role belongs to, and under it a draft
        # page with two revisions, submitted to a workflow.
        site = Site.objects.get(is_default_site=True)
        self.site = site
        home = site.root_page.specific
        self.home = home
        self.readers = Group.objects.create(name=OTHER_GROUP)
        self.restricted = StandardPage(title=RESTRICTED_PAGE, slug="zqx-restricted", intro="-")
        home.add_child(instance=self.restricted)
        self.restricted.save_revision(user=superuser).publish()
        self.page_restriction = PageViewRestriction.objects.create(
            page=self.restricted, restriction_type=PageViewRestriction.GROUPS
        )
        self.page_restriction.groups.add(self.readers)
        self.draft = StandardPage(title=DRAFT_PAGE, slug="zqx-draft", intro="-", live=False)
        self.restricted.add_child(instance=self.draft)
        self.first_revision = self.draft.save_revision(user=superuser)
        self.draft.title = DRAFT_REVISION
        self.page_revision = self.draft.save_revision(user=superuser)
        self.draft.refresh_from_db()
        # An alias, kept under the restricted page (an alias elsewhere would be public).
        self.alias = self.restricted.create_alias(parent=self.restricted, update_slug="zqx-alias")
        self.task = GroupApprovalTask.objects.create(name="Zqx approval task")
        self.task.groups.add(self.readers)
        self.workflow = Workflow.objects.create(name="Zqx page workflow", active=True)
        WorkflowTask.objects.create(workflow=self.workflow, task=self.task, sort_order=0)
        WorkflowPage.objects.create(workflow=self.workflow, page=self.restricted)
        self.page_workflow_state = self.workflow.start(self.draft, superuser)
        self.page_task_state = self.page_workflow_state.current_task_state

        # Media: a private collection (view restricted to the readers' group) holding a
        # document and an image.
        root = Collection.get_first_root_node()
        self.collection = root.add_child(name=COLLECTION)
        self.collection_restriction = CollectionViewRestriction.objects.create(
            collection=self.collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        self.collection_restriction.groups.add(self.readers)
        self.document = get_document_model().objects.create(
            title=DOCUMENT,
            collection=self.collection,
            file=ContentFile(b"Zqx private text", name="zqx-private.txt"),
            uploaded_by_user=superuser,
        )
        self.image = get_image_model().objects.create(
            title=IMAGE,
            collection=self.collection,
            file=ContentFile(png_bytes(), name="zqx-private.png"),
            uploaded_by_user=superuser,
        )
        self.image.tags.add(TAG)
        self.uploaded_file = UploadedFile.objects.create(
            file=ContentFile(b"Zqx upload", name="zqx-upload.txt"), uploaded_by_user=superuser
        )

        # People and accounts.
        self.other_user = UserFactory(
            username="zqxuser", first_name="Zqxuser", last_name="Stranger", email=OTHER_USER_EMAIL
        )
        self.other_user.groups.add(self.readers)
        self.organisation = OrganisationFactory()
        self.term = GlossaryTermFactory()
        self.redirect = Redirect.objects.create(old_path="/zqx-old", redirect_page=self.restricted)

        # An instance of every registered snippet model, by "app_label_model_name". A snippet
        # registered later has none: its screens are then skipped, and the test says so.
        self.snippets = {
            "hub_person": person,
            "hub_organisation": self.organisation,
            "hub_borough": Borough.objects.get(name="Camden"),
            "hub_glossaryterm": self.term,
            "iag_quarterlyfeedback": self.feedback_b,
        }
        self.iag = {
            "iag_groups": world.group_b,
            "iag_members": world.member_b,
            "iag_meetings": world.meeting_b,
            "iag_advice": self.advice_b,
            "iag_gold_groups": self.gold_b,
            "iag_escalations": self.escalation_b,
            "iag_votes": self.vote_b,
        }

        # Partnership B: another partnership's boards and records, each holding a sentinel.
        b = build_structure()
        self.partnership_b = b
        seat = b.members["youth"]
        seat.person.name = B_BOARD_MEMBER
        seat.person.save()
        self.board_meeting_b = BoardMeetingFactory(board=b.youth, place=B_BOARD_MEETING)
        self.board_item_b = BoardMinuteItemFactory(meeting=self.board_meeting_b)
        self.board_report_b = BoardReportFactory(board=b.youth, submitted=True,
                                                 summary=B_BOARD_REPORT)  # fmt: skip
        self.board_draft_b = BoardReportFactory(board=b.youth, quarter=2, summary=B_BOARD_DRAFT)
        plan = ActionPlanFactory(board=b.youth)
        self.partnership = {
            "partnerships": b.partnership,
            "partnership_boards": b.youth,
            "partnership_members": seat,
            "partnership_meetings": self.board_meeting_b,
            "partnership_reports": self.board_report_b,
            "partnership_plans": plan,
            "partnership_actions": ActionFactory(plan=plan, title=B_BOARD_ACTION),
            "partnership_initiatives": InitiativeFactory(board=b.project_a),
        }

        # A consultation, with a paper return typed in by a volunteer who is not among the
        # roles: its written answer and its contact details.
        self.consultation = consultation_under(home, questionnaire=youth_questionnaire())
        questions = {q.number or "name": q for q in self.consultation.questions}
        volunteer = UserFactory(username="zqx-volunteer")
        volunteer.groups.add(Group.objects.get(name=Role.DATA_ENTRY.value))
        self.response = ResponseFactory(
            consultation=self.consultation, channel=Channel.PAPER, entered_by=volunteer
        )
        AnswerFactory(response=self.response, question=questions["Q2"], text=OTHER_ENTRY)
        AnswerFactory(response=self.response, question=questions["Q5"], choice="yes")
        ContactDetailsFactory(response=self.response, name=RESPONDENT)
        self.text_question = questions["Q2"]
        self.consultation_records = {
            "consultation_responses": self.response,
            "consultation_questionnaires": self.consultation.questionnaire,
        }

        self._volunteer_programme(world)

        # Who may see each sentinel. B's records: B's chair and the central team.
        entitled_to_b = {"central team", "chair B"}
        self.sentinels = {
            B_MEMBER: entitled_to_b,
            B_ADVICE: entitled_to_b,
            B_MEETING_PLACE: entitled_to_b,
            B_GOLD: entitled_to_b,
            B_ESCALATION: entitled_to_b,
            # Draft feedback: compiled and approved by the central team only.
            B_FEEDBACK: {"central team"},
            # Nobody among the roles may view the restricted page, edit pages, see a draft,
            # or see what is in the private collection, another user's details or the groups.
            RESTRICTED_PAGE: set(),
            DRAFT_PAGE: set(),
            DRAFT_REVISION: set(),
            DOCUMENT: set(),
            IMAGE: set(),
            COLLECTION: set(),
            # The private image's tag: tag autocomplete, the image chooser's popular tags and
            # the listings' tag filter offer only the tags of images and documents the user may
            # edit or choose.
            TAG: set(),
            # The central team links a person in the directory to their login, so the person
            # form lists the names of user accounts (never their e-mail addresses).
            OTHER_USER: {"central team"},
            OTHER_USER_EMAIL: set(),
            OTHER_GROUP: set(),
            # Partnership B: the central team reads every board's records; the board member
            # among the roles sits in another partnership. A draft is its own board's alone.
            B_BOARD_REPORT: {"central team"},
            B_BOARD_DRAFT: {"central team"},
            B_BOARD_MEETING: {"central team"},
            B_BOARD_ACTION: {"central team"},
            B_BOARD_MEMBER: {"central team"},
            # A response's written answers: managers, and the volunteer who typed it in (not
            # among the roles); its contact details: managers only.
            OTHER_ENTRY: {"consultation manager"},
            RESPONDENT: {"consultation manager"},
            # Camden's volunteer programme: the central team reads every borough's; the
            # programme manager and steering group member among the roles are Islington's.
            # Emergency contacts: the volunteer's own borough manager only.
            B_STEERING_MEMBER: {"central team"},
            B_RISK: {"central team"},
            B_VOLUNTEER: {"central team"},
            B_EMERGENCY: set(),
            B_CLAIM: {"central team"},
        }

    def _volunteer_programme(self, world):
        import datetime

        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.utils import timezone

        from hub.volunteering import services as volunteering
        from hub.volunteering.enums import Responsibility
        from tests.hub.factories import PersonFactory
        from tests.volunteering.factories import (
            EmergencyContactFactory,
            RoleProfileFactory,
            SteeringGroupFactory,
            SteeringGroupMemberFactory,
            VolunteerFactory,
        )

        camden = world.group_b.borough
        group = SteeringGroupFactory(borough=camden)
        member = SteeringGroupMemberFactory(
            group=group, person=PersonFactory(name=B_STEERING_MEMBER)
        )
        manager = UserFactory(username="zqx-camden-manager")
        manager.groups.add(Group.objects.get(name=Role.PROGRAMME_MANAGER.value))
        seat = PersonFactory(name="Camden Programme Manager", user=manager)
        SteeringGroupMemberFactory(
            group=group, person=seat, responsibility=Responsibility.PROGRAMME_MANAGER
        )
        # A role profile waiting for the steering group, with its revision and workflow.
        self.profile_b = RoleProfileFactory(
            borough=camden, risk_findings=B_RISK, drafted_by=manager
        )
        self.profile_revision = self.profile_b.save_revision(user=manager)
        self.profile_workflow_state = self.profile_b.get_workflow().start(self.profile_b, manager)
        self.profile_task_state = self.profile_workflow_state.current_task_state
        # A volunteer placed in an approved role, with a session and a claim.
        approved = RoleProfileFactory(borough=camden, approved=True)
        today = timezone.localdate()
        volunteer = VolunteerFactory(borough=camden, name=B_VOLUNTEER)
        EmergencyContactFactory(volunteer=volunteer, name=B_EMERGENCY)
        volunteering.place_volunteer(
            volunteer, approved, manager, today=today - datetime.timedelta(days=10)
        )
        session = volunteering.record_session(
            volunteer,
            day=today - datetime.timedelta(days=2),
            starts_at=datetime.time(9, 0),
            ends_at=datetime.time(13, 0),
            user=manager,
        )
        claim = volunteering.submit_claim(
            volunteer,
            spent_on=session.day,
            description=B_CLAIM,
            amount="4.80",
            receipt=SimpleUploadedFile("receipt.png", png_bytes(), content_type="image/png"),
            user=manager,
            session=session,
        )
        self.steering_group_b = group
        self.volunteering = {
            "volunteering_steering_groups": group,
            "volunteering_steering_members": member,
            "volunteering_volunteers": volunteer,
            "volunteering_sessions": session,
            "volunteering_claims": claim,
        }
        self.snippets["volunteering_roleprofile"] = self.profile_b


# --- Filling the arguments --------------------------------------------------------------------


def _iag_pk(records, namespace, name):
    if namespace == "iag_votes" and name == "totals":
        return records.hands_vote_b.pk
    return records.iag[namespace].pk


def _snippet(records, namespace):
    key = namespace.split("_", 1)[1]
    if key not in records.snippets:
        raise Unfillable(f"no instance made for snippet {key}")
    return records.snippets[key]


def page_arguments(records, pattern):
    """Values for the page and workflow screens: the draft page, under the restricted one."""
    draft = records.draft
    values = {
        "page_id": draft.pk,
        "pk": draft.pk,
        "parent_page_id": records.restricted.pk,
        "page_to_move_id": draft.pk,
        "destination_id": records.home.pk,
        "revision_id": records.page_revision.pk,
        "revision_id_a": str(records.first_revision.pk),
        "revision_id_b": "latest",
        "workflow_state_id": records.page_workflow_state.pk,
        "task_state_id": records.page_task_state.pk,
        "task_id": records.task.pk,
        "action_name": "approve",
        "content_type_app_name": "hub",
        "content_type_model_name": "standardpage",
        "app_label": "hub",
        "model_name": "standardpage",
    }
    return {argument: values[argument] for argument in pattern.arguments}


def snippet_arguments(records, pattern, instance):
    """Values for snippet screens; quarterly feedback and role profiles have revisions and a
    workflow."""
    if instance is records.snippets.get("volunteering_roleprofile"):
        revision, workflow_state, task_state = (
            records.profile_revision,
            records.profile_workflow_state,
            records.profile_task_state,
        )
    else:
        revision, workflow_state, task_state = (
            records.feedback_revision,
            records.feedback_workflow_state,
            records.feedback_task_state,
        )
    values = {
        "pk": instance.pk,
        "revision_id": revision.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "workflow_state_id": workflow_state.pk,
        "task_state_id": task_state.pk,
        "task_id": task_state.task_id,
        "action_name": "approve",
    }
    return {argument: values[argument] for argument in pattern.arguments}


def exports(pattern):
    """Listings that offer an export."""
    return (
        (pattern.namespace.startswith(("iag_", "partnership")) and pattern.url_name == "index")
        or pattern.name == "consultation_responses:index"
        or (pattern.namespace.startswith("volunteering_") and pattern.url_name == "index")
        or (pattern.namespace.startswith("wagtailsnippets_") and pattern.url_name == "list")
        or pattern.name in ("hub_site_history", "wagtailadmin_reports:site_history")
    )


def _reverse(pattern, kwargs=None, args=None, query=""):
    return reverse(pattern.name, kwargs=kwargs or None, args=args or None) + query


def fill(pattern, records):
    """``[(variant, url), ...]`` for the pattern; raises Unfillable with a reason."""
    namespace, name = pattern.namespace, pattern.url_name
    if pattern.key in UNFILLABLE:
        raise Unfillable(UNFILLABLE[pattern.key])
    if pattern.name is None:
        # Unnamed: build from the route when it has no arguments (the admin's test 404 and
        # catch-all 404).
        route = pattern.route
        if route == "admin/^.*/$":
            return [("", "/admin/zqx-no-such-screen/")]
        if not pattern.arguments and not pattern.positional and "^" not in route:
            return [("", "/" + route)]
        raise Unfillable("unnamed pattern with arguments")
    special = SPECIAL.get(pattern.key) or SPECIAL.get(pattern.name)
    if special is not None:
        return special(records, pattern)
    if name == "chosen_multiple" or pattern.name.endswith("choose_page_chosen_multiple"):
        return [("", _reverse(pattern, query=_chosen_ids(records, namespace)))]
    if pattern.name == "wagtailadmin_block_preview":
        body = StandardPage._meta.get_field("body").stream_block
        block = next(iter(body.child_blocks.values()))
        block_id = next(k for k, v in Block.definition_registry.items() if v is block)
        return [("", _reverse(pattern, query=f"?id={block_id}"))]
    if not pattern.arguments and not pattern.positional:
        queries = QUERIES.get(pattern.name, "")
        if exports(pattern):
            # The list as shown, and as exported (CSV: an XLSX file is compressed, so a
            # sentinel in it could not be found by searching the body).
            queries = ["", "?export=csv"]
        if isinstance(queries, str):
            return [("", _reverse(pattern, query=queries))]
        return [(query, _reverse(pattern, query=query)) for query in queries]
    if namespace in records.iag:
        return [("", _reverse(pattern, {"pk": _iag_pk(records, namespace, name)}))]
    if namespace in records.partnership:
        pk = records.partnership[namespace].pk
        if namespace == "partnership_reports" and name == "submit":
            pk = records.board_draft_b.pk
        return [("", _reverse(pattern, {"pk": pk}))]
    if namespace in records.volunteering:
        return [("", _reverse(pattern, {"pk": records.volunteering[namespace].pk}))]
    if namespace in records.consultation_records:
        return [("", _reverse(pattern, {"pk": records.consultation_records[namespace].pk}))]
    if namespace in ("consultation_results", "consultation_paper"):
        values = {
            "consultation_id": records.consultation.pk,
            "question_id": records.text_question.pk,
        }
        kwargs = {a: values[a] for a in pattern.arguments if a in values}
        if "format" in pattern.arguments:
            return [(f, _reverse(pattern, {**kwargs, "format": f})) for f in ("csv", "xlsx")]
        return [("", _reverse(pattern, kwargs))]
    if namespace.startswith(("wagtailsnippets_", "wagtailsnippetchoosers_")):
        instance = _snippet(records, namespace)
        return [("", _reverse(pattern, snippet_arguments(records, pattern, instance)))]
    if namespace == "wagtailadmin_pages" or pattern.name.startswith(
        ("wagtailadmin_explore", "hub_page_")
    ):
        arguments = page_arguments(records, pattern)
        if name in LIVE_PAGE_SCREENS:
            arguments["page_id"] = records.restricted.pk
        if name == "convert_alias":
            arguments["page_id"] = records.alias.pk
        return [("", _reverse(pattern, arguments))]
    by_namespace = {
        "wagtailadmin_collections": records.collection,
        "wagtailsites": records.site,
        "wagtailusers_users": records.other_user,
        "wagtailusers_groups": records.readers,
        "wagtailredirects": records.redirect,
        "wagtaildocs": records.document,
        "wagtaildocs_chooser": records.document,
        "wagtailimages": records.image,
        "wagtailimages_chooser": records.image,
        "wagtailadmin_api:pages": records.draft,
        "wagtailadmin_api:documents": records.document,
        "wagtailadmin_api:images": records.image,
    }
    if namespace in by_namespace:
        instance = by_namespace[namespace]
        values = {
            "pk": instance.pk,
            "collection_id": instance.pk,
            "redirect_id": instance.pk,
            "document_id": instance.pk,
            "doc_id": instance.pk,
            "image_id": instance.pk,
            "uploaded_file_id": records.uploaded_file.pk,
            "filter_spec": "fill-8x8",
            "action_name": "copy",
        }
        unknown = [a for a in pattern.arguments if a not in values]
        if unknown:
            raise Unfillable(f"no value for {unknown}")
        return [("", _reverse(pattern, {a: values[a] for a in pattern.arguments}))]
    raise Unfillable("no rule for this pattern")


UNFILLABLE = {
    "wagtailsettings:preview_on_edit": "no setting model is previewable",
    "wagtailadmin_error_test": "raises an exception on purpose, to show the 500 page",
}

# Page screens that need a live page: the restricted one.
LIVE_PAGE_SCREENS = {"unpublish"}


def _workflows(records, pattern):
    values = {
        "pk": records.task.pk if "task" in pattern.url_name else records.workflow.pk,
        "page_pk": records.restricted.pk,
        "workflow_pk": records.workflow.pk,
        "task_id": records.task.pk,
        "app_label": "wagtailcore",
        "model_name": "groupapprovaltask",
    }
    return [("", _reverse(pattern, {a: values[a] for a in pattern.arguments}))]


def _bulk(records, pattern):
    targets = [
        ("pages", "wagtailcore", "page", "delete", records.draft.pk),
        ("people", "hub", "person", "delete", records.world.member_b.person.pk),
        ("feedback", "iag", "quarterlyfeedback", "delete", records.feedback_b.pk),
        ("images", "wagtailimages", "image", "delete", records.image.pk),
        ("documents", "wagtaildocs", "document", "delete", records.document.pk),
        ("users", "hub", "user", "delete", records.other_user.pk),
    ]
    return [
        (
            variant,
            _reverse(
                pattern,
                {"app_label": app, "model_name": model, "action": action},
                query=f"?id={pk}",
            ),
        )
        for variant, app, model, action, pk in targets
    ]


def _settings(records, pattern):
    if "pk" in pattern.arguments:
        return [
            (
                f"{app}.{model}",
                _reverse(pattern, {"app_name": app, "model_name": model, "pk": pk}),
            )
            for app, model, pk in (
                ("hub", "hubsettings", records.site.pk),
                ("iag", "iagsettings", IAGSettings.load().pk),
                ("consultation", "consultationsettings", records.site.pk),
            )
        ]
    return [
        (
            f"{app}.{model}",
            _reverse(pattern, {"app_name": app, "model_name": model}),
        )
        for app, model in (
            ("hub", "hubsettings"),
            ("iag", "iagsettings"),
            ("consultation", "consultationsettings"),
        )
    ]


def _serve(records, pattern):
    return [
        ("home", "/"),
        ("restricted page", records.restricted.url),
        ("draft page", records.restricted.url + records.draft.slug + "/"),
        # A consultation's public routes: the questionnaire, a receipt, the printable blank,
        # the PDF and the published results. None shows a written answer or contact details.
        ("consultation", records.consultation.url),
        (
            "consultation receipt",
            f"{records.consultation.url}receipt/{records.response.reference}/",
        ),
        ("consultation print", records.consultation.url + "print/"),
        ("consultation pdf", records.consultation.url + "questionnaire-pdf/"),
        ("consultation results", records.consultation.url + "results/"),
    ]


def _editing_session(records, pattern):
    if pattern.url_name == "release":
        return [("", _reverse(pattern, {"session_id": 1}))]
    return [
        (
            "",
            _reverse(
                pattern,
                {
                    "app_label": "wagtailcore",
                    "model_name": "page",
                    "object_id": str(records.draft.pk),
                    "session_id": 1,
                },
            ),
        )
    ]


def _password_reset_confirm(records, pattern):
    uid = urlsafe_base64_encode(force_bytes(records.other_user.pk))
    return [("", _reverse(pattern, {"uidb64": uid, "token": "zqx-not-a-token"}))]


def _doc_serve(records, pattern):
    document = records.document
    return [("", _reverse(pattern, args=[document.pk, document.filename]))]


def _doc_password(records, pattern):
    return [("", _reverse(pattern, {"restriction_id": records.collection_restriction.pk}))]


def _page_password(records, pattern):
    return [
        (
            "",
            _reverse(
                pattern,
                {
                    "page_view_restriction_id": records.page_restriction.pk,
                    "page_id": records.restricted.pk,
                },
            ),
        )
    ]


def _tags(records, pattern):
    return [("", _reverse(pattern, {"app_name": "taggit", "model_name": "tag"}, query="?term=zqx"))]


def _page_api_action(records, pattern):
    return [("", _reverse(pattern, {"pk": records.draft.pk, "action_name": "copy"}))]


def _minutes_action(records, pattern):
    return [("", _reverse(pattern, {"pk": records.world.meeting_b.pk, "action": "approve"}))]


def _withhold(records, pattern):
    return [
        ("", _reverse(pattern, {"pk": records.world.meeting_b.pk, "item_pk": records.item_b.pk}))
    ]


def _board_minutes_action(records, pattern):
    return [("", _reverse(pattern, {"pk": records.board_meeting_b.pk, "action": "approve"}))]


def _board_withhold(records, pattern):
    meeting, item = records.board_meeting_b, records.board_item_b
    return [("", _reverse(pattern, {"pk": meeting.pk, "item_pk": item.pk}))]


def _choose_page_child(records, pattern):
    return [
        ("restricted", _reverse(pattern, {"parent_page_id": records.restricted.pk})),
        ("home", _reverse(pattern, {"parent_page_id": records.home.pk})),
    ]


def _chosen_ids(records, namespace):
    """The ids a "chosen multiple" view is asked about: secrets only."""
    if namespace.startswith("wagtailsnippetchoosers_"):
        objects = [_snippet(records, namespace)]
    else:
        objects = {
            "wagtaildocs_chooser": [records.document],
            "wagtailimages_chooser": [records.image],
        }.get(namespace, [records.restricted, records.draft])
    return "?" + "&".join(f"id={instance.pk}" for instance in objects)


def _api_find(records, pattern):
    instance = records.document if "documents" in pattern.name else records.image
    return [("", _reverse(pattern, query=f"?id={instance.pk}"))]


def _image_chooser_format(records, pattern):
    return [("", _reverse(pattern, {"image_id": records.image.pk}))]


SPECIAL = {
    "hub_bulk_action": _bulk,
    "hub_choose_page_child": _choose_page_child,
    "hub_tag_model_autocomplete": _tags,
    "hub_task_chosen": _workflows,
    "wagtailadmin_api:documents:find": _api_find,
    "wagtailadmin_api:images:find": _api_find,
    "wagtail_bulk_action": _bulk,
    "wagtailsettings:edit[app_name,model_name]": _settings,
    "wagtailsettings:edit[app_name,model_name,pk]": _settings,
    "wagtail_serve": _serve,
    "wagtailadmin_editing_sessions:ping": _editing_session,
    "wagtailadmin_editing_sessions:release": _editing_session,
    "wagtailadmin_password_reset_confirm": _password_reset_confirm,
    "wagtaildocs_serve": _doc_serve,
    "wagtaildocs_authenticate_with_password": _doc_password,
    "wagtailcore_authenticate_with_password": _page_password,
    "wagtailadmin_tag_model_autocomplete": _tags,
    "wagtailadmin_api:pages:action": _page_api_action,
    "iag_meetings:minutes_action": _minutes_action,
    "iag_meetings:withhold_item": _withhold,
    "partnership_meetings:minutes_action": _board_minutes_action,
    "partnership_meetings:withhold_item": _board_withhold,
    "wagtailadmin_choose_page_child": _choose_page_child,
    "wagtailimages_chooser:select_format": _image_chooser_format,
}
for _key in (
    "wagtailadmin_workflows:enable",
    "wagtailadmin_workflows:disable",
    "wagtailadmin_workflows:edit",
    "wagtailadmin_workflows:usage",
    "wagtailadmin_workflows:usage_results",
    "wagtailadmin_workflows:remove[page_pk]",
    "wagtailadmin_workflows:remove[page_pk,workflow_pk]",
    "wagtailadmin_workflows:add_task",
    "wagtailadmin_workflows:edit_task",
    "wagtailadmin_workflows:disable_task",
    "wagtailadmin_workflows:enable_task",
    "wagtailadmin_workflows:task_chosen",
):
    SPECIAL[_key] = _workflows

# Query strings that make a screen without arguments show the secrets it could leak: a search
# for every sentinel word, the page chooser's search, the API's listings.
QUERIES = {
    "search": ["?q=Zqxrestricted", "?q=Zqxdraft", "?q=Zqxadvice", "?q=Zqxdocument"],
    "wagtailadmin_choose_page_search": ["?q=Zqxrestricted", "?q=Zqxdraft"],
    "hub_choose_page_search": ["?q=Zqxrestricted", "?q=Zqxdraft"],
    "wagtailadmin_pages:search": ["?q=Zqxrestricted", "?q=Zqxdraft"],
    "wagtailadmin_pages:search_results": ["?q=Zqxrestricted", "?q=Zqxdraft"],
    "wagtaildocs_chooser:choose_results": "?q=Zqxdocument",
    "wagtailimages_chooser:choose_results": "?q=Zqximage",
    "wagtailadmin_tag_autocomplete": "?term=zqx",
    "hub_tag_autocomplete": "?term=zqx",
    "wagtailadmin_api:pages:find": "?html_path=/zqx-restricted/",
    "wagtailadmin_api:pages:listing": "?limit=20",
}
