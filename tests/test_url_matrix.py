"""Every URL pattern of the project, asked for as every role, against an explicit allow-table.

The patterns are not listed by hand: ``tests/url_matrix.py`` walks the URL resolver, so a screen
added by a new Wagtail release, a new snippet or a new viewset is asked for the day it appears.
Arguments are filled with the other borough's (B's) IAG records, or with Wagtail objects that
hold a secret (a page restricted to a group nobody here is in, a draft page in a workflow under
it, a document and an image in a private collection, a user and a group). Each secret is a
sentinel word: a response that holds one shows that record.

For each request the expectation is "refused" unless the allow-table below says otherwise, with
a reason. A screen a role may open is still a leak if it shows a sentinel the role is not
entitled to (``Records.sentinels``): the whole body of every response is searched.
"""

import pytest
from django.urls import reverse

from tests.helpers import is_refused, report_figure, response_body
from tests.url_matrix import Records, Unfillable, fill, url_patterns

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    from hub.roles import Role
    from tests.iag.conftest import World, user_with_role
    from tests.partnerships.factories import build_structure

    world = World()
    # A partnership board member, sitting on partnership A's youth group (not on B's boards).
    world.partnership_a = build_structure()
    world.users["board member A"] = user_with_role(
        "board-a", Role.BOARD_MEMBER, world.partnership_a.members["youth"].person
    )
    world.users["consultation manager"] = user_with_role("consult", Role.CONSULTATION_MANAGER)
    world.users["data entry"] = user_with_role("typist", Role.DATA_ENTRY)
    # Islington's volunteer programme manager and a member of its steering group.
    from hub.volunteering.enums import Responsibility
    from tests.hub.factories import PersonFactory
    from tests.volunteering.factories import SteeringGroupFactory, SteeringGroupMemberFactory

    group = SteeringGroupFactory(borough=world.group_a.borough)
    for label, username, role, responsibility in (
        ("programme manager", "mvp-a", Role.PROGRAMME_MANAGER, Responsibility.PROGRAMME_MANAGER),
        ("steering group member", "sg-a", Role.STEERING_GROUP, Responsibility.UNION_REP),
    ):
        person = PersonFactory(name=f"Islington {label}")
        world.users[label] = user_with_role(username, role, person)
        SteeringGroupMemberFactory(group=group, person=person, responsibility=responsibility)
    return world


@pytest.fixture
def records(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "receipts": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "receipts", "base_url": None},
        },
    }
    records = Records(world)
    # Consultation managers edit the consultations section, as in the demo: a role with page
    # permissions, whose page chooser must still not show the restricted page or the draft.
    from consultation.demo import grant_section

    grant_section(records.consultation.get_parent())
    return records


# --- Patterns that are not asked for ----------------------------------------------------------
# Keep this short: each entry is a screen the matrix does not check. The test fails if anything
# else is skipped, and if an entry here is no longer skipped.
EXPECTED_SKIPS = {
    # Wagtail's deliberate crash (it raises, to show the 500 page), behind the admin sign-in.
    "wagtailadmin_error_test",
    # No setting model is previewable, so the view has no object to work on (404 for everyone).
    "wagtailsettings:preview_on_edit",
}


# --- Who may open what ------------------------------------------------------------------------

CONSULTATION = {"consultation manager", "data entry"}
VOLUNTEERING = {"programme manager", "steering group member"}
ADMIN_USERS = {"central team", "chair A", "member A", "unsigned member A", "police lead A",
               "chair B", "board member A", *CONSULTATION, *VOLUNTEERING}  # fmt: skip
EVERYONE = {"anonymous", "no role", *ADMIN_USERS}
IAG_USERS = ADMIN_USERS - {"board member A", *CONSULTATION, *VOLUNTEERING}
CENTRAL = {"central team"}
CHAIR_B = {"chair B"}

ALLOWED = {}


def exported(*labels):
    """A listing, and its CSV export (tests/url_matrix.py asks for both)."""
    return [variant for label in labels for variant in (label, f"{label} (?export=csv)")]


