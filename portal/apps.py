from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The site as a whole: settings, shared blocks, base templates and site-wide helpers."""

    name = "portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401 - registers the system checks
        from .public_address import sync_default_site
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        # Each deployment migrates: the default Site follows PUBLIC_URL from then on.
        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="sync-default-site")
