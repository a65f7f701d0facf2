import datetime

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from hub.enums import OrganisationKind


class Person(models.Model):
    """Someone who sits on a body (an IAG, a partnership board, a steering group).

    A person need not have a login; ``user`` links them to one when they do. The e-mail address
    and telephone number are personal data: they are kept out of the search index and public
    pages, and are shown in the admin only to those entitled to see them.
    """

    name = models.CharField("full name", max_length=200)
    email = models.EmailField("e-mail address", blank=True)
    phone = models.CharField("telephone number", max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="The login of this person, if they have one.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone")],
            heading="Contact details (personal data)",
        ),
        FieldPanel("user"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A voluntary, community or statutory organisation: a partner, or a consultation respondent."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    boroughs = models.ManyToManyField(
        "hub.Borough",
        blank=True,
        related_name="organisations",
        help_text="The boroughs the organisation works in. Leave empty for London-wide bodies.",
    )
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("boroughs"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SessionsFollowMembership(models.Model):
    """A membership whose change ends the member's sessions.

    What someone may see comes from their memberships as they were when they signed in (a chair
    sees more than a member). When one of ``session_fields`` changes on a membership that was
    current, or the membership is deleted, their sessions end and they sign in to what they have
    now. Done in ``save()`` and ``delete()``, not in a signal, so that no path round it exists
    short of ``QuerySet.update()``, which history-tracked models never use.
    """

    session_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        stored = getattr(self, "_stored_session_values", None)
        super().save(*args, **kwargs)
        self._stored_session_values = self._session_values()
        if stored and self.was_current(stored) and stored != self._stored_session_values:
            self.end_member_sessions()

    def delete(self, *args, **kwargs):
        self.end_member_sessions()
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_session_values = instance._session_values()
        return instance

    def was_current(self, stored: dict) -> bool:
        raise NotImplementedError

    def _session_values(self, values=None):
        values = self.__dict__ if values is None else values
        return {name: values.get(name) for name in self.session_fields}

    def end_member_sessions(self):
        if self.person.user_id:
            self.person.user.end_sessions()


class Seat(SessionsFollowMembership):
    """A seat on a body (a board, a steering group), held from ``joined_on`` until ``left_on``
    is recorded."""

    joined_on = models.DateField(default=datetime.date.today)
    left_on = models.DateField(null=True, blank=True, help_text="Leave empty while they sit.")

    class Meta:
        abstract = True

    def was_current(self, stored):
        return stored["left_on"] is None

    @property
    def is_current(self):
        return self.left_on is None

    def seat_date_problems(self, today) -> dict:
        """Nobody leaves before they joined, and a departure is recorded on the day, not
        ahead of it. ``{field: message}`` for each problem."""
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            return {"left_on": "They cannot leave before they joined."}
        if self.left_on and self.left_on > today:
            return {"left_on": "A date in the future: record that they left on the day they do."}
        return {}
