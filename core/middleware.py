from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.errors import ApplicationError


class ApplicationErrorMiddleware:
    """The one place a domain refusal that no view handled becomes a page: its message, its status.

    Views catch ApplicationError where they can keep the person's input on the form; anything that escapes
    still reaches the person as words, never as a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ApplicationError):
            return None
        return render(request, "refused.html", {"message": exception.message}, status=exception.status)
