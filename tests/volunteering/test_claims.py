"""Expense claims: a receipt is required (PDF, JPG or PNG, at most 5 MB, kept in private
storage under a name of our own), only the volunteer's borough programme manager approves or
refuses (GUIDE: "Please never sign off a volunteer's expenses ... refer this back to the
MVPM"), a refusal gives its reason, and the receipt is downloaded only by those who may see
the claim, never cached."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import ModelLogEntry

from hub.volunteering import services
from hub.volunteering.enums import ClaimStatus
from hub.volunteering.models import ExpenseClaim
from hub.volunteering.models.volunteers import RECEIPT_MAX_BYTES
from tests.helpers import is_refused, response_body
from tests.volunteering.record_factories import (
    JPG,
    PDF,
    PNG,
    ExpenseClaimFactory,
    PlacedVolunteerFactory,
    VolunteerSessionFactory,
    receipt,
    receipts_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, 0), tick=False):
        yield


@pytest.fixture(autouse=True)
def private(tmp_path):
    """Where receipts go in these tests: a fresh folder, not the real private folder."""
    with receipts_in(tmp_path):
        yield tmp_path


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def submit(volunteer, user=None, **changes):
    fields = {
        "spent_on": datetime.date(2026, 3, 12),
        "description": "Bus fares to and from the station",
        "amount": Decimal("4.80"),
        "receipt": receipt(),
        **changes,
    }
    return services.submit_claim(volunteer, user=user, **fields)


class TestSubmittingAClaim:
    def test_kept_in_private_storage_under_a_name_of_our_own(self, private, programme):
        volunteer = PlacedVolunteerFactory()
        claim = submit(volunteer, programme.manager, receipt=receipt("Hesper bank statement.PDF"))
        assert claim.status == ClaimStatus.SUBMITTED
        [stored] = stored_files(private)
        assert stored.read_bytes() == PDF
        assert stored.suffix == ".pdf"
        assert "Hesper" not in claim.receipt.name and "statement" not in claim.receipt.name
        assert claim.receipt.name.startswith("receipts/2026/03/")
        assert not str(stored).startswith(str(settings.MEDIA_ROOT))

    def test_writes_history_and_an_audit_log_entry(self, programme):
        claim = submit(PlacedVolunteerFactory(), programme.manager)
        record = claim.history.get()
        assert (record.history_change_reason, record.history_user) == (
            "Claim submitted",
            programme.manager,
        )
        entry = ModelLogEntry.objects.get(action=services.SUBMIT_CLAIM)
        assert (entry.object_id, entry.user) == (str(claim.pk), programme.manager)

    @pytest.mark.parametrize(
        ("name", "content"),
        [("receipt.pdf", PDF), ("receipt.jpg", JPG), ("receipt.JPEG", JPG), ("receipt.png", PNG)],
    )
    def test_pdf_jpg_and_png_are_accepted(self, name, content):
        claim = submit(PlacedVolunteerFactory(), receipt=receipt(name, content))
        assert claim.pk is not None

    @pytest.mark.parametrize(
        ("upload", "message"),
        [
            (receipt("receipt.gif", b"GIF89a" + b"\x00" * 20), "a PDF, JPG or PNG file"),
            (receipt("receipt.exe", b"MZ" + b"\x00" * 20), "a PDF, JPG or PNG file"),
            (receipt("receipt.pdf", PNG), "is not a PDF"),
            (receipt("receipt.pdf", b""), "The file is empty"),
            (receipt("receipt.pdf", size=RECEIPT_MAX_BYTES + 1), "at most 5 MB"),
        ],
        ids=["gif", "exe", "png called pdf", "empty", "5 MB and a byte"],
    )
    def test_other_files_are_refused_and_nothing_is_stored(self, private, upload, message):
        with pytest.raises(ValidationError) as refused:
            submit(PlacedVolunteerFactory(), receipt=upload)
        assert message in " ".join(refused.value.message_dict["receipt"])
        assert not ExpenseClaim.objects.exists()
        assert stored_files(private) == []

    def test_exactly_5_mb_is_accepted(self):
        claim = submit(PlacedVolunteerFactory(), receipt=receipt(size=RECEIPT_MAX_BYTES))
        assert claim.receipt.size == RECEIPT_MAX_BYTES

    def test_a_receipt_is_required(self):
        with pytest.raises(ValidationError) as refused:
            submit(PlacedVolunteerFactory(), receipt=None)
        assert "receipt" in refused.value.message_dict

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"spent_on": datetime.date(2026, 3, 16)}, "spent_on"),
            ({"amount": Decimal("0.00")}, "amount"),
        ],
    )
    def test_other_refusals(self, private, changes, field):
        with pytest.raises(ValidationError) as refused:
            submit(PlacedVolunteerFactory(), **changes)
        assert field in refused.value.message_dict
        assert stored_files(private) == []

    def test_a_session_must_be_the_volunteers_own(self):
        volunteer = PlacedVolunteerFactory()
        someone_elses = VolunteerSessionFactory()
        with pytest.raises(ValidationError) as refused:
            submit(volunteer, session=someone_elses)
        assert "another volunteer" in refused.value.message_dict["session"][0]
        assert submit(volunteer, session=VolunteerSessionFactory(volunteer=volunteer)).session


OTHERS = ["central team", "other borough's manager", "steering group member", "deputy", "no role"]


class TestDecidingAClaim:
    @pytest.mark.parametrize("who", OTHERS)
    def test_only_the_boroughs_manager_decides(self, programme, who):
        claim = ExpenseClaimFactory()
        for approve in (True, False):
            with pytest.raises(PermissionDenied):
                services.decide_claim(
                    claim, programme.users[who], approve=approve, reason="Not agreed beforehand."
                )
        claim.refresh_from_db()
        assert (claim.status, claim.decided_by) == (ClaimStatus.SUBMITTED, None)
        assert not ModelLogEntry.objects.filter(action__startswith="volunteering.claim.").exists()

    def test_the_manager_approves_with_history_and_audit_log(self, programme):
        claim = services.decide_claim(ExpenseClaimFactory(), programme.manager, approve=True)
        assert (claim.status, claim.decided_by, claim.reason) == (
            ClaimStatus.APPROVED,
            programme.manager,
            "",
        )
        assert claim.decided_at is not None
        record = claim.history.first()
        assert (record.history_change_reason, record.history_user, record.status) == (
            "Claim approved",
            programme.manager,
            ClaimStatus.APPROVED,
        )
        assert ModelLogEntry.objects.filter(
            action=services.APPROVE_CLAIM, object_id=str(claim.pk), user=programme.manager
        ).exists()

    def test_a_refusal_needs_a_reason(self, programme):
        claim = ExpenseClaimFactory()
        with pytest.raises(ValidationError) as refused:
            services.decide_claim(claim, programme.manager, approve=False, reason="  ")
        assert "reason" in refused.value.message_dict
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.SUBMITTED
        claim = services.decide_claim(
            claim, programme.manager, approve=False, reason="Taxi fare not agreed beforehand."
        )
        assert (claim.status, claim.reason) == (
            ClaimStatus.REFUSED,
            "Taxi fare not agreed beforehand.",
        )
        assert claim.history.first().history_change_reason == "Claim refused"
        assert ModelLogEntry.objects.filter(action=services.REFUSE_CLAIM).exists()

    def test_the_database_refuses_a_refusal_without_a_reason(self):
        claim = ExpenseClaimFactory()
        claim.status = ClaimStatus.REFUSED
        with pytest.raises(IntegrityError), transaction.atomic():
            claim.save()

    def test_only_a_submitted_claim_is_decided(self, programme):
        claim = services.decide_claim(ExpenseClaimFactory(), programme.manager, approve=True)
        with pytest.raises(ValidationError, match="already been decided"):
            services.decide_claim(claim, programme.manager, approve=False, reason="Changed mind")
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.APPROVED


def signed_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


class TestTheClaimForm:
    def url(self):
        return reverse("volunteering_claims:add")

    def data(self, volunteer, **changes):
        return {
            "volunteer": volunteer.pk,
            "spent_on": "2026-03-12",
            "description": "Bus fares to and from the station",
            "amount": "4.80",
            "receipt": receipt(),
            **changes,
        }

    def test_submits_a_claim_with_its_receipt(self, client, programme, private):
        volunteer = PlacedVolunteerFactory()
        response = signed_in(client, programme.manager).post(self.url(), self.data(volunteer))
        claim = ExpenseClaim.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse("volunteering_claims:inspect", args=[claim.pk])
        assert (claim.volunteer, claim.amount) == (volunteer, Decimal("4.80"))
        assert len(stored_files(private)) == 1

    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            ({"receipt": ""}, "receipt", "Attach the receipt: every claim needs one."),
            (
                {"receipt": receipt("receipt.gif", b"GIF89a" + b"\x00" * 20)},
                "receipt",
                "Upload the receipt as a PDF, JPG or PNG file",
            ),
            (
                {"receipt": receipt(size=6 * 1024 * 1024)},
                "receipt",
                "The file is 6.0 MB: a receipt may be at most 5 MB.",
            ),
            ({"amount": "0"}, "amount", ""),
            ({"spent_on": "2026-03-16"}, "spent_on", "cannot be in the future"),
        ],
        ids=["no receipt", "gif", "6 MB", "nothing spent", "in the future"],
    )
    def test_errors_show_on_the_form_and_nothing_is_saved(
        self, client, programme, private, changes, field, message
    ):
        volunteer = PlacedVolunteerFactory()
        response = signed_in(client, programme.manager).post(
            self.url(), self.data(volunteer, **changes)
        )
        assert response.status_code == 200
        errors = " ".join(response.context["form"].errors.get(field, []))
        assert errors and message in errors
        assert "choose the receipt again" in response.content.decode()
        assert not ExpenseClaim.objects.exists()
        assert stored_files(private) == []

    def test_only_the_chosen_volunteers_sessions_are_offered(self, client, programme):
        volunteer = PlacedVolunteerFactory()
        own = VolunteerSessionFactory(volunteer=volunteer)
        other_session = VolunteerSessionFactory()
        client = signed_in(client, programme.manager)
        form = client.get(self.url() + f"?volunteer={volunteer.pk}").context["form"]
        assert list(form.fields["session"].queryset) == [own]
        response = client.post(self.url(), self.data(volunteer, session=other_session.pk))
        assert response.status_code == 200
        assert "session" in response.context["form"].errors
        assert not ExpenseClaim.objects.exists()

    def test_offers_only_the_managers_borough(self, client, programme):
        here = PlacedVolunteerFactory()
        camden = PlacedVolunteerFactory(borough=programme.other_borough)
        client = signed_in(client, programme.manager)
        assert list(client.get(self.url()).context["form"].fields["volunteer"].queryset) == [here]
        response = client.post(self.url(), self.data(camden))
        assert "volunteer" in response.context["form"].errors
        assert not ExpenseClaim.objects.exists()

    @pytest.mark.parametrize("who", ["central team", "steering group member", "no role"])
    def test_others_cannot_submit(self, client, programme, who):
        volunteer = PlacedVolunteerFactory()
        client = signed_in(client, programme.users[who])
        assert is_refused(client.get(self.url()))
        assert is_refused(client.post(self.url(), self.data(volunteer)))
        assert not ExpenseClaim.objects.exists()


class TestTheDecisionScreen:
    def url(self, claim):
        return reverse("volunteering_claims:decide", args=[claim.pk])

    def test_the_manager_approves(self, client, programme):
        claim = ExpenseClaimFactory()
        client = signed_in(client, programme.manager)
        inspect = client.get(reverse("volunteering_claims:inspect", args=[claim.pk]))
        assert self.url(claim) in inspect.content.decode()
        assert client.get(self.url(claim)).status_code == 200
        response = client.post(self.url(claim), {"decision": "approve", "reason": ""})
        assert response.status_code == 302
        claim.refresh_from_db()
        assert (claim.status, claim.decided_by) == (ClaimStatus.APPROVED, programme.manager)

    def test_a_refusal_without_a_reason_is_an_error_and_nothing_is_saved(self, client, programme):
        claim = ExpenseClaimFactory()
        response = signed_in(client, programme.manager).post(
            self.url(claim), {"decision": "refuse", "reason": ""}
        )
        assert response.status_code == 200
        assert "Say why the claim is refused" in response.context["form"].errors["reason"][0]
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.SUBMITTED

    @pytest.mark.parametrize("who", OTHERS)
    def test_nobody_else_decides(self, client, programme, who):
        claim = ExpenseClaimFactory()
        client = signed_in(client, programme.users[who])
        assert is_refused(client.get(self.url(claim)))
        assert is_refused(client.post(self.url(claim), {"decision": "approve"}))
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.SUBMITTED

    def test_the_central_team_reads_the_claim_without_the_decision_button(self, client, programme):
        claim = ExpenseClaimFactory()
        response = signed_in(client, programme.users["central team"]).get(
            reverse("volunteering_claims:inspect", args=[claim.pk])
        )
        assert response.status_code == 200
        assert "Bus fares to and from the station" in response.content.decode()
        assert self.url(claim) not in response.content.decode()

    def test_a_claim_is_never_edited_or_deleted_on_a_generic_screen(
        self, client, programme, superuser
    ):
        claim = ExpenseClaimFactory()
        for user in (programme.manager, superuser):
            client = signed_in(client, user)
            assert is_refused(
                client.post(
                    reverse("volunteering_claims:edit", args=[claim.pk]), {"description": "X"}
                )
            )
            assert is_refused(client.post(reverse("volunteering_claims:delete", args=[claim.pk])))
        claim.refresh_from_db()
        assert claim.description == "Bus fares to and from the station"


class TestTheReceiptDownload:
    def url(self, claim):
        return reverse("volunteering_claims:receipt", args=[claim.pk])

    @pytest.mark.parametrize("who", ["programme manager", "central team"])
    def test_an_attachment_no_cache_keeps_for_those_who_may_see_the_claim(
        self, client, programme, who
    ):
        claim = ExpenseClaimFactory()
        response = signed_in(client, programme.users[who]).get(self.url(claim))
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="receipt-{claim.pk}.pdf"'
        assert "no-store" in response["Cache-Control"]
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response_body(response) == PDF

    @pytest.mark.parametrize(
        "who",
        ["anonymous", "no role", "steering group member", "deputy", "other borough's manager"],
    )
    def test_refused_to_anyone_else(self, client, programme, who):
        claim = ExpenseClaimFactory()
        response = signed_in(client, programme.users[who]).get(self.url(claim))
        assert is_refused(response)
        assert PDF not in response_body(response)

    def test_a_missing_file_is_not_found(self, client, programme, private):
        claim = ExpenseClaimFactory()
        for path in stored_files(private):
            path.unlink()
        assert signed_in(client, programme.manager).get(self.url(claim)).status_code == 404
