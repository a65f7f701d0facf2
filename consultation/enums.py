from django.db.models import TextChoices


class QuestionKind(TextChoices):
    SHORT_TEXT = "short_text", "Short text"
    LONG_TEXT = "long_text", "Long text"
    SINGLE_CHOICE = "single_choice", "Single choice"
    MULTIPLE_CHOICE = "multiple_choice", "Multiple choice"
    BOROUGHS = "boroughs", "Borough picker (several boroughs)"
    SCALE = "scale", "Scale"
    CONTACT = "contact", "Contact details, with consent to be contacted"


class Channel(TextChoices):
    ONLINE = "online", "Online"
    PAPER = "paper", "Paper"
    EMAIL = "email", "Email"


class ConsultationStatus(TextChoices):
    NOT_YET_OPEN = "not_yet_open", "Not yet open"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class ContactRemoval(TextChoices):
    ERASED = "erased", "Erased at the respondent's request"
    RETENTION = "retention", "Removed once the retention period had passed"
