"""State changes of consultation records: taking a response (online or typed in from paper),
removing contact details on request or once they are past the retention period.

Each is one transaction. Taking a response is retried when the database is briefly unavailable,
and gives back the response already made for the same form if it was sent twice.
"""

import logging
import time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from consultation import rules
from consultation.enums import Channel, ConsultationStatus, ContactRemoval
from consultation.models import ConsultationSettings, ContactDetails, Response

logger = logging.getLogger(__name__)

ENTER_PAPER_RETURN = "consultation.response.enter"
ERASE_CONTACT = "consultation.contact.erase"
PURGE_CONTACT = "consultation.contact.purge"

# A brief outage (a restart, a failover) is retried; a longer one is reported to the respondent.
SAVE_ATTEMPTS = 3
RETRY_PAUSES = (0.2, 0.8)
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


class NotSaved(Exception):
    """The response could not be stored; nothing was saved and nothing may be acknowledged."""


def _store(consultation, answers, contact, *, channel, received_on, entered_by, key):
    with transaction.atomic():
        response = Response(
            consultation=consultation,
            questionnaire_id=consultation.questionnaire_id,
            channel=channel,
            received_on=received_on,
            entered_by=entered_by,
            idempotency_key=key,
        )
        response._history_user = entered_by
        response._change_reason = f"Received ({Channel(channel).label.lower()})"
        response.save()
        for answer in answers:
            answer.pk = None
            answer.response = response
        response.answers.model.objects.bulk_create(answers)
        if contact is not None:
            contact.pk = None
            contact.response = response
            contact.save()
        if entered_by is not None:
            log(instance=response, action=ENTER_PAPER_RETURN, user=entered_by)
        return response


def take_response(
    consultation, answers, contact=None, *, channel=Channel.ONLINE, received_on=None,
    entered_by=None, key=None, today=None,
):  # fmt: skip
    """Store one response; ``(response, created)``.

    Online responses are taken only while the consultation is open; a paper or e-mailed return
    only if it arrived while it was open. With ``key`` (the form's token), a form sent twice
    gives back the first response. Raises ``NotSaved`` when the database stays unavailable.
    """
    today = today or timezone.localdate()
    if channel == Channel.ONLINE:
        if consultation.status_on(today) != ConsultationStatus.OPEN:
            raise ValidationError("This consultation is not taking answers.")
        received_on = today
        entered_by = None
    elif received_on is None or not rules.received_in_time(
        received_on, consultation.opens_on, consultation.closes_on
    ):
        raise ValidationError("The return did not arrive while the consultation was open.")
    for attempt in range(SAVE_ATTEMPTS):
        # A form sent twice is refused by the unique key and found below, so the first attempt
        # does not look for it beforehand (the public view has just looked). After an outage the
        # earlier attempt may have been stored all the same: look before trying again.
        if key is not None and attempt:
            existing = Response.objects.filter(idempotency_key=key).first()
            if existing is not None:
                return existing, False
        try:
            return _store(
                consultation, answers, contact, channel=channel, received_on=received_on,
                entered_by=entered_by, key=key,
            ), True  # fmt: skip
        except IntegrityError:
            # The same form, sent twice at once: the other request stored it.
            existing = Response.objects.filter(idempotency_key=key).first() if key else None
            if existing is not None:
                return existing, False
            if attempt == SAVE_ATTEMPTS - 1:
                raise NotSaved from None
        except TRANSIENT_ERRORS as error:
            logger.warning(
                "Saving a response failed (attempt %s): %s", attempt + 1, type(error).__name__
            )
            if attempt == SAVE_ATTEMPTS - 1:
                raise NotSaved from error
            time.sleep(RETRY_PAUSES[min(attempt, len(RETRY_PAUSES) - 1)])
    raise NotSaved


def _remove_contact(response, user, removal, today):
    ContactDetails.objects.filter(response=response).delete()
    response.contact_removed_on = today
    response.contact_removal = removal
    response._history_user = user
    response._change_reason = ContactRemoval(removal).label
    response.save()


@transaction.atomic
def erase_contact_details(response, user, today=None):
    """A respondent asked us to forget them: their contact details go from the table and from
    every export; history never held them. The answers, and so the results, stay."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if not ContactDetails.objects.filter(response=response).exists():
        raise ValidationError("This response holds no contact details.")
    _remove_contact(response, user, ContactRemoval.ERASED, today or timezone.localdate())
    log(instance=response, action=ERASE_CONTACT, user=user)
    return response


@transaction.atomic
def purge_expired_contact_details(today=None, retention_days=None):
    """Remove contact details past the retention period; the number of responses affected."""
    today = today or timezone.localdate()
    if retention_days is None:
        retention_days = ConsultationSettings.current().contact_retention_days
    expired = Response.objects.with_contact_details_expired(today, retention_days)
    count = 0
    for response in expired.select_for_update():
        _remove_contact(response, None, ContactRemoval.RETENTION, today)
        log(instance=response, action=PURGE_CONTACT, user=None)
        count += 1
    return count
