"""Following one Q&A by email: the Q&A page links here (the same link for everyone, so its cached copy holds
nothing of the reader's); this page shows whether the reader follows it and changes that."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from forum.models import Question
from notifications import services as notification_services
from notifications.models import QuestionFollow


@method_decorator(never_cache, name="dispatch")
class FollowView(LoginRequiredMixin, View):
    template_name = "forum/follow.html"

    def question(self, pk: int) -> Question:
        return get_object_or_404(Question.objects.public(), pk=pk)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        question = self.question(pk)
        following = QuestionFollow.objects.filter(user=request.user, question=question).first()  # type: ignore[misc]
        context = {"question": question, "following": following, "frequencies": QuestionFollow.Frequency.choices}
        return render(request, self.template_name, context)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        question = self.question(pk)
        if "stop" in request.POST:
            notification_services.unfollow(user=request.user, question=question)  # type: ignore[arg-type]
            messages.success(request, _("You no longer follow this Q&A."))
        else:
            notification_services.follow(user=request.user, question=question,  # type: ignore[arg-type]
                                         frequency=request.POST.get("frequency", ""))  # fmt: skip
            messages.success(
                request, _("You follow this Q&A: we email you when its answer is updated or someone comments.")
            )
        return redirect(question.get_absolute_url())