def allow(roles, reason, *labels):
    """``labels`` (a pattern's key, with its variant in brackets where it has several) may be
    opened by ``roles``; ``reason`` says why that is no leak."""
    assert reason
    for label in labels:
        ALLOWED.setdefault(label, set()).update(roles)


# Public pages and files: anyone. Their bodies are still searched for every sentinel.
allow(EVERYONE, "the public site: home page, search, sitemap, open data",
      "wagtail_serve (home)", "sitemap", "iag_open_data_json", "iag_open_data_csv",
      *(f"search (?q=Zqx{word})" for word in ("restricted", "draft", "advice",
                                              "document")))  # fmt: skip
allow(EVERYONE, "sign-in, password reset and the password form of a restricted page or "
      "document: they name nothing", "wagtailcore_login",
      "wagtailcore_authenticate_with_password", "wagtaildocs_authenticate_with_password",
      "wagtailadmin_password_reset", "wagtailadmin_password_reset_done",
      "wagtailadmin_password_reset_confirm", "wagtailadmin_password_reset_complete")  # fmt: skip
allow(EVERYONE, "the admin's translations and icons: static files served by a view",
      "wagtailadmin_javascript_catalog", "wagtailadmin_sprite")  # fmt: skip
allow({"anonymous", "no role"}, "the admin sign-in form (signed-in admin users are sent on to "
      "the dashboard)", "wagtailadmin_login")  # fmt: skip
allow({"no role", *ADMIN_USERS}, "setting up or entering one's own second factor",
      "two_factor_setup", "two_factor_verify")  # fmt: skip

# Any signed-in admin user.
allow(ADMIN_USERS, "the dashboard and the user's own account",
      "wagtailadmin_home", "wagtailadmin_account", "wagtailadmin_dismissibles")  # fmt: skip
allow(ADMIN_USERS, "Wagtail's 404 page rendered with status 200 (a test view); shows nothing",
      "admin/test404/")  # fmt: skip
allow(ADMIN_USERS, "the site history, narrowed to records the user may see (hub.audit)",
      *exported("hub_site_history", "wagtailadmin_reports:site_history"),
      "hub_site_history_results", "wagtailadmin_reports:site_history_results")  # fmt: skip
allow(ADMIN_USERS, "the link chooser of every rich-text field: it lists only the pages the "
      "user could view publicly and those they may explore under their page permissions "
      "(hub.side_doors)",
      "wagtailadmin_choose_page", "hub_choose_page", "wagtailadmin_choose_page_child (home)",
      "hub_choose_page_child (home)",
      *(f"{name} (?q={word})" for name in ("wagtailadmin_choose_page_search",
                                           "hub_choose_page_search")
        for word in ("Zqxrestricted", "Zqxdraft")),
      "wagtailadmin_choose_page_chosen_multiple", "hub_choose_page_chosen_multiple",
      "wagtailadmin_choose_page_external_link", "hub_choose_page_external_link",
      "wagtailadmin_choose_page_email_link", "wagtailadmin_choose_page_phone_link",
      "wagtailadmin_choose_page_anchor_link")  # fmt: skip
allow(ADMIN_USERS, "empty listings: document and image choosers (and the image chooser's "
      "popular tags) and the admin API list only what the user's collection and page "
      "permissions allow, here nothing",
      "wagtaildocs_chooser:choose", "wagtaildocs_chooser:choose_results",
      "wagtaildocs_chooser:chosen_multiple", "wagtailimages_chooser:choose", "hub_image_chooser",
      "wagtailimages_chooser:choose_results", "wagtailimages_chooser:chosen_multiple",
      "wagtailadmin_api:pages:listing", "wagtailadmin_api:documents:listing",
      "wagtailadmin_api:images:listing", "wagtailadmin_pages:choose_parent")  # fmt: skip
allow(ADMIN_USERS, "a StreamField block's preview with its built-in sample value: no record",
      "wagtailadmin_block_preview")  # fmt: skip
