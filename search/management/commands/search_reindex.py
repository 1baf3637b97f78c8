from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from forum.models import Question
from forum.search_index import refresh_vectors
from search.models import SearchTerm
from search.vocabulary import record_vocabulary


class Command(BaseCommand):
    help = "Recompute every public Q&A's search vector and rebuild the suggestion vocabulary."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(Question.objects.public().values_list("pk", flat=True))
        for start in range(0, len(ids), 5000):
            refresh_vectors(ids[start : start + 5000])
        SearchTerm.objects.all().delete()
        for start in range(0, len(ids), 5000):
            record_vocabulary(ids[start : start + 5000])
        self.stdout.write(self.style.SUCCESS(f"Reindexed {len(ids)} Q&As; {SearchTerm.objects.count()} words."))
