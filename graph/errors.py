"""The one exception type users can cause.

A :class:`JalinError` carries a message that names the file (when there is one) and the problem.
The command line prints it as one line on stderr and exits with code 2.
"""

from __future__ import annotations


class JalinError(Exception):
    """A problem with the user's input, options or environment, with a one-line message."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