# Tag autocomplete (wagtailadmin_tag_autocomplete and its per-model variant) is refused to every
# role here: it offers only the tags of images and documents the user may edit or choose, and
# refuses users who may do neither, which is every role (hub.side_doors). The image chooser's
# "popular tags" and the listings' tag filter follow the same rule.
allow(ADMIN_USERS, "redirects to a screen that checks (the page history; the settings "
      "screen with its id)", "wagtailadmin_pages:revisions_index",
      "wagtailsettings:edit[app_name,model_name] (iag.iagsettings)")  # fmt: skip

# Each role's own IAG lists (exports are the same views with ?export=). They hold only the
# groups the user belongs to: B's sentinels in them are caught by the body search.
IAG_LISTS = ["iag_groups", "iag_members", "iag_meetings", "iag_advice", "iag_gold_groups",
             "iag_escalations", "iag_votes"]  # fmt: skip
allow(IAG_USERS, "the user's own IAG lists", *exported(*(f"{name}:index" for name in IAG_LISTS)),
      *(f"{name}:index_results" for name in IAG_LISTS))  # fmt: skip
allow({"chair A", "chair B"}, "a chair adds members, meetings, advice, votes, Gold Group "
      "requests and escalations for their own group",
      *(f"{name}:add" for name in ("iag_members", "iag_meetings", "iag_advice", "iag_votes",
                                   "iag_gold_groups", "iag_escalations")))  # fmt: skip
allow({"member A"}, "a member with agreements in force may ask for a Gold Group (P2)",
      "iag_gold_groups:add")  # fmt: skip
allow({"police lead A"}, "the police lead may raise a difficulty (P23)", "iag_escalations:add")

# B's own records: B's chair (as in tests/iag/test_permissions.py) ...
allow(CHAIR_B, "B's chair keeps B's group, members, meetings, advice and votes",
      *(f"iag_groups:{view}" for view in ("inspect", "edit", "history", "history_results",
                                          "usage")),
      *(f"iag_members:{view}" for view in ("inspect", "edit", "history", "history_results",
                                           "usage")),
      *(f"iag_meetings:{view}" for view in ("inspect", "edit", "history", "history_results",
                                            "usage", "delete", "attendance", "minutes_action",
                                            "withhold_item")),
      *(f"iag_advice:{view}" for view in ("inspect", "edit", "history", "history_results",
                                          "usage", "versions")),
      *(f"iag_gold_groups:{view}" for view in ("inspect", "history", "history_results")),
      *(f"iag_escalations:{view}" for view in ("inspect", "history", "history_results",
                                               "resolve")),
      *(f"iag_votes:{view}" for view in ("inspect", "history", "history_results", "proxy",
                                         "ballots", "my_vote", "totals", "close")))  # fmt: skip
# ... and the central team, which reads every group, sets groups up and records vetting.
allow(CENTRAL, "the central team reads every group's records (the IAG allow-table)",
      "iag_groups:add", *exported("iag_compliance:index"),
      *(f"iag_groups:{view}" for view in ("inspect", "edit", "history", "history_results",
                                          "usage")),
      *(f"iag_members:{view}" for view in ("inspect", "edit", "history", "history_results",
                                           "usage")),
      "iag_meetings:inspect", "iag_advice:inspect", "iag_advice:versions",
      "iag_gold_groups:inspect", "iag_escalations:inspect", "iag_escalations:resolve",
      "iag_votes:inspect", "iag_votes:history", "iag_votes:history_results")  # fmt: skip
allow(CENTRAL, "the central team keeps the directory of people and organisations, reads "
      "boroughs, and may choose them (hub.roles)", "wagtailsnippets:index",
      *(f"wagtailsnippets_hub_{model}:{view}" for model in ("person", "organisation")
        for view in ("list_results", "add", "edit", "usage", "history", "history_results",
                     "inspect")),
      *exported(*(f"wagtailsnippets_hub_{model}:list" for model in ("person", "organisation",
                                                                     "borough"))),
      "wagtailsnippets_hub_borough:list_results",
      "wagtailsnippets_hub_borough:inspect",
      *(f"wagtailsnippetchoosers_hub_{model}:{view}" for model in ("person", "organisation",
                                                                    "borough")
        for view in ("choose", "choose_results", "chosen", "chosen_multiple")),
      "wagtailsnippetchoosers_hub_person:create",
      "wagtailsnippetchoosers_hub_organisation:create")  # fmt: skip
