from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A login.

    Defined before the first migration so that it can grow (e.g. two-factor settings) without a
    painful swap later. Who a user *is* on a body (an IAG, a board) is recorded on ``Person``,
    which links to a user only when that person logs in.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username
