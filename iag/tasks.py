"""E-mails, sent in the background through django-tasks (immediately in tests).

Each message says what happened and where to look, with a link into the admin: never the text of
advice, reasons or any confidential matter, which stay behind the sign-in.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from hub.roles import Role


def admin_link(url_name, *args):
    return settings.WAGTAILADMIN_BASE_URL + reverse(url_name, args=args)


def person_address(person):
    if person is None:
        return None
    if person.email:
        return person.email
    return person.user.email if person.user_id and person.user.email else None


@task()
def tell_police_lead_of_advice(advice_id):
    from iag.models import Advice

    advice = Advice.objects.select_related("group__police_lead__user", "group__borough").get(
        pk=advice_id
    )
    address = person_address(advice.group.police_lead)
    if not address:
        return 0
    return send_mail(
        f"{advice.group} has given advice: response due by {advice.response_due_on:%-d %B %Y}",
        f"{advice.group} recorded advice on {advice.given_on:%-d %B %Y} in the advice register. "
        f"Please record the decision taken, and the reasons if it is not followed in full:\n\n"
        f"{admin_link('iag_advice:respond', advice.pk)}\n",
        None,
        [address],
    )


@task()
def tell_chair_of_response(advice_id):
    from iag.models import Advice

    advice = Advice.objects.select_related("group__borough").get(pk=advice_id)
    chair = advice.group.chair_membership
    address = person_address(chair.person) if chair else None
    if not address:
        return 0
    return send_mail(
        f"The police lead has responded to advice from {advice.group}",
        f"The police lead recorded a response ({advice.response.get_outcome_display().lower()}) "
        f"to advice given on {advice.given_on:%-d %B %Y}. Read it here:\n\n"
        f"{admin_link('iag_advice:inspect', advice.pk)}\n",
        None,
        [address],
    )


@task()
def tell_central_team_of_overdue(advice_ids):
    from iag.models import Advice

    advice = Advice.objects.filter(pk__in=advice_ids).select_related("group__borough")
    addresses = list(
        get_user_model()
        .objects.filter(groups__name=Role.CENTRAL_TEAM.value, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not addresses or not advice:
        return 0
    lines = "\n".join(
        f"- {item.group}, advice of {item.given_on:%-d %B %Y}: "
        f"due by {item.response_due_on:%-d %B %Y}"
        for item in advice
    )
    return send_mail(
        f"{len(advice)} response(s) to IAG advice now overdue",
        f"No decision has been recorded for:\n\n{lines}\n\n"
        f"The advice register, filtered to overdue items:\n"
        f"{admin_link('iag_advice:index')}?overdue=true\n",
        None,
        addresses,
    )


@task()
def tell_police_lead_of_gold_group(request_id):
    from iag.models import GoldGroupRequest

    gold = GoldGroupRequest.objects.select_related("group__police_lead__user").get(pk=request_id)
    address = person_address(gold.group.police_lead)
    if not address:
        return 0
    return send_mail(
        f"{gold.group} asks you to consider a Gold Group",
        f"Members of {gold.group} consider an incident critical from a community confidence "
        f"perspective and suggest that a Gold Group is needed. Read the request and answer it:\n\n"
        f"{admin_link('iag_gold_groups:answer', gold.pk)}\n",
        None,
        [address],
    )
