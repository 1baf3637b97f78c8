from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search page, synonyms, spelling suggestions and the ask form's similar questions."""

    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from experts.signals import medicine_named
        from forum import signals
        from search import receivers

        signals.question_published.connect(receivers.count_words, dispatch_uid="search.count_words")
        signals.question_unpublished.connect(receivers.forget_words, dispatch_uid="search.forget_words")
        medicine_named.connect(receivers.names_a_medicine, dispatch_uid="search.names_a_medicine")
