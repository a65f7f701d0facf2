from django.db import models


class ThrottleWindow(models.Model):
    """How many times one client did one thing in one fixed window of time.

    Kept in the database, so that every server process counts the same hits. The client is
    stored only as a keyed hash of its address.
    """

    scope = models.CharField(max_length=40)
    client = models.CharField(max_length=64)
    window = models.BigIntegerField(help_text="The window's start, in windows since the epoch.")
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "client", "window"], name="one_count_per_client_window"
            )
        ]

    def __str__(self):
        return f"{self.scope} {self.window}: {self.hits}"
