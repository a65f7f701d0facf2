"""Cache invalidation only: no business rule may live in a signal handler."""

from django.db.models.signals import post_delete, post_save

from hub.models import GlossaryTerm


def _forget_glossary(**kwargs):
    GlossaryTerm.forget_expansions()


def register_signal_handlers():
    from hub import page_cache

    page_cache.connect_signals()
    post_save.connect(_forget_glossary, sender=GlossaryTerm, dispatch_uid="hub_glossary_saved")
    post_delete.connect(_forget_glossary, sender=GlossaryTerm, dispatch_uid="hub_glossary_deleted")
