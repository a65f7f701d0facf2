"""Admin screens of the volunteers' records that are more than a list or a model form: a
volunteer's page, placing them in a role, their emergency contact, recording a session, an
expense claim with its receipt and the manager's decision on it, and the monthly report.

Every change goes through ``services``; a screen shows what the service refused on the form,
with everything typed kept, and saves nothing.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from hub.admin_views import (
    ScopedDeleteView,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    breadcrumb_trail,
)
from hub.models import Borough
from hub.volunteering import permissions, rules, services
from hub.volunteering.admin_forms import managed_boroughs
from hub.volunteering.models import (
    EmergencyContact,
    ExpenseClaim,
    RoleProfile,
    Volunteer,
    VolunteerSession,
)
from hub.volunteering.record_forms import (
    ClaimForm,
    DecisionForm,
    EmergencyContactForm,
    MonthForm,
    PlacementForm,
    SessionForm,
    volunteers_of,
)

VOLUNTEERS = "volunteering_volunteers"
SESSIONS = "volunteering_sessions"
CLAIMS = "volunteering_claims"
REPORT = "volunteering_report"


def add_service_errors(form, error):
    """Put what a service refused on the fields it concerns, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class ServiceFormView(WagtailAdminTemplateMixin, FormView):
    """A form whose valid data goes to ``perform`` (a service call). What the service refuses
    is shown on the form; nothing is saved."""

    template_name = "volunteering/admin/form.html"
    success_message = ""
    submit_label = "Save"
    multipart = False

    def perform(self, data):
        raise NotImplementedError

    def get_success_message(self):
        return self.success_message

    def form_valid(self, form):
        try:
            self.result = self.perform(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        messages.error(self.request, "Nothing was saved: correct the errors below.")
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label=self.submit_label, multipart=self.multipart, **kwargs
        )


def _no_url(self, *args):
    return None


def services_only(*actions):
    """A record changed only through the services: no link to the generic screens for
    ``actions`` ("edit", "delete"), which refuse everyone."""

    def decorate(view):
        for action in actions:
            setattr(view, f"get_{action}_url", _no_url)
        return view

    return decorate


# --- Volunteers --------------------------------------------------------------------------------


def volunteer_url(volunteer):
    return reverse(f"{VOLUNTEERS}:inspect", args=[volunteer.pk])


class VolunteerIndexView(ScopedIndexView):
    queryset = Volunteer.objects.select_related("borough", "role_profile__borough")


class VolunteerCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance._change_reason = "Volunteer recorded"
        return super().save_instance()


class VolunteerEditView(ScopedEditView):
    def save_instance(self):
        self.form.instance._change_reason = "Volunteer's record changed"
        return super().save_instance()


class VolunteerInspectView(ScopedInspectView):
    """Eligibility, the steps before starting (for their role, or every role's), the placement
    and this month's hours; the emergency contact only for the borough's programme manager."""

    template_name = "volunteering/admin/volunteer_inspect.html"

    def get_context_data(self, **kwargs):
        volunteer = self.object
        user = self.request.user
        today = timezone.localdate()
        profile = volunteer.role_profile
        this_month = (today.year, today.month)
        minutes = VolunteerSession.objects.minutes_by_month(volunteer, [this_month])[this_month]
        show_contact = permissions.user_can_see_emergency_contact(user, volunteer)
        session_policy = policy_registry.get_by_type(VolunteerSession)
        claim_policy = policy_registry.get_by_type(ExpenseClaim)
        manages = permissions.user_manages_borough(user, volunteer.borough_id)
        return super().get_context_data(
            volunteer=volunteer,
            eligibility_problems=volunteer.eligibility_problems(today),
            minimum_age=rules.MINIMUM_AGE,
            residence_years=rules.UK_RESIDENCE_YEARS,
            profile=profile,
            steps=volunteer.steps_for(profile),
            profile_open=profile.may_take_new_volunteers(today) if profile else None,
            month_hours=rules.hours_label(minutes),
            near_cap=rules.near_cap(minutes),
            cap_hours=rules.hours_label(rules.MONTHLY_CAP_MINUTES),
            sessions=volunteer.sessions.select_related("role_profile")[:10],
            claims=volunteer.claims.all()[:10],
            show_contact=show_contact,
            contact=(
                EmergencyContact.objects.filter(volunteer=volunteer).first()
                if show_contact
                else None
            ),
            can_place=permissions.user_can_place_volunteer(user, volunteer),
            can_record_session=manages
            and volunteer.is_placed
            and session_policy.user_has_permission(user, "add"),
            can_claim=manages and claim_policy.user_has_permission(user, "add"),
            **kwargs,
        )


