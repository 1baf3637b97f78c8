from typing import Any
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from forum import demo
from forum.models import Category, Tag


class Command(BaseCommand):
    help = "Load the demo accounts, categories and tags. Safe to run again: it updates what exists."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        Site.objects.update_or_create(
            id=settings.SITE_ID,
            defaults={"domain": urlsplit(settings.SITE_URL).netloc or "localhost", "name": settings.SITE_NAME},
        )
        for email, display_name, is_staff, is_superuser in demo.DEMO_ACCOUNTS:
            user = User.objects.filter(email__iexact=email).first() or User(email=email)
            user.display_name = display_name
            user.is_staff = is_staff
            user.is_superuser = is_superuser
            user.set_password(demo.DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})

        for position, (name, slug, description) in enumerate(demo.CATEGORIES):
            Category.objects.update_or_create(
                slug=slug, defaults={"name": name, "description": description, "position": position}
            )
        for name, slug in demo.TAGS:
            Tag.objects.update_or_create(slug=slug, defaults={"name": name})

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(demo.DEMO_ACCOUNTS)} accounts, "
                f"{Category.objects.count()} categories, {Tag.objects.count()} tags."
            )
        )
