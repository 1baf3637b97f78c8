from django.apps import AppConfig


class DemoConfig(AppConfig):
    """`manage.py load_demo`: demo data written for this project (it uses every app, so it sits on top)."""

    name = "demo"
    verbose_name = "Demo data"
