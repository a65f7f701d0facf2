from django.db import models


class BoroughQuerySet(models.QuerySet):
    def policed_by_mps(self):
        return self.filter(policed_by_mps=True)


class Borough(models.Model):
    """One of the 32 London boroughs or the City of London.

    Reference data, loaded by a migration and read-only in the admin. The City of London has
    its own police force, so ``policed_by_mps`` is false for it: principle 13 ("every Borough,
    where Borough follows current MPS boundaries, should have an IAG") applies to the other 32.
    """

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    gss_code = models.CharField(
        "ONS code", max_length=9, unique=True, help_text="The Office for National Statistics code."
    )
    policed_by_mps = models.BooleanField(
        "policed by the MPS",
        default=True,
        help_text="False for the City of London, which has its own police force.",
    )

    objects = BoroughQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
