"""An email backend for the worker-crash test: marks that sending started, waits, then
writes the message to a file (so a test can kill the worker in the middle)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    def send_messages(self, email_messages: Sequence[Any]) -> int:
        marker = os.environ.get("SLOW_MAIL_MARKER")
        if marker and not Path(marker).exists():
            Path(marker).write_text("sending")
            time.sleep(30)  # the test kills the worker here, the first time only
        return super().send_messages(email_messages)
