"""The experts' part of the Q&A page: for another verified expert, "I agree" and "Raise a concern" under a
published answer. Through this tag the forum's template shows it without the forum app importing this one."""

from typing import Any

from django import template
from django.http import HttpRequest

from experts import permissions as expert_permissions
from experts.models import PeerResponse
from forum.models import Answer, Question

register = template.Library()


@register.inclusion_tag("experts/includes/peer_panel.html", takes_context=True)
def peer_panel(context: template.Context) -> dict[str, Any]:
    request: HttpRequest = context["request"]
    question: Question = context["question"]
    answer: Answer | None = getattr(question, "answer", None)
    profile = expert_permissions.expert_profile_of(request.user)
    shown = (
        answer is not None
        and answer.status == Answer.Status.PUBLISHED
        and profile is not None
        and profile.pk != answer.expert_id
        and expert_permissions.can_use_dashboard(request.user)
    )
    if not shown:
        return {"shown": False}
    response = PeerResponse.objects.filter(answer=answer, expert=profile).first()
    return {"shown": True, "answer": answer, "response": response, "csrf_token": context.get("csrf_token")}
