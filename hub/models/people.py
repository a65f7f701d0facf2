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
