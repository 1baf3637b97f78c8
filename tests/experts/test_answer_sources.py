"""Sources under an answer: a PubMed ID, a DOI or a web address per line, checked in format, shown numbered
under the answer and listed as citations in the page's JSON-LD."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from forum import sources
from forum.models import Answer, Question
from tests.factories import ExpertProfileFactory, QuestionFactory


def test_each_kind_is_recognised_and_a_bad_line_is_named():
    parsed = sources.parse("PMID: 31234567\n\ndoi:10.1212/WNL.0000000000012345\nhttps://www.example.org/guide\n")
    assert [s["kind"] for s in parsed] == ["pmid", "doi", "url"]
    assert parsed[0]["url"] == "https://pubmed.ncbi.nlm.nih.gov/31234567/"
    assert parsed[1]["url"] == "https://doi.org/10.1212/WNL.0000000000012345"
    assert sources.parse("https://doi.org/10.1000/xyz123")[0]["kind"] == "doi"
    with pytest.raises(ValidationError) as refused:
        sources.parse("PMID 123\nsee my notes\njavascript:alert(1)")
    messages = " ".join(refused.value.messages)
    assert "Line 2" in messages and "Line 3" in messages and "Line 1" not in messages
    assert sources.as_text(parsed).splitlines()[0] == "PMID 31234567"


@pytest.mark.django_db
def test_the_expert_cites_sources_and_readers_and_search_engines_see_them(client):
    expert = ExpertProfileFactory()
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now())
    client.force_login(expert.user)
    url = reverse("experts:answer", args=[question.pk])
    body = "Heat can bring back old symptoms for a while; cooling down helps them settle. " * 2
    refused = client.post(url, {"body": body, "sources": "PMID 31234567\nmy own notes", "publish": "1"})
    assert (
        refused.status_code == 200
        and "Line 2" in refused.content.decode()
        and "my own notes" in refused.content.decode()
    )
    client.post(url, {"body": body, "sources": "PMID 31234567\ndoi:10.1000/heat.2024", "publish": "1"})
    answer = Answer.objects.get(question=question)
    assert [s["id"] for s in answer.sources] == ["31234567", "10.1000/heat.2024"]
    client.logout()
    question.refresh_from_db()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "PubMed 31234567" in page and 'href="https://doi.org/10.1000/heat.2024"' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    medical = next(node for node in data["@graph"] if node["@type"] == "MedicalWebPage")
    assert medical["citation"] == ["https://pubmed.ncbi.nlm.nih.gov/31234567/", "https://doi.org/10.1000/heat.2024"]
