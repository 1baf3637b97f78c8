import secrets
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from core.cache import SharedParts, cached_part, public_page
from core.errors import ApplicationError
from core.markdown import render_markdown
from core.pagination import paginate
from core.query import positive_int, query_int
from core.templatetags.shared import part_name
from forum import permissions, screening, selectors
from forum.forms import AskForm, CommentForm, QuestionForm
from forum.models import Category, Comment, Question, Tag
from forum.services import comments as comment_services
from forum.services import questions as question_services
from forum.services.flood import FloodError


class SidebarMixin:
    """Context every public page shows beside its content, and the parts it shares with every reader.

    The shared parts (core.cache.SharedParts) are fetched, with the content version, before the page
    reads any data; the sidebar's data is only fetched when its fragment is not in the cache.
    """

    def shared_names(self, request: HttpRequest, **kwargs: Any) -> list[str]:
        return ["sidebar"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.shared = SharedParts(self.shared_names(request, **kwargs))
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(sidebar=SimpleLazyObject(lambda: cached_part("sidebar", _sidebar)), shared_parts=self.shared)
        return context


def _sidebar() -> dict[str, Any]:
    months = selectors.archive_months()
    return {
        "all_months": months,
        "months": months[:12],
        "categories": list(selectors.categories_with_counts()),
        "recent": selectors.recent_questions(),
        "comments": selectors.recent_comments(),
    }


@method_decorator(public_page(reads=()), name="dispatch")
class HomeView(SidebarMixin, TemplateView):
    template_name = "forum/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        ids = list(selectors.question_ids_public().values_list("pk", flat=True)[:10])
        context["latest"] = selectors.questions_by_ids(ids)
        return context


@method_decorator(public_page(reads=("page",)), name="dispatch")
class QuestionListView(SidebarMixin, TemplateView):
    """A paginated list of public Q&As; subclasses narrow it."""

    template_name = "forum/question_list.html"

    def get_ids(self) -> Any:
        return selectors.question_ids_public()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page_obj"] = paginate(
            self.request, self.get_ids(), selectors.questions_by_ids, settings.FORUM_PAGE_SIZE
        )
        return context


class CategoryView(QuestionListView):
    def get_ids(self) -> Any:
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return selectors.question_ids_public().filter(category=self.category)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.category.name,
            intro=self.category.description,
            kind=_("Topic"),
            feed_url=reverse("forum:feed_category", args=[self.category.slug]),
            alert_query=f"category={self.category.pk}",
        )
        return context


class TagView(QuestionListView):
    def get_ids(self) -> Any:
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return selectors.question_ids_public().filter(tags=self.tag)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.tag.name,
            kind=_("Tag"),
            feed_url=reverse("forum:feed_tag", args=[self.tag.slug]),
            alert_query=f"tag={self.tag.pk}",
        )
        return context


@method_decorator(public_page(reads=()), name="dispatch")
class ArchiveYearView(SidebarMixin, TemplateView):
    template_name = "forum/archive_year.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = int(self.kwargs["year"])
        months = selectors.archive_months(year)
        if not months:
            raise Http404("No answers that year")
        context.update(year=year, months=months, total=sum(m.count for m in months))
        return context


class ArchiveMonthView(QuestionListView):
    def get_ids(self) -> Any:
        year, month = int(self.kwargs["year"]), int(self.kwargs["month"])
        if not 1 <= month <= 12 or year < 1900:
            raise Http404("No such month")
        self.month = date(year, month, 1)
        start, end = selectors.month_bounds(year, month)
        return selectors.question_ids_public().filter(answered_at__gte=start, answered_at__lt=end)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if not context["page_obj"].paginator.count:
            raise Http404("No answers that month")
        months = [m.month for m in context["sidebar"]["all_months"]]  # newest first
        position = months.index(self.month) if self.month in months else None
        if position is not None:
            context["newer_month"] = months[position - 1] if position > 0 else None
            context["older_month"] = months[position + 1] if position + 1 < len(months) else None
        context.update(archive_month=self.month, kind=_("Archive"))
        return context


MENU_NAME = "reader-name-" + secrets.token_hex(8)
MENU_TOKEN = "reader-token-" + secrets.token_hex(8)
_menus: dict[tuple[str, bool, bool], str] = {}


