"""An action or handler that raises becomes a notification, never a crash of the app."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def notify_errors(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a method of a Textual node: an exception is reported as "<what> failed: ..."."""

    def decorate(method: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.iscoroutinefunction(method):

            @functools.wraps(method)
            async def async_wrapper(self, *args: Any, **kwargs: Any) -> Any:
                try:
                    return await method(self, *args, **kwargs)
                except Exception as error:
                    self.notify(
                        f"{what} failed: {describe(error)}", severity="error", timeout=15, markup=False
                    )
                    return None

            return async_wrapper

        @functools.wraps(method)
        def wrapper(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except Exception as error:
                self.notify(f"{what} failed: {describe(error)}", severity="error", timeout=15, markup=False)
                return None

        return wrapper

    return decorate
