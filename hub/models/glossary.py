from django.core.cache import cache
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from wagtail.admin.panels import FieldPanel

EXPANSIONS_CACHE_KEY = "hub:glossary:expansions"

acronym_validator = RegexValidator(
    r"^[A-Za-z0-9]+(?:[ &][A-Za-z0-9]+)*$",
    "Use letters and digits, as the term appears in text (for example MG11 or Fed Rep).",
)


class GlossaryTerm(models.Model):
    """An acronym and what it means in plain English.

    The induction pack "should explain jargon" (IAG principle 20) and units are told that
    volunteers "will have no idea what any of the MPS acronyms mean" (guide for units). On
    public pages the first use of each term becomes ``<abbr title="expansion">``, and the
    jargon buster page lists every term.
    """

    acronym = models.CharField(
        max_length=20,
        validators=[acronym_validator],
        help_text="Exactly as it appears in text; matching is case-sensitive (AWARE, not aware).",
    )
    expansion = models.CharField(
        max_length=200,
        help_text="What the letters stand for, e.g. Criminal Investigation Department.",
    )
    explanation = models.TextField(
        help_text="One or two plain-English sentences for someone with no police background."
    )

    panels = [FieldPanel("acronym"), FieldPanel("expansion"), FieldPanel("explanation")]

    class Meta:
        ordering = ["acronym"]
        constraints = [
            models.UniqueConstraint(
                Lower("acronym"),
                name="glossary_term_unique_acronym",
                violation_error_message="That acronym is already in the glossary.",
            ),
        ]

    def __str__(self):
        return f"{self.acronym}: {self.expansion}"

    @classmethod
    def expansions(cls) -> dict[str, str]:
        """Acronym to expansion, for every term; cached until a term is saved or deleted."""
        expansions = cache.get(EXPANSIONS_CACHE_KEY)
        if expansions is None:
            expansions = dict(cls.objects.values_list("acronym", "expansion"))
            cache.set(EXPANSIONS_CACHE_KEY, expansions, None)
        return expansions

    @classmethod
    def forget_expansions(cls) -> None:
        cache.delete(EXPANSIONS_CACHE_KEY)
