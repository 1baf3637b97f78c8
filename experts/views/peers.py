"""Another verified expert agrees with a published answer, or raises a concern about it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from experts.services import peers
from forum.models import Answer


def _respond(request: HttpRequest, pk: int, concern: bool) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    answer = get_object_or_404(Answer.objects.select_related("question"), pk=pk)
    try:
        if concern:
            peers.peer_concern(answer=answer, expert_user=request.user, note=request.POST.get("note", ""))
            messages.success(request, _("Thank you. The author and the moderators have your note."))
        else:
            peers.peer_agree(answer=answer, expert_user=request.user)
            messages.success(request, _("Thank you: your agreement is counted under the answer."))
    except ApplicationError as refusal:
        messages.error(request, str(refusal))
    return redirect(answer.question.get_absolute_url())


@require_POST
@never_cache
def peer_agree(request: HttpRequest, pk: int) -> HttpResponse:
    return _respond(request, pk, concern=False)


@require_POST
@never_cache
def peer_concern(request: HttpRequest, pk: int) -> HttpResponse:
    return _respond(request, pk, concern=True)