class VolunteerScreenMixin:
    """A screen about one volunteer (``self.volunteer``) that ``allowed(user, volunteer)``
    lets the user see, under the volunteer's page."""

    allowed = None

    def dispatch(self, request, *args, **kwargs):
        self.volunteer = get_object_or_404(
            Volunteer.objects.select_related("borough", "role_profile"), pk=kwargs["pk"]
        )
        if not self.allowed(request.user, self.volunteer):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.volunteer)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse(f"{VOLUNTEERS}:index"), "Volunteers"),
            (volunteer_url(self.volunteer), str(self.volunteer)),
            ("", self.page_title),
        )

    def get_success_url(self):
        return volunteer_url(self.volunteer)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            volunteer=self.volunteer, cancel_url=volunteer_url(self.volunteer), **kwargs
        )


class PlaceVolunteerView(VolunteerScreenMixin, ServiceFormView):
    """Offers only the borough's roles open to volunteers; says, for each, what stands in the
    way."""

    form_class = PlacementForm
    template_name = "volunteering/admin/place.html"
    page_title = "Place in a role"
    header_icon = "user"
    submit_label = "Place in this role"
    allowed = staticmethod(permissions.user_can_place_volunteer)

    @cached_property
    def profiles(self):
        return (
            RoleProfile.objects.open_to_volunteers(timezone.localdate())
            .filter(borough_id=self.volunteer.borough_id)
            .select_related("borough")
            .order_by("title")
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "profiles": self.profiles}

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        readiness = []
        for profile in self.profiles:
            problems = self.volunteer.placement_problems(profile, today)
            if profile.pk == self.volunteer.role_profile_id:
                problems.append("They are already placed in this role.")
            readiness.append((profile, problems))
        return super().get_context_data(readiness=readiness, **kwargs)

    def perform(self, data):
        return services.place_volunteer(self.volunteer, data["role_profile"], self.request.user)

    def get_success_message(self):
        return f"{self.volunteer} is placed in the role “{self.result.role_profile.title}”."


class EmergencyContactView(VolunteerScreenMixin, ServiceFormView):
    """Kept by the borough's programme manager only; nobody else sees this screen."""

    form_class = EmergencyContactForm
    template_name = "volunteering/admin/emergency_contact.html"
    page_title = "Emergency contact"
    header_icon = "user"
    submit_label = "Save the contact details"
    success_message = "Emergency contact details saved."
    allowed = staticmethod(permissions.user_can_see_emergency_contact)

    @cached_property
    def contact(self):
        return EmergencyContact.objects.filter(volunteer=self.volunteer).first()

    def get_form_kwargs(self):
        instance = self.contact or EmergencyContact(volunteer=self.volunteer)
        return {**super().get_form_kwargs(), "instance": instance}

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            try:
                services.remove_emergency_contact(self.volunteer, request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, "Emergency contact details removed.")
            return redirect(volunteer_url(self.volunteer))
        return super().post(request, *args, **kwargs)

    def perform(self, data):
        return services.save_emergency_contact(
            self.volunteer,
            self.request.user,
            name=data["name"],
            relationship=data["relationship"],
            phone=data["phone"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.contact, **kwargs)


# --- Sessions ----------------------------------------------------------------------------------


class RecordScreenMixin:
    """A screen that adds a record through a service: the model's add permission, and at
    least one borough the user runs."""

    model = None
    namespace = None
    index_label = ""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model)
        if not (
            policy.user_has_permission(request.user, "add")
            and managed_boroughs(request.user).exists()
        ):
            raise PermissionDenied
        if not volunteers_of(request.user).exists():
            messages.info(request, "Add a volunteer first: sessions and claims are theirs.")
            return redirect(reverse(f"{VOLUNTEERS}:index"))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse(f"{self.namespace}:index"), self.index_label),
            ("", self.page_title),
        )

    def chosen_volunteer(self):
        """The volunteer named in the address (from their page) or chosen in the form."""
        raw = self.request.POST.get("volunteer") or self.request.GET.get("volunteer")
        if not raw or not str(raw).isdigit():
            return None
        return volunteers_of(self.request.user).filter(pk=raw).first()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user,
                "today": timezone.localdate()}  # fmt: skip

    def get_initial(self):
        volunteer = self.chosen_volunteer()
        return {"volunteer": volunteer} if volunteer else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel_url=reverse(f"{self.namespace}:index"), **kwargs)


