from django.apps import AppConfig


class HubConfig(AppConfig):
    """The project's shared core: users, boroughs, people, organisations and public pages."""

    name = "hub"
    verbose_name = "Hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.signal_handlers import register_signal_handlers

        register_signal_handlers()