def _reader_menu(user: Any) -> str:
    """The signed-in menu for this kind of reader, rendered once per process and language, with a
    hole for the reader's name (the form token is the page's own hole)."""
    kind = (get_language() or "", bool(getattr(getattr(user, "expert_profile", None), "is_verified", False)),
            bool(user.is_staff))  # fmt: skip
    menu = _menus.get(kind)
    if menu is None:
        reader = SimpleNamespace(public_name=MENU_NAME, expert_profile=SimpleNamespace(is_verified=kind[1]),
                                 is_staff=kind[2])  # fmt: skip
        menu = _menus[kind] = render_to_string("includes/reader_menu.html", {"user": reader, "csrf_token": MENU_TOKEN})
    return menu


def _thread_variant(request: HttpRequest, comments_open: bool) -> str:
    """The kind of reader a shared comment thread is rendered for (what its links depend on)."""
    user = request.user
    return f"{'member' if user.is_authenticated else 'anonymous'}-{permissions.can_comment(user):d}-{comments_open:d}"


@method_decorator(public_page(reads=("reply_to",)), name="dispatch")
class QuestionDetailView(SidebarMixin, TemplateView):
    template_name = "forum/question_detail.html"

    def shared_names(self, request: HttpRequest, **kwargs: Any) -> list[str]:
        pk = kwargs["pk"]
        variants = [_thread_variant(request, is_open) for is_open in (True, False)]
        threads = [part_name("qa-thread", pk, variant) for variant in variants]
        signed_in = request.user.is_authenticated
        pages = [f"commenters:{pk}", *(part_name("qa-page", pk, variant) for variant in variants)] if signed_in else []
        return [*super().shared_names(request), f"question:{pk}", f"qa-head:{pk}", f"qa-related:{pk}", *threads,
                *pages]  # fmt: skip

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        pk = int(kwargs["pk"])
        question = self.shared.get(f"question:{pk}")
        if question is None:
            question = selectors.question_for_page(pk)
            if question is not None and question.is_public:  # only what everyone may see is shared
                self.shared.set(f"question:{pk}", question)
        if question is None or not permissions.can_view_question(request.user, question):
            raise Http404("No such question")
        if kwargs.get("slug") != question.slug:
            return HttpResponseRedirect(question.get_absolute_url(), status=301)
        self.question = question
        viewer_id = request.user.pk if request.user.is_authenticated else None
        # Everyone without a comment of their own in the thread sees the same thread for their kind of visitor.
        self.own_comments = viewer_id is not None and question.is_public and viewer_id in self.commenters(pk)
        if (
            viewer_id is not None
            and question.is_public
            and not self.own_comments
            and "comment_form" not in kwargs
            and not request.GET
            and not len(messages.get_messages(request))
        ):
            return self.reader_page(request)
        return super().get(request, *args, **kwargs)

    def commenters(self, pk: int) -> frozenset[int]:
        """Who has comments here, shared until content changes (every comment written bumps the version)."""
        return self.shared.get_or_build(f"commenters:{pk}", lambda: selectors.commenter_ids(pk))

    def reader_page(self, request: HttpRequest) -> HttpResponse:
        """A signed-in reader's page when it holds nothing of theirs (no comment of their own, no reply
        or text under way, no message): the page every such reader sees alike, rendered once per content
        version with holes for their menu and form token, which are filled in for each request.

        Nothing else in this page may depend on the request: a per-request value added to these templates
        (a CSP nonce, say) needs a hole of its own here."""
        question = self.question
        name = part_name("qa-page", question.pk, _thread_variant(request, question.comments_open))
        mark, html = self.shared.get_or_build(name, lambda: self.render_shell(request))
        token = get_token(request)
        reader_name = escape(request.user.public_name)  # type: ignore[union-attr]
        menu = _reader_menu(request.user).replace(MENU_TOKEN, token).replace(MENU_NAME, reader_name)
        return HttpResponse(html.replace(f"csrf-{mark}", token).replace(f"<!--reader-menu-{mark}-->", menu, 1))

    def render_shell(self, request: HttpRequest) -> tuple[str, str]:
        mark = secrets.token_hex(8)  # unguessable, so nothing in the page's text can pose as a hole
        menu_hole = mark_safe(f"<!--reader-menu-{mark}-->")  # noqa: S308  # nosec B308 B703 - our constant
        context = self.get_context_data(**self.kwargs, reader_menu=menu_hole, csrf_token=f"csrf-{mark}")
        return mark, render_to_string(self.template_name, context, request)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        question = self.question
        answer = getattr(question, "answer", None) if question.is_public else None
        context.update(
            question=question,
            answer=answer,
            expert=answer.expert if answer else None,
            related=SimpleLazyObject(lambda: selectors.related_questions(question) if question.is_public else []),
            is_author=question.author_id == self.request.user.pk,
        )
        if question.is_public:
            context.update(self.comment_context(question, kwargs.get("comment_form")))
        return context

    def comment_context(self, question: Question, form: CommentForm | None) -> dict[str, Any]:
        viewer_id = self.request.user.pk if self.request.user.is_authenticated else None
        reply_to = None
        reply_id = query_int(self.request, "reply_to")
        if reply_id is None and form is not None:
            reply_id = positive_int(form.data.get("parent"))
        if reply_id is not None:
            reply_to = Comment.objects.filter(
                pk=reply_id, question=question, status=Comment.Status.APPROVED, is_deleted=False
            ).first()
        # A blank form (no reply, nothing typed) is rendered once per process; it is only built for that.
        blank_form = form is None and reply_to is None
        comment_form: Any = form
        if comment_form is None:
            comment_form = SimpleLazyObject(lambda: CommentForm(initial={"parent": reply_to.pk if reply_to else None}))
        # The thread of a reader without comments of their own is shared (its HTML cached), so it is built
        # as nobody's: a comment of theirs that arrived after this request read the version stays out of it.
        # The thread itself is only built when it is rendered.
        thread_variant = None if self.own_comments else _thread_variant(self.request, question.comments_open)
        thread_viewer = viewer_id if thread_variant is None else None
        return {
            "thread": SimpleLazyObject(lambda: selectors.comment_thread(question, thread_viewer)),
            "thread_variant": thread_variant,
            "comment_form": comment_form,
            "blank_form": blank_form,
            "reply_to": reply_to,
            "can_comment": permissions.can_comment(self.request.user),
            "max_depth": settings.FORUM_COMMENT_MAX_DEPTH,
        }