class SessionCreateView(RecordScreenMixin, ServiceFormView):
    model = VolunteerSession
    namespace = SESSIONS
    index_label = "Sessions"
    form_class = SessionForm
    template_name = "volunteering/admin/session_form.html"
    page_title = "Record a session"
    header_icon = "time"
    submit_label = "Record the session"

    def get_initial(self):
        return {**super().get_initial(), "day": timezone.localdate()}

    def perform(self, data):
        return services.record_session(
            data["volunteer"],
            day=data["day"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            notes=data["notes"],
            user=self.request.user,
        )

    def get_success_message(self):
        session = self.result
        subsidy = (
            f", with a meal subsidy of £{session.meal_subsidy}" if session.meal_subsidy else ""
        )
        return f"Session recorded: {session.hours} hours for {session.volunteer}{subsidy}."

    def get_success_url(self):
        return volunteer_url(self.result.volunteer)

    def get_context_data(self, **kwargs):
        return super().get_context_data(midnight_rule=rules.MIDNIGHT_RULE, **kwargs)


@services_only("edit")
class SessionIndexView(ScopedIndexView):
    queryset = VolunteerSession.objects.select_related(
        "volunteer__borough", "role_profile__borough"
    )


@services_only("edit")
class SessionInspectView(ScopedInspectView):
    pass


class SessionDeleteView(ScopedDeleteView):
    """A session recorded in error is deleted through the service (history and audit log);
    one an expense claim rests on is not."""

    def delete_action(self):
        services.delete_session(self.object, self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(reverse(f"{SESSIONS}:inspect", args=[self.object.pk]))


# --- Expense claims ----------------------------------------------------------------------------


def claim_url(claim):
    return reverse(f"{CLAIMS}:inspect", args=[claim.pk])


class ClaimCreateView(RecordScreenMixin, ServiceFormView):
    model = ExpenseClaim
    namespace = CLAIMS
    index_label = "Expense claims"
    form_class = ClaimForm
    template_name = "volunteering/admin/claim_form.html"
    page_title = "Add an expense claim"
    header_icon = "tag"
    submit_label = "Submit the claim"
    multipart = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "volunteer": self.chosen_volunteer()}

    def perform(self, data):
        return services.submit_claim(
            data["volunteer"],
            spent_on=data["spent_on"],
            description=data["description"],
            amount=data["amount"],
            receipt=data["receipt"],
            session=data["session"],
            user=self.request.user,
        )

    def get_success_message(self):
        return f"Claim submitted: £{self.result.amount}. It waits for the borough manager."

    def get_success_url(self):
        return claim_url(self.result)


@services_only("edit", "delete")
class ClaimIndexView(ScopedIndexView):
    queryset = ExpenseClaim.objects.select_related("volunteer__borough")


@services_only("edit", "delete")
class ClaimInspectView(ScopedInspectView):
    template_name = "volunteering/admin/claim_inspect.html"

    def get_context_data(self, **kwargs):
        claim = self.object
        return super().get_context_data(
            claim=claim,
            can_decide=not claim.is_decided
            and permissions.user_can_decide_claim(self.request.user, claim),
            receipt_url=reverse(f"{CLAIMS}:receipt", args=[claim.pk]),
            **kwargs,
        )


class DecideClaimView(ServiceFormView):
    """Approve or refuse: the volunteer's borough programme manager only."""

    form_class = DecisionForm
    template_name = "volunteering/admin/decide_claim.html"
    page_title = "Approve or refuse"
    header_icon = "tag"
    submit_label = "Record the decision"

    def dispatch(self, request, *args, **kwargs):
        self.claim = get_object_or_404(
            ExpenseClaim.objects.select_related("volunteer__borough", "session"), pk=kwargs["pk"]
        )
        if not permissions.user_can_decide_claim(request.user, self.claim):
            raise PermissionDenied
        if self.claim.is_decided:
            messages.error(request, f"This claim is already {self.claim.get_status_display()}.")
            return redirect(claim_url(self.claim))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse(f"{CLAIMS}:index"), "Expense claims"),
            (claim_url(self.claim), str(self.claim)),
            ("", self.page_title),
        )

    def perform(self, data):
        return services.decide_claim(
            self.claim,
            self.request.user,
            approve=data["decision"] == "approve",
            reason=data["reason"],
        )

    def get_success_message(self):
        return f"Claim {self.result.get_status_display().lower()}."

    def get_success_url(self):
        return claim_url(self.claim)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            claim=self.claim,
            receipt_url=reverse(f"{CLAIMS}:receipt", args=[self.claim.pk]),
            cancel_url=claim_url(self.claim),
            **kwargs,
        )


