"""A small OpenAI-compatible HTTP server of our own that fails on purpose.

The first path segment picks the behaviour: /ok, /error500, /error429, /error400, /stall,
/stall_after_first, /slow, /malformed, /flaky (two 500s, then ok), /inventing. Every
request body is recorded so tests can check what left the process.
Runs with uvicorn in a background thread on a free loopback port.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from assistant.llm_eval import free_port, running

__all__ = ["FaultServer", "running"]

OK_TEXT = (
    "Gout is a kind of arthritis that causes sudden pain in a joint [1]. "
    "It happens when uric acid builds up in the blood [1]. "
    "A flare often starts in the big toe [1]. "
    "Your care team can explain how to prevent flares [1]."
)
INVENTING_TEXT = (
    "Gout is a kind of arthritis that causes sudden pain in a joint [1]. "
    "Take 800 mg of ibuprofen every 6 hours for the pain [1]. "
    "You should stop taking your allopurinol during a flare [1]. "
    "Hello [NAME_1], your gout will be cured for good [1]. "
    "It happens when uric acid builds up in the blood [1]."
)


class FaultServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.counts: dict[str, int] = {}
        self.port = free_port()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, mode: str) -> str:
        return f"{self.base}/{mode}/v1"

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        mode = scope["path"].strip("/").split("/")[0]
        self.counts[mode] = self.counts.get(mode, 0) + 1
        self.requests.append({"mode": mode, "body": body.decode("utf-8", "replace")})
        await self.respond(mode, send)

    async def respond(self, mode: str, send: Any) -> None:
        if mode in ("error500", "error429", "error400") or (
            mode == "flaky" and self.counts["flaky"] <= 2
        ):
            status = {"error429": 429, "error400": 400}.get(mode, 500)
            await _json(send, status, {"error": {"message": f"{mode}", "type": "server_error"}})
            return
        if mode == "stall":
            await asyncio.sleep(3600)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"text/event-stream")],
            }
        )
        if mode == "malformed":
            await send(
                {
                    "type": "http.response.body",
                    "body": b"data: {this is not json\n\n",
                    "more_body": True,
                }
            )
            await send({"type": "http.response.body", "body": b"data: [DONE]\n\n"})
            return
        text = INVENTING_TEXT if mode == "inventing" else OK_TEXT
        words = text.split(" ")
        for i, word in enumerate(words):
            if mode == "stall_after_first" and i == 1:
                await asyncio.sleep(3600)
            if mode == "slow":
                await asyncio.sleep(1.0)
            await send(
                {"type": "http.response.body", "body": _chunk(word + " "), "more_body": True}
            )
        usage = {
            "id": "x",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "fault",
            "choices": [],
            "usage": {
                "prompt_tokens": 50,
                "completion_tokens": len(words),
                "total_tokens": 50 + len(words),
            },
        }
        await send(
            {
                "type": "http.response.body",
                "body": f"data: {json.dumps(usage)}\n\n".encode(),
                "more_body": True,
            }
        )
        await send({"type": "http.response.body", "body": b"data: [DONE]\n\n"})


def _chunk(text: str) -> bytes:
    payload = {
        "id": "x",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "fault",
        "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}],
    }
    return f"data: {json.dumps(payload)}\n\n".encode()


async def _json(send: Any, status: int, data: dict[str, Any]) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": json.dumps(data).encode()})
