"""Volunteers: what blocks a placement (eligibility, each step the role needs, the profile's
approval, borough and yearly review), the placement service's history and audit log, the
volunteer's screens, and the emergency contact, which only the borough's programme manager
sees, on every screen and export."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from hub.volunteering import services
from hub.volunteering.enums import Step
from hub.volunteering.models import EmergencyContact, Volunteer
from hub.volunteering.models.volunteers import STEP_FIELDS
from tests.helpers import is_refused, response_body
from tests.hub.factories import drama_phone
from tests.volunteering.factories import (
    EmergencyContactFactory,
    RoleProfileFactory,
    VolunteerFactory,
    borough,
    days_ago,
)
from tests.volunteering.record_factories import (
    ExpenseClaimFactory,
    PlacedVolunteerFactory,
    VolunteerSessionFactory,
    receipts_in,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, 0), tick=False):
        yield


@pytest.fixture(autouse=True)
def _private_receipts(tmp_path):
    with receipts_in(tmp_path):
        yield


def open_role(**fields):
    return RoleProfileFactory(approved=True, **fields)


def problems_placing(volunteer, profile):
    with pytest.raises(ValidationError) as refused:
        services.place_volunteer(volunteer, profile, None)
    volunteer.refresh_from_db()
    assert volunteer.role_profile is None, "a refused placement saved nothing"
    return " ".join(refused.value.messages)


# Each step, the field(s) that record it: references need both.
STEP_CASES = [
    (Step.SECURITY_CLEARANCE, "security_cleared_on"),
    (Step.REFERENCES, "first_reference_on"),
    (Step.REFERENCES, "second_reference_on"),
    (Step.INTERVIEW, "interviewed_on"),
    (Step.INDUCTION, "inducted_on"),
    (Step.MANUAL_HANDLING, "manual_handling_on"),
    (Step.EMERGENCY_LIFE_SAVING, "emergency_life_saving_on"),
    (Step.ROLE_TRAINING, "role_trained_on"),
]


class TestWhatBlocksAPlacement:
    @pytest.mark.parametrize(("step", "field"), STEP_CASES, ids=[f for _, f in STEP_CASES])
    def test_each_missing_step_blocks_a_role_that_needs_it(self, step, field):
        profile = open_role(involves_lifting=True, public_interface=True)
        volunteer = VolunteerFactory(**{field: None})
        assert f"Not yet done: {step.label}." in problems_placing(volunteer, profile)

    def test_with_every_step_done_the_volunteer_is_placed(self):
        profile = open_role(involves_lifting=True, public_interface=True)
        volunteer = services.place_volunteer(VolunteerFactory(), profile, None)
        assert (volunteer.role_profile, volunteer.placed_on) == (profile, TODAY)

    @pytest.mark.parametrize(
        ("field", "role"),
        [
            ("manual_handling_on", {"involves_lifting": True}),
            ("emergency_life_saving_on", {"public_interface": True}),
        ],
    )
    def test_manual_handling_and_life_saving_only_for_the_roles_that_need_them(self, field, role):
        needing = open_role(**role)
        office = open_role(involves_lifting=False, public_interface=False)
        volunteer = VolunteerFactory(**{field: None})
        assert "Not yet done" in problems_placing(volunteer, needing)
        assert services.place_volunteer(volunteer, office, None).role_profile == office

    def test_a_draft_profile_is_refused(self):
        draft = RoleProfileFactory()  # never approved by the steering group
        assert "not been approved by the steering group" in problems_placing(
            VolunteerFactory(), draft
        )

    def test_another_boroughs_profile_is_refused(self):
        camden = open_role(borough=borough("Camden"))
        assert "another borough" in problems_placing(VolunteerFactory(), camden)

    @pytest.mark.parametrize(("age_in_days", "allowed"), [(365, True), (366, False)])
    def test_a_risk_assessment_past_its_yearly_review_is_refused(self, age_in_days, allowed):
        profile = open_role(risk_assessed_on=TODAY - datetime.timedelta(days=age_in_days))
        volunteer = VolunteerFactory()
        if allowed:
            assert services.place_volunteer(volunteer, profile, None).role_profile == profile
        else:
            assert "past its yearly review" in problems_placing(volunteer, profile)

    @pytest.mark.parametrize(
        ("born_on", "allowed"),
        [(datetime.date(2008, 3, 16), False), (datetime.date(2008, 3, 15), True)],
        ids=["18th birthday tomorrow", "18 today"],
    )
    def test_18_and_over(self, born_on, allowed):
        volunteer = VolunteerFactory(born_on=born_on)
        if allowed:
            assert services.place_volunteer(volunteer, open_role(), None).placed_on == TODAY
        else:
            assert "18 or over" in problems_placing(volunteer, open_role())

    @pytest.mark.parametrize(
        ("resident_since", "allowed"),
        [(datetime.date(2023, 3, 16), False), (datetime.date(2023, 3, 15), True)],
        ids=["three years less a day", "exactly three years"],
    )
    def test_three_years_uk_residence(self, resident_since, allowed):
        volunteer = VolunteerFactory(resident_since=resident_since)
        if allowed:
            assert services.place_volunteer(volunteer, open_role(), None).placed_on == TODAY
        else:
            assert "at least 3 years" in problems_placing(volunteer, open_role())

    def test_a_volunteer_who_left_is_refused(self):
        volunteer = VolunteerFactory(left_on=days_ago(3))
        assert "has left the programme" in problems_placing(volunteer, open_role())


class TestThePlacementService:
    def test_writes_history_with_its_reason_and_an_audit_log_entry(self, programme):
        profile = open_role(title="Front counter greeter")
        volunteer = VolunteerFactory()
        services.place_volunteer(volunteer, profile, programme.manager)
        latest = volunteer.history.first()
        assert latest.history_change_reason == "Placed in the role “Front counter greeter”"
        assert latest.history_user == programme.manager
        assert latest.role_profile_id == profile.pk
        entry = ModelLogEntry.objects.get(action=services.PLACE_VOLUNTEER)
        assert (entry.object_id, entry.user) == (str(volunteer.pk), programme.manager)
        assert entry.data["title"] == "Front counter greeter"

    def test_placing_again_in_the_same_role_is_refused(self):
        profile = open_role()
        volunteer = services.place_volunteer(VolunteerFactory(), profile, None)
        with pytest.raises(ValidationError, match="already placed in this role"):
            services.place_volunteer(volunteer, profile, None)


# --- Screens ---------------------------------------------------------------------------------


def signed_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def text_of(response):
    """What a response shows, spreadsheets included."""
    body = response_body(response)
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(body))
        return " ".join(
            str(cell.value)
            for sheet in workbook
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        )
    return body.decode()


class TestTheVolunteerForm:
    def url(self):
        return reverse("volunteering_volunteers:add")

    def data(self, **changes):
        return {
            "borough": borough("Islington").pk,
            "name": "Ottoline Fairweather",
            "born_on": "1990-05-01",
            "resident_since": "2001-09-01",
            **changes,
        }

    def test_offers_only_the_boroughs_the_user_manages(self, client, programme):
        response = signed_in(client, programme.manager).get(self.url())
        assert response.status_code == 200
        assert list(response.context["form"].fields["borough"].queryset) == [programme.borough]

    def test_records_a_volunteer_with_history(self, client, programme):
        response = signed_in(client, programme.manager).post(self.url(), self.data())
        assert response.status_code == 302
        volunteer = Volunteer.objects.get(name="Ottoline Fairweather")
        assert volunteer.borough == programme.borough
        record = volunteer.history.get()
        assert (record.history_change_reason, record.history_user) == (
            "Volunteer recorded",
            programme.manager,
        )

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"borough": "__camden__"}, "borough"),
            ({"born_on": "2008-03-16"}, "born_on"),  # 18 tomorrow
            ({"resident_since": "2023-03-16"}, "resident_since"),  # three years less a day
            ({"born_on": "2027-01-01"}, "born_on"),
            ({"name": ""}, "name"),
        ],
    )
    def test_errors_show_on_the_form_and_nothing_is_saved(self, client, programme, changes, field):
        if changes.get("borough") == "__camden__":
            changes = {"borough": programme.other_borough.pk}
        response = signed_in(client, programme.manager).post(self.url(), self.data(**changes))
        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert not Volunteer.objects.exists()

    def test_the_borough_of_a_volunteer_cannot_be_changed(self, client, programme):
        volunteer = VolunteerFactory(name="Ottoline Fairweather")
        url = reverse("volunteering_volunteers:edit", args=[volunteer.pk])
        data = {**self.data(borough=programme.other_borough.pk), "left_on": "2026-03-01"}
        response = signed_in(client, programme.manager).post(url, data)
        assert response.status_code == 302
        volunteer.refresh_from_db()
        assert (volunteer.borough, volunteer.left_on) == (
            programme.borough,
            datetime.date(2026, 3, 1),
        )
        assert volunteer.history.first().history_change_reason == "Volunteer's record changed"

    @pytest.mark.parametrize(
        "who", ["central team", "steering group member", "other borough's manager"]
    )
    def test_others_cannot_add_or_edit_an_islington_volunteer(self, client, programme, who):
        volunteer = VolunteerFactory()
        client = signed_in(client, programme.users[who])
        edit = reverse("volunteering_volunteers:edit", args=[volunteer.pk])
        assert is_refused(client.get(edit))
        assert is_refused(client.post(edit, self.data(name="Changed")))
        volunteer.refresh_from_db()
        assert volunteer.name != "Changed"


class TestTheVolunteerPage:
    def url(self, volunteer):
        return reverse("volunteering_volunteers:inspect", args=[volunteer.pk])

    def test_not_placed_shows_the_steps_every_role_needs(self, client, programme):
        volunteer = VolunteerFactory(not_started=True, interviewed_on=days_ago(3))
        text = text_of(signed_in(client, programme.manager).get(self.url(volunteer)))
        assert "Eligible: 18 or over" in text
        assert "Not placed in a role yet." in text
        assert "What every role needs" in text
        assert Step.INTERVIEW.label in text
        assert Step.MANUAL_HANDLING.label not in text
        assert text.count("Not yet done") == 4  # all but the interview

    def test_placed_shows_the_role_and_its_steps(self, client, programme):
        profile = open_role(title="Station greeter", public_interface=True)
        volunteer = VolunteerFactory(role_profile=profile, placed_on=days_ago(10))
        text = text_of(signed_in(client, programme.manager).get(self.url(volunteer)))
        assert "Placed in the role “Station greeter”" in text
        assert Step.EMERGENCY_LIFE_SAVING.label in text
        assert Step.MANUAL_HANDLING.label not in text
        assert "Not yet done" not in text

    def test_an_ineligible_volunteer_is_shown_as_such(self, client, programme):
        volunteer = VolunteerFactory(born_on=datetime.date(2008, 3, 16))
        text = text_of(signed_in(client, programme.manager).get(self.url(volunteer)))
        assert "Volunteers must be 18 or over." in text

    @pytest.mark.parametrize(
        "who", ["steering group member", "deputy", "other borough's manager", "no role"]
    )
    def test_refused_to_those_outside_the_borough_programme(self, client, programme, who):
        volunteer = VolunteerFactory()
        assert is_refused(signed_in(client, programme.users[who]).get(self.url(volunteer)))


class TestThePlaceScreen:
    def url(self, volunteer):
        return reverse("volunteering_volunteers:place", args=[volunteer.pk])

    def test_offers_only_the_boroughs_open_roles(self, client, programme):
        volunteer = VolunteerFactory()
        open_here = open_role(title="Open here")
        RoleProfileFactory(title="A draft here")
        open_role(title="Overdue here", risk_assessed_on=days_ago(366))
        open_role(title="Open in Camden", borough=programme.other_borough)
        response = signed_in(client, programme.manager).get(self.url(volunteer))
        assert response.status_code == 200
        assert list(response.context["form"].fields["role_profile"].queryset) == [open_here]
        text = text_of(response)
        assert "Open here" in text
        for title in ["A draft here", "Overdue here", "Open in Camden"]:
            assert title not in text

    def test_places_the_volunteer(self, client, programme):
        volunteer = VolunteerFactory()
        profile = open_role()
        response = signed_in(client, programme.manager).post(
            self.url(volunteer), {"role_profile": profile.pk}
        )
        assert response.status_code == 302
        volunteer.refresh_from_db()
        assert (volunteer.role_profile, volunteer.placed_on) == (profile, TODAY)

    def test_another_boroughs_role_cannot_be_posted(self, client, programme):
        volunteer = VolunteerFactory()
        open_role()
        camden = open_role(borough=programme.other_borough)
        response = signed_in(client, programme.manager).post(
            self.url(volunteer), {"role_profile": camden.pk}
        )
        assert response.status_code == 200
        assert "role_profile" in response.context["form"].errors
        volunteer.refresh_from_db()
        assert volunteer.role_profile is None

    def test_what_the_service_refuses_is_shown_and_nothing_saved(self, client, programme):
        volunteer = VolunteerFactory(interviewed_on=None)
        profile = open_role()
        response = signed_in(client, programme.manager).post(
            self.url(volunteer), {"role_profile": profile.pk}
        )
        assert response.status_code == 200
        assert "Not yet done: Formal interview." in " ".join(
            response.context["form"].non_field_errors()
        )
        volunteer.refresh_from_db()
        assert volunteer.role_profile is None
        assert not ModelLogEntry.objects.filter(action=services.PLACE_VOLUNTEER).exists()

    @pytest.mark.parametrize(
        "who", ["central team", "steering group member", "other borough's manager", "no role"]
    )
    def test_only_the_boroughs_manager_places(self, client, programme, who):
        volunteer = VolunteerFactory()
        profile = open_role()
        client = signed_in(client, programme.users[who])
        assert is_refused(client.get(self.url(volunteer)))
        assert is_refused(client.post(self.url(volunteer), {"role_profile": profile.pk}))
        volunteer.refresh_from_db()
        assert volunteer.role_profile is None


CONTACT_NAME = "Hesper Quillington"
CONTACT_PHONE = drama_phone(917)


class TestTheEmergencyContact:
    @pytest.fixture
    def volunteer(self, programme):
        volunteer = PlacedVolunteerFactory(name="Wilhelmina Brackenbury")
        EmergencyContactFactory(volunteer=volunteer, name=CONTACT_NAME, phone=CONTACT_PHONE)
        VolunteerSessionFactory(volunteer=volunteer)
        ExpenseClaimFactory(volunteer=volunteer)
        services.place_volunteer(volunteer, open_role(), programme.manager)  # an audit entry
        return volunteer

    def screens(self, volunteer):
        inspect = reverse("volunteering_volunteers:inspect", args=[volunteer.pk])
        volunteers = reverse("volunteering_volunteers:index")
        sessions = reverse("volunteering_sessions:index")
        claims = reverse("volunteering_claims:index")
        return {
            "volunteer list": volunteers,
            "volunteer search": volunteers + "?q=Wilhelmina",
            "volunteer export (CSV)": volunteers + "?export=csv",
            "volunteer export (XLSX)": volunteers + "?export=xlsx",
            "volunteer page": inspect,
            "volunteer edit": reverse("volunteering_volunteers:edit", args=[volunteer.pk]),
            "volunteer history": reverse("volunteering_volunteers:history", args=[volunteer.pk]),
            "place in a role": reverse("volunteering_volunteers:place", args=[volunteer.pk]),
            "emergency contact": reverse(
                "volunteering_volunteers:emergency_contact", args=[volunteer.pk]
            ),
            "sessions list": sessions,
            "sessions export (CSV)": sessions + "?export=csv",
            "sessions export (XLSX)": sessions + "?export=xlsx",
            "claims list": claims,
            "claims export (CSV)": claims + "?export=csv",
            "claims export (XLSX)": claims + "?export=xlsx",
            "monthly report": reverse("volunteering_report:index"),
            "site history": reverse("hub_site_history"),
        }

    def test_only_the_boroughs_manager_sees_it_on_any_screen_or_export(
        self, client, programme, volunteer
    ):
        seen = set()
        for who, user in programme.users.items():
            signed_in(client, user)
            for screen, url in self.screens(volunteer).items():
                response = client.get(url)
                assert response.status_code in (200, 302, 403, 404), (who, screen)
                text = text_of(response) if response.status_code == 200 else ""
                if CONTACT_NAME in text or CONTACT_PHONE in text:
                    seen.add((who, screen))
        assert seen == {
            ("programme manager", "volunteer page"),
            ("programme manager", "emergency contact"),
        }

    def test_the_manager_sees_it_with_the_volunteers_other_records(
        self, client, programme, volunteer
    ):
        # The matrix above is only worth something if the manager's screens really work.
        signed_in(client, programme.manager)
        listing = text_of(client.get(reverse("volunteering_volunteers:index") + "?export=csv"))
        assert "Wilhelmina Brackenbury" in listing
        page = client.get(reverse("volunteering_volunteers:inspect", args=[volunteer.pk]))
        assert CONTACT_PHONE in text_of(page)
        assert "no-store" in page["Cache-Control"]

    def test_the_manager_corrects_it_and_no_copy_is_kept(self, client, programme, volunteer):
        url = reverse("volunteering_volunteers:emergency_contact", args=[volunteer.pk])
        new_phone = drama_phone(918)
        response = signed_in(client, programme.manager).post(
            url, {"name": "Ambrose Quillington", "relationship": "Brother", "phone": new_phone}
        )
        assert response.status_code == 302
        contact = EmergencyContact.objects.get(volunteer=volunteer)
        assert (contact.name, contact.phone) == ("Ambrose Quillington", new_phone)
        entry = ModelLogEntry.objects.get(action=services.SAVE_EMERGENCY_CONTACT)
        assert entry.object_id == str(volunteer.pk)
        assert CONTACT_PHONE not in str(entry.data) and new_phone not in str(entry.data)

    def test_errors_show_on_the_form_and_nothing_is_saved(self, client, programme, volunteer):
        url = reverse("volunteering_volunteers:emergency_contact", args=[volunteer.pk])
        response = signed_in(client, programme.manager).post(
            url, {"name": "Ambrose Quillington", "relationship": "Brother", "phone": ""}
        )
        assert response.status_code == 200
        assert "phone" in response.context["form"].errors
        assert EmergencyContact.objects.get(volunteer=volunteer).name == CONTACT_NAME
        assert not ModelLogEntry.objects.filter(action=services.SAVE_EMERGENCY_CONTACT).exists()

    def test_the_manager_removes_it(self, client, programme, volunteer):
        url = reverse("volunteering_volunteers:emergency_contact", args=[volunteer.pk])
        response = signed_in(client, programme.manager).post(url, {"remove": "1"})
        assert response.status_code == 302
        assert not EmergencyContact.objects.filter(volunteer=volunteer).exists()
        assert ModelLogEntry.objects.filter(action=services.REMOVE_EMERGENCY_CONTACT).exists()

    @pytest.mark.parametrize(
        "who", ["central team", "steering group member", "deputy", "other borough's manager"]
    )
    def test_nobody_else_changes_it(self, client, programme, volunteer, who):
        url = reverse("volunteering_volunteers:emergency_contact", args=[volunteer.pk])
        client = signed_in(client, programme.users[who])
        assert is_refused(client.post(url, {"name": "X", "phone": drama_phone(1)}))
        assert is_refused(client.post(url, {"remove": "1"}))
        assert EmergencyContact.objects.get(volunteer=volunteer).phone == CONTACT_PHONE

    def test_the_services_refuse_anyone_else(self, programme, volunteer):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            services.save_emergency_contact(
                volunteer, programme.users["central team"], name="X", phone=drama_phone(2)
            )
        with pytest.raises(PermissionDenied):
            services.remove_emergency_contact(volunteer, programme.other_manager)
        assert EmergencyContact.objects.get(volunteer=volunteer).phone == CONTACT_PHONE


def test_every_step_has_a_field():
    assert set(STEP_FIELDS) == set(Step)


def test_every_action_the_services_log_is_registered_with_its_label():
    from wagtail.log_actions import registry

    actions = [action for action, _label, _message in services.LOG_ACTIONS]
    assert all(action.startswith("volunteering.") for action in actions)
    for action, label, _message in services.LOG_ACTIONS:
        assert registry.action_exists(action)
        assert registry.get_action_label(action) == label
    used = {
        value
        for name, value in vars(services).items()
        if name.isupper() and isinstance(value, str) and value.startswith("volunteering.")
    }
    assert used == set(actions)


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("programme manager", True),
        ("central team", True),
        ("steering group member", False),
        ("deputy", False),
    ],
)
def test_the_menu_shows_the_records_only_to_those_who_keep_or_read_them(
    client, programme, who, shown
):
    home = signed_in(client, programme.users[who]).get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    body = home.content.decode()
    for name in ("volunteers", "sessions", "claims", "report"):
        assert (reverse(f"volunteering_{name}:index") in body) is shown, name


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("volunteers", lambda: PlacedVolunteerFactory()),
        ("sessions", lambda: VolunteerSessionFactory()),
        ("claims", lambda: ExpenseClaimFactory()),
    ],
)
def test_a_list_takes_as_many_queries_for_many_rows_as_for_few(client, programme, name, make):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse(f"volunteering_{name}:index")
    client = signed_in(client, programme.manager)
    make()
    client.get(url)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for _ in range(6):
        make()
    assert queries() == few
