"""Nothing lost on restart: 50 patients send 2,000 asks while the server is killed (-9)
and restarted; clients reconnect with resume and send again what was not acknowledged.

    python scripts/chaos.py [--patients 50] [--asks 40]

Prints how many asks were acknowledged, stored and answered, and any that were stored
twice, answered twice or never answered. Exit status 1 when anything was lost or doubled.
Loopback only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time

from wsload import Portal, connect, raise_file_limit

DEADLINE_SECONDS = 300


class Patient:
    def __init__(self, index: int, cookie: str, asks: int) -> None:
        self.index, self.cookie = index, cookie
        self.todo = [f"p{index}-{n}" for n in range(asks)]
        self.acked: set[str] = set()
        self.answered: set[int] = set()  # reply message ids seen
        self.last_seq = 0


async def run_patient(portal: Portal, p: Patient, stop: float) -> None:
    """Ask everything; on any connection error, reconnect and resume until all are answered."""
    pending_answers = 0
    while time.monotonic() < stop and (p.todo or len(p.answered) < len(p.acked) or pending_answers):
        try:
            ws = await connect(portal, p.cookie)
        except Exception:  # noqa: BLE001 - server down: back off and retry
            await asyncio.sleep(0.5 + random.random())
            continue
        try:
            await ws.recv()  # hello
            await ws.send(json.dumps({"type": "resume", "after": p.last_seq}))
            unacked = [c for c in p.todo if c not in p.acked]
            for client_id in unacked:  # idempotent on client_id: resending is safe
                await ws.send(
                    json.dumps(
                        {
                            "type": "ask",
                            "client_id": client_id,
                            "text": "what is high blood pressure",
                        }
                    )
                )
                await asyncio.sleep(0.02)
            while len(p.answered) < len(p.todo) and time.monotonic() < stop:
                frame = json.loads(await asyncio.wait_for(ws.recv(), 20))
                seq = frame.get("seq")
                if frame["type"] == "ack":
                    p.acked.add(frame["client_id"])
                elif frame["type"] == "answer.end":
                    p.answered.add(frame["message_id"])
                    p.last_seq = max(p.last_seq, seq or 0)
                elif isinstance(seq, int):
                    p.last_seq = max(p.last_seq, seq)
            pending_answers = 0
            await ws.close()
            return
        except Exception:  # noqa: BLE001 - dropped: reconnect and resume
            pending_answers = 1
            await asyncio.sleep(0.3)


async def chaos(portal: Portal, patients: list[Patient]) -> None:
    stop = time.monotonic() + DEADLINE_SECONDS
    tasks = [asyncio.create_task(run_patient(portal, p, stop)) for p in patients]
    await asyncio.sleep(4)  # mid-stream
    portal.kill()
    print(f"server killed (-9) with {sum(len(p.acked) for p in patients)} asks acknowledged")
    await asyncio.sleep(2)
    portal.start(portal.port)
    print("server restarted")
    await asyncio.gather(*tasks)


def verify(portal: Portal, patients: list[Patient]) -> int:
    from django.db.models import Count

    from assistant.models import Message

    acked = {c for p in patients for c in p.acked}
    questions = Message.objects.filter(role="patient").values("client_id").annotate(n=Count("id"))
    stored = {q["client_id"]: q["n"] for q in questions}
    replies = (
        Message.objects.filter(role="assistant", state="complete")
        .values("reply_to__client_id")
        .annotate(n=Count("id"))
    )
    answered = {r["reply_to__client_id"]: r["n"] for r in replies}
    pending = Message.objects.filter(role="assistant").exclude(state="complete").count()
    lost = sorted(c for c in acked if c not in stored)
    doubled = sorted(str(c) for c, n in stored.items() if n > 1)
    unanswered = sorted(c for c in acked if answered.get(c, 0) == 0)
    twice = sorted(str(c) for c, n in answered.items() if n > 1)
    total = sum(len(p.todo) for p in patients)
    print(
        f"asks sent: {total}; acknowledged: {len(acked)}; stored: {len(stored)}; "
        f"answered: {sum(1 for c in acked if answered.get(c))}"
    )
    print(
        f"lost: {len(lost)}; stored twice: {len(doubled)}; never answered: {len(unanswered)}; "
        f"answered twice: {len(twice)}; replies left pending by the kill: {pending}"
    )
    for name, items in (("lost", lost), ("unanswered", unanswered)):
        if items:
            print(f"  {name}: {items[:10]}")
    return 1 if (lost or doubled or unanswered or twice or len(acked) < total) else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=50)
    parser.add_argument("--asks", type=int, default=40)
    args = parser.parse_args()
    raise_file_limit(20000)
    portal = Portal(args.patients)
    patients = [Patient(i, portal.cookies[i], args.asks) for i in range(args.patients)]
    portal.start()
    try:
        asyncio.run(chaos(portal, patients))
    finally:
        portal.stop()
    return verify(portal, patients)


if __name__ == "__main__":
    raise SystemExit(main())