class ReceiptView(View):
    """The receipt, to whoever may see the claim, as a download."""

    def get(self, request, pk):
        claim = get_object_or_404(ExpenseClaim, pk=pk)
        policy = policy_registry.get_by_type(ExpenseClaim)
        if not policy.user_has_any_permission_for_instance(request.user, ["view"], claim):
            raise PermissionDenied
        if not claim.receipt:
            raise Http404
        try:
            handle = claim.receipt.storage.open(claim.receipt.name, "rb")
        except FileNotFoundError:
            raise Http404("The receipt's file is missing.") from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=claim.receipt_filename,
            content_type=claim.receipt_content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        # (No cache keeps it: hub.security.NoStoreMiddleware marks every admin response.)
        return response


# --- The monthly report ------------------------------------------------------------------------


def report_boroughs_queryset(user):
    ids = permissions.report_boroughs(user)
    if ids is None:  # every borough the programme runs in
        return Borough.objects.filter(
            Q(steering_group__isnull=False) | Q(pk__in=Volunteer.objects.values("borough"))
        ).order_by("name"), None
    return Borough.objects.filter(pk__in=ids).order_by("name"), ids


def monthly_report(user, year, month):
    """Per borough the user may see: hours given in the month (split at midnight, as the cap
    counts them), the sessions that began in it, the meal subsidies due for them, and the
    volunteers near the cap. Three queries, however many sessions there are."""
    boroughs, ids = report_boroughs_queryset(user)
    sessions = VolunteerSession.objects.all()
    if ids is not None:
        sessions = sessions.filter(volunteer__borough__in=ids)
    by_borough = {
        row["volunteer__borough_id"]: row for row in sessions.month_totals_by_borough(year, month)
    }
    near = {}
    for row in sessions.month_totals_by_volunteer(year, month).order_by("volunteer__name"):
        if rules.near_cap(row["minutes"]):
            near.setdefault(row["volunteer__borough_id"], []).append(
                {
                    "pk": row["volunteer_id"],
                    "name": row["volunteer__name"],
                    "hours": rules.hours_label(row["minutes"]),
                    "left": rules.hours_label(max(rules.MONTHLY_CAP_MINUTES - row["minutes"], 0)),
                }
            )
    rows = []
    for borough in boroughs:
        totals = by_borough.get(borough.pk, {})
        rows.append(
            {
                "borough": borough,
                "hours": rules.hours_label(totals.get("minutes") or 0),
                "sessions": totals.get("sessions") or 0,
                "subsidies": totals.get("subsidies") or 0,
                "subsidy_total": totals.get("subsidy_total") or 0,
                "near_cap": near.get(borough.pk, []),
            }
        )
    return rows


def shift_month(year, month, by):
    """The month ``by`` months on, as YYYY-MM."""
    index = year * 12 + (month - 1) + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class MonthlyReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "volunteering/admin/report.html"
    page_title = "Monthly report"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = MonthForm(self.request.GET or None, initial={"month": f"{today:%Y-%m}"})
        context = super().get_context_data(form=form, **kwargs)
        if form.is_bound and not form.is_valid():
            return {**context, "rows": None}
        year, month = (form.cleaned_data.get("month") if form.is_bound else None) or (
            today.year,
            today.month,
        )
        rows = monthly_report(self.request.user, year, month)
        return {
            **context,
            "month": datetime.date(year, month, 1),
            "rows": rows,
            "previous": shift_month(year, month, -1),
            "next": shift_month(year, month, 1),
            "cap_hours": rules.hours_label(rules.MONTHLY_CAP_MINUTES),
            "near_cap_hours": rules.hours_label(rules.NEAR_CAP_MINUTES),
            "midnight_rule": rules.MIDNIGHT_RULE,
        }