@method_decorator(never_cache, name="dispatch")
class AskView(LoginRequiredMixin, View):
    template_name = "forum/ask.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not permissions.can_ask(request.user):
            messages.warning(request, _("Please confirm your email address before asking a question."))
            return redirect("account_email")
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, form: AskForm, **extra: Any) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {"form": form, "emergency_contacts": settings.FORUM_EMERGENCY_CONTACTS, **extra},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(AskForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = AskForm(request.POST)
        text = f"{request.POST.get('title', '')}\n{request.POST.get('body', '')}"
        identifiers = screening.personal_identifiers(text)
        urgent = screening.urgent_terms(text)
        extra = {
            "identifiers": identifiers,
            "urgent": urgent,
            "preview_html": render_markdown(request.POST.get("body", "")),
            "similar_text": request.POST.get("title", ""),  # the search app's template tag lists similar ones
        }
        if "preview" in request.POST or not form.is_valid():
            return self.render_form(form, **extra)
        if form.cleaned_data["website"]:  # the honeypot: only bots fill it; say nothing useful to them
            messages.success(request, _("Thank you."))
            return redirect("forum:home")
        try:
            question = question_services.question_submit(
                author=request.user,  # type: ignore[arg-type]
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                category=form.cleaned_data["category"],
                tags=form.cleaned_data["tags"],
                is_anonymous=form.cleaned_data["is_anonymous"],
                consent=form.cleaned_data["consent"],
                acknowledged=form.cleaned_data["acknowledged"],
            )
        except question_services.NeedsAcknowledgement:
            data = request.POST.copy()
            data["acknowledged"] = "True"  # sending again means the notes were seen
            return self.render_form(AskForm(data), needs_acknowledgement=True, **extra)
        except FloodError as error:
            form.add_error(None, str(error))
            return self.render_form(form, **extra)
        return redirect("forum:ask_done", pk=question.pk)


@login_required
@never_cache
def ask_done(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=pk, author=request.user)
    return render(
        request,
        "forum/ask_done.html",
        {"question": question, "typical": humanize_duration(selectors.typical_answer_time())},
    )


@require_POST
@login_required
def ask_preview(request: HttpRequest) -> JsonResponse:
    """Live preview for the ask form: sanitized HTML and the non-blocking warnings."""
    title = request.POST.get("title", "")[:200]
    body = request.POST.get("body", "")[:6000]
    text = f"{title}\n{body}"
    return JsonResponse(
        {
            "html": render_markdown(body),
            "identifiers": [f.label for f in screening.personal_identifiers(text)],
            "urgent": bool(screening.urgent_terms(text)),
        }
    )


@method_decorator(never_cache, name="dispatch")
class MyQuestionsView(LoginRequiredMixin, TemplateView):
    template_name = "forum/my_questions.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["questions"] = selectors.questions_of_author(int(self.request.user.pk or 0))
        return context


@method_decorator(never_cache, name="dispatch")
class QuestionEditView(LoginRequiredMixin, View):
    """The asker edits a question while it awaits review."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.question = get_object_or_404(Question, pk=kwargs["pk"], author=request.user)
            if not permissions.can_edit_own_question(request.user, self.question):
                messages.info(request, _("Only questions awaiting review can be edited."))
                return redirect("forum:my_questions")
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, form: QuestionForm) -> HttpResponse:
        return render(self.request, "forum/question_edit.html", {"form": form, "question": self.question})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_form(QuestionForm(instance=self.question))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = QuestionForm(request.POST, instance=Question.objects.get(pk=pk))
        if not form.is_valid():
            return self.render_form(form)
        question_services.question_edit(
            question=self.question,
            editor=request.user,  # type: ignore[arg-type]
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            category=form.cleaned_data["category"],
            tags=form.cleaned_data["tags"],
            is_anonymous=form.cleaned_data["is_anonymous"],
        )
        messages.success(request, _("Your question was updated."))
        return redirect("forum:my_questions")


@require_POST
@login_required
def question_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=pk, author=request.user)
    try:
        question_services.question_withdraw(question=question, actor=request.user)  # type: ignore[arg-type]
    except question_services.TransitionError:
        messages.error(request, _("This question is already being worked on and can no longer be withdrawn."))
    else:
        messages.success(request, _("Your question was withdrawn. It will not be published."))
    return redirect("forum:my_questions")


@method_decorator(public_page(reads=()), name="dispatch")
class StaticPageView(TemplateView):
    pass


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /ask/",
        "Disallow: /my/",
        "Disallow: /account/",
        "Disallow: /experts/dashboard/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def humanize_duration(value: timedelta | None) -> str:
    if value is None:
        return ""
    days = value.total_seconds() / 86400
    if days < 1:
        return _("less than a day")
    return _("about %(days)d days") % {"days": round(days)}


@require_POST
@login_required
def comment_post(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.public(), pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid() and form.cleaned_data["website"]:
        return redirect(question.get_absolute_url())  # the honeypot: a bot filled the hidden field
    if form.is_valid():
        parent_id = form.cleaned_data.get("parent")
        parent = Comment.objects.filter(pk=parent_id, question=question).first() if parent_id else None
        try:
            comment = comment_services.comment_post(
                question=question,
                author=request.user,  # type: ignore[arg-type]
                body=form.cleaned_data["body"],
                parent=parent,
            )
        except comment_services.CommentsClosed:
            messages.error(request, _("Comments are closed on this question."))
            return redirect(question.get_absolute_url())
        except PermissionDenied:
            messages.warning(request, _("Please confirm your email address before commenting."))
            return redirect("account_email")
        except ApplicationError as error:
            form.add_error(None, str(error) if isinstance(error, FloodError) else _("That reply is not possible."))
        else:
            if comment.status == Comment.Status.PENDING:
                messages.info(request, _("Thank you. Your first comment will appear once a moderator has read it."))
            return redirect(f"{question.get_absolute_url()}#comment-{comment.pk}")
    view = QuestionDetailView.as_view()
    request.method = "GET"
    return view(request, pk=pk, slug=question.slug, comment_form=form)


@method_decorator(never_cache, name="dispatch")
class CommentEditView(LoginRequiredMixin, View):
    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.comment = get_object_or_404(Comment.objects.select_related("question"), pk=kwargs["pk"])

    def render_form(self, form: CommentForm) -> HttpResponse:
        return render(self.request, "forum/comment_edit.html", {"form": form, "comment": self.comment})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.comment.author_id != request.user.pk:
            raise PermissionDenied
        return self.render_form(CommentForm(initial={"body": self.comment.body}))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = CommentForm(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        try:
            comment_services.comment_edit(comment=self.comment, user=request.user, body=form.cleaned_data["body"])  # type: ignore[arg-type]
        except comment_services.EditWindowPassed:
            form.add_error(None, _("Comments can only be edited for a short while after posting."))
            return self.render_form(form)
        messages.success(request, _("Your comment was updated."))
        return redirect(f"{self.comment.question.get_absolute_url()}#comment-{self.comment.pk}")


@require_POST
@login_required
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("question"), pk=pk)
    comment_services.comment_delete(comment=comment, user=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Your comment was deleted."))
    return redirect(f"{comment.question.get_absolute_url()}#comment-{comment.pk}")


def hello(request: HttpRequest) -> HttpResponse:
    """The benchmark's ceiling: the cheapest possible Django response on the same server."""
    return HttpResponse("hello", content_type="text/plain")