allow(CENTRAL, "the central team compiles, approves and publishes quarterly feedback "
      "(iag.roles), and sets the IAG settings",
      *(f"wagtailsnippets_iag_quarterlyfeedback:{view}" for view in (
          "list_results", "add", "edit", "usage", "history", "history_results",
          "inspect", "preview_on_add", "preview_on_edit", "revisions_view",
          "revisions_revert", "revisions_compare", "revisions_unschedule", "unpublish",
          "workflow_action", "collect_workflow_action_data", "confirm_workflow_cancellation",
          "workflow_history", "workflow_history_detail", "workflow_preview", "compile")),
      *(f"wagtailsnippetchoosers_iag_quarterlyfeedback:{view}" for view in (
          "choose", "choose_results", "chosen", "chosen_multiple", "create")),
      *exported("wagtailsnippets_iag_quarterlyfeedback:list"),
      "wagtailsettings:edit[app_name,model_name,pk] (iag.iagsettings)")  # fmt: skip

# Partnership boards: the board member sits on partnership A's youth group; the records asked
# for are partnership B's. Their lists hold only the boards they sit on and those below.
BOARD_LISTS = ["partnership_actions", "partnership_boards", "partnership_initiatives",
               "partnership_meetings", "partnership_members", "partnership_plans",
               "partnership_reports"]  # fmt: skip
allow({"board member A", *CENTRAL}, "the user's own boards' lists, and the roll-up of their "
      "boards and those below (partnerships.permissions)",
      *exported(*(f"{name}:index" for name in BOARD_LISTS), "partnership_rollup:index"),
      *(f"{name}:index_results" for name in BOARD_LISTS))  # fmt: skip
allow({"board member A"}, "a board member adds their own board's meetings, reports, action "
      "plans and actions (the forms offer only their boards)",
      *(f"partnership_{name}:add" for name in ("meetings", "reports", "plans",
                                               "actions")))  # fmt: skip
allow(CENTRAL, "the central team (the partnership unit) sets up partnerships and boards, keeps "
      "their membership, and reads every board's records; it writes no board's minutes, "
      "reports or actions",
      "partnerships:add", "partnership_boards:add", "partnership_members:add",
      *exported("partnerships:index"), "partnerships:index_results",
      *(f"{name}:{view}" for name in ("partnerships", "partnership_boards",
                                      "partnership_members")
        for view in ("inspect", "edit", "history", "history_results", "usage")),
      *(f"partnership_{name}:inspect" for name in ("actions", "initiatives", "meetings",
                                                   "plans", "reports")))  # fmt: skip


# Consultations: managers run them all; a data-entry volunteer types in paper returns and sees
# only the ones they entered (the response asked for was entered by another volunteer).
MANAGER = {"consultation manager"}
allow(EVERYONE, "a consultation's public routes: the questionnaire, a receipt (a reference "
      "number only), the printable and PDF blanks, and the published figures",
      *(f"wagtail_serve (consultation{part})" for part in ("", " receipt", " print", " pdf",
                                                           " results")))  # fmt: skip
allow(CONSULTATION, "typing in paper returns, and the list of responses (a volunteer's holds "
      "only their own entries; the add button leads to paper entry)",
      "consultation_paper:index", "consultation_paper:enter", "consultation_responses:add",
      *exported("consultation_responses:index"),
      "consultation_responses:index_results")  # fmt: skip
