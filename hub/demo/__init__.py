"""Demo content. Each app may have a ``demo`` module with a ``load()`` returning a DemoSummary;
``manage.py load_demo`` runs them in INSTALLED_APPS order, so hub (first) never names the others."""

from hub.demo.loader import DEMO_PASSWORD, DemoLogin, DemoSummary, ensure_login, load

__all__ = ["DEMO_PASSWORD", "DemoLogin", "DemoSummary", "ensure_login", "load"]
