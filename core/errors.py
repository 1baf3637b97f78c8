"""One base class for the domain's refusals (HackSoft's ApplicationError).

A service raises a subclass with a message meant for the person; views and the admin catch ApplicationError
alone and show the message; a request that lets one escape gets it as a page with `status`
(core.middleware.ApplicationErrorMiddleware), never a server error.
"""


class ApplicationError(Exception):
    status = 400

    def __init__(self, message: str = "", *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