allow(MANAGER, "managers read results and written answers, export, read and delete responses, "
      "erase contact details, keep questionnaires and set the retention period",
      "consultation_results:index", "consultation_results:consultation",
      "consultation_results:text_answers", "consultation_results:export (csv)",
      "consultation_results:export (xlsx)",
      *(f"consultation_responses:{view}" for view in ("inspect", "delete", "history",
                                                      "history_results", "erase")),
      *(f"consultation_questionnaires:{view}" for view in (
          "index", "index_results", "add", "edit", "inspect", "delete", "history",
          "history_results", "usage")),
      "wagtailsettings:edit[app_name,model_name,pk] (consultation.consultationsettings)",
      # (without an id: sent on to the default site's settings, which check)
      "wagtailsettings:edit[app_name,model_name] (consultation.consultationsettings)")  # fmt: skip
allow(MANAGER, "managers add, edit and publish the consultations section's pages (as in the "
      "demo): the explorer sends them on to that section, and page search, the pages of a type "
      "and the workflow, ageing and page types reports hold only pages they may explore "
      "(hub.side_doors, for page types); the restricted page and the draft are not among them",
      "wagtailadmin_explore_root", "wagtailadmin_explore", "wagtailadmin_explore_results",
      "wagtailadmin_pages:type_use", "wagtailadmin_pages:type_use_results",
      *(f"wagtailadmin_pages:{view} (?q={word})" for view in ("search", "search_results")
        for word in ("Zqxrestricted", "Zqxdraft")),
      *(f"wagtailadmin_reports:{report}{part}" for report in ("workflow", "workflow_tasks",
                                                              "aging_pages", "page_types_usage")
        for part in ("", "_results")),
      "hub_page_types_usage", "hub_page_types_usage_results")  # fmt: skip


# The volunteer programme: the records asked for are Camden's; the programme manager and the
# steering group member among the roles are Islington's. Their lists hold only Islington's
# records (none here): Camden's sentinels in them would be caught by the body search.
MVP_MANAGER = {"programme manager"}
MVP_LISTS = ["volunteering_steering_groups", "volunteering_steering_members"]
MVP_RECORD_LISTS = ["volunteering_volunteers", "volunteering_sessions", "volunteering_claims"]
PROFILES = "wagtailsnippets_volunteering_roleprofile"
PROFILE_CHOOSER = "wagtailsnippetchoosers_volunteering_roleprofile"
allow(VOLUNTEERING | CENTRAL, "steering groups, their members and role profiles: lists and "
      "choosers narrowed to the boroughs whose group the user sits on (the central team: all)",
      *exported(*(f"{name}:index" for name in MVP_LISTS), f"{PROFILES}:list"),
      *(f"{name}:index_results" for name in MVP_LISTS), f"{PROFILES}:list_results",
      f"{PROFILE_CHOOSER}:choose", f"{PROFILE_CHOOSER}:choose_results",
      f"{PROFILE_CHOOSER}:chosen_multiple", "wagtailsnippets:index")  # fmt: skip
allow(MVP_MANAGER | CENTRAL, "volunteers, sessions, expense claims and the monthly report: "
      "narrowed to the manager's own borough (the central team reads every borough's)",
      *exported(*(f"{name}:index" for name in MVP_RECORD_LISTS), "volunteering_report:index"),
      *(f"{name}:index_results" for name in MVP_RECORD_LISTS))  # fmt: skip
allow(MVP_MANAGER, "a programme manager drafts role profiles and records volunteers, their "
      "sessions, claims and their steering group's members, for their own borough",
      f"{PROFILES}:add", f"{PROFILES}:preview_on_add", "volunteering_steering_members:add",
      *(f"{name}:add" for name in MVP_RECORD_LISTS))  # fmt: skip
# (Recording a session or a claim with no volunteer yet sends the manager on to the list of
# volunteers, with a message.)
allow(CENTRAL, "the central team sets up and keeps every borough's steering group and its "
      "members, and reads every borough's role profiles, volunteers, sessions and claims "
      "(never emergency contacts: the sentinel is searched for)",
      *(f"{name}:{view}" for name in MVP_LISTS for view in (
          "add", "inspect", "edit", "history", "history_results", "usage")),
      f"{PROFILES}:inspect", f"{PROFILE_CHOOSER}:chosen",
      *(f"{name}:inspect" for name in MVP_RECORD_LISTS), "volunteering_claims:receipt")  # fmt: skip


