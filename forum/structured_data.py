"""What a Q&A page tells search engines in JSON-LD: a schema.org QAPage (the question and its accepted answer)
and a MedicalWebPage (when it was last reviewed, and by whom)."""

import json
from typing import Any

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from forum.models import Question

# As django.utils.html.json_script: nothing in the data can close the script element or start markup.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _plain(html: str) -> str:
    return " ".join(strip_tags(html).split())


def _when(moment: Any) -> str | None:
    return moment.replace(microsecond=0).isoformat() if moment else None


def qa_page(question: Question) -> dict[str, Any]:
    site = settings.SITE_URL.rstrip("/")
    url = f"{site}{question.get_absolute_url()}"
    answer = question.answer
    expert = answer.expert
    reviewer = answer.reviewed_by or expert
    expert_person = {"@type": "Person", "name": expert.display_name, "jobTitle": expert.position,
                     "url": f"{site}{expert.get_absolute_url()}"}  # fmt: skip
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "QAPage",
                "url": url,
                "mainEntity": {
                    "@type": "Question",
                    "name": question.title,
                    "text": _plain(question.body_html),
                    "dateCreated": _when(question.created_at),
                    "answerCount": 1,
                    "author": {"@type": "Person", "name": question.asker_name},
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": _plain(answer.body_html),
                        "dateCreated": _when(answer.published_at),
                        "url": f"{url}#answer-heading",
                        "author": expert_person,
                    },
                },
            },
            {
                "@type": "MedicalWebPage",
                "url": url,
                "name": question.title,
                "about": {"@type": "MedicalCondition", "name": "Multiple sclerosis"},
                "lastReviewed": _when(answer.last_reviewed_at),
                "reviewedBy": {
                    "@type": "Person",
                    "name": reviewer.display_name,
                    "url": f"{site}{reviewer.get_absolute_url()}",
                },  # fmt: skip
                "citation": [source["url"] for source in answer.sources or [] if source.get("url")],
            },
        ],
    }


def as_script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308  # nosec B308 B703 - escaped above
