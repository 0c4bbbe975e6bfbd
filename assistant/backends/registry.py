"""The configured answer backend (settings.ASSISTANT_BACKEND) and the offline fallback."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from assistant.backends.base import Backend

GROUNDED = "assistant.backends.grounded.GroundedBackend"


@cache
def _load(path: str) -> Backend:
    backend_class = import_string(path)
    backend = backend_class()
    if not isinstance(backend, Backend):
        raise TypeError(f"ASSISTANT_BACKEND: {path} is not an assistant Backend")
    return backend


def get_backend() -> Backend:
    return _load(settings.ASSISTANT_BACKEND)


def fallback_backend() -> Backend:
    """The grounded offline backend: it needs no network, so it answers when a model fails."""
    return _load(GROUNDED)