def refused(response):
    """``is_refused``, and also: the public site's refusal of a restricted page or document (a
    redirect to its own sign-in page), and 405 for GET on views that only act on POST (they do
    nothing and show nothing)."""
    if is_refused(response) or response.status_code == 405:
        return True
    return response.status_code == 302 and response["Location"].startswith(
        reverse("wagtailcore_login")
    )


def requests_to_make(records):
    """``(label, url)`` for every pattern that can be filled, and ``{key: reason}`` skipped."""
    requests, skipped = [], {}
    for pattern in url_patterns():
        try:
            variants = fill(pattern, records)
        except Unfillable as reason:
            skipped[pattern.key] = str(reason)
            continue
        for variant, url in variants:
            requests.append((f"{pattern.key} ({variant})" if variant else pattern.key, url))
    # Signing out last, so that it cannot end the session the other requests use.
    requests.sort(key=lambda request: request[0] == "wagtailadmin_logout")
    return requests, skipped


def test_every_url_pattern_as_every_role_matches_the_allow_table(client, world, records):
    patterns = url_patterns()
    requests, skipped = requests_to_make(records)
    client.raise_request_exception = False
    unexpected = []
    for role, user in world.users.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for label, url in requests:
            response = client.get(url)
            allowed = role in ALLOWED.get(label, ())
            if response.status_code >= 500:
                unexpected.append(f"{role}: {label} failed ({response.status_code}) {url}")
            elif allowed and refused(response):
                unexpected.append(f"{role} refused {label} ({response.status_code}) {url}")
            elif not allowed and not refused(response):
                unexpected.append(f"{role} reached {label} ({response.status_code}) {url}")
            body = response_body(response).decode(errors="replace")
            for sentinel, entitled in records.sentinels.items():
                if sentinel in body and role not in entitled:
                    unexpected.append(f"{role} saw {sentinel!r} on {label} {url}")
    tried = len(requests) * len(world.users)
    report_figure(
        f"URL matrix: {len(patterns)} patterns enumerated, {len(patterns) - len(skipped)} "
        f"requested as {len(requests)} URLs, {len(skipped)} skipped; {len(world.users)} roles, "
        f"{tried} requests, {len(unexpected)} unexpected"
    )
    assert unexpected == [], "\n".join(unexpected)
    assert set(skipped) == EXPECTED_SKIPS, skipped
    assert len(patterns) > 300
    # Every label in the allow-table names a request that was made (no stale entries).
    assert set(ALLOWED) <= {label for label, _ in requests}


# URLs that a superuser cannot open either, each for a reason that has nothing to do with
# permissions. Anything else that a superuser gets 404 for was filled wrongly.
NOT_FOUND_FOR_EVERYONE = {
    "admin/^.*/$",  # the admin's catch-all 404, asked for with a path that does not exist
    "wagtail_serve (draft page)",  # a draft is not served
    "wagtailimages:url_generator",  # no dynamic image serve view is installed
    "wagtailimages:url_generator_output",
}


def test_the_filled_urls_name_real_records(client, records):
    """The superuser opens every URL: a 404 would mean an argument names nothing, and so the
    matrix would prove nothing about that screen."""
    requests, _ = requests_to_make(records)
    client.raise_request_exception = False
    client.force_login(records.superuser)
    not_found = {
        label
        for label, url in requests
        if label != "wagtailadmin_logout" and client.get(url).status_code == 404
    }
    report_figure(
        f"URL matrix control: the superuser opened {len(requests)} URLs, "
        f"{len(not_found)} not found ({len(NOT_FOUND_FOR_EVERYONE)} expected)"
    )
    assert not_found == NOT_FOUND_FOR_EVERYONE
