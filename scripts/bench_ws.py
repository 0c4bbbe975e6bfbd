"""Websocket load benchmark: the chat over the grounded backend against a bare echo
consumer on the same server, idle connections, and a reconnect storm.

    python scripts/bench_ws.py [--patients 200] [--asks 5] [--think 2-6] [--idle 4000]

Two ways of loading the chat, both with the patients' questions drawn from the retrieval
evaluation set (554 different questions, so nothing is answered from a warm cache):

- saturation: every patient asks again the moment the previous answer ends (a closed loop
  with no pause). Prints turns per second for the chat and for the echo baseline, and
  their ratio: how close the chat comes to the ceiling of the stack; also the server's CPU
  time per turn of each (steadier than turns per second when other jobs share the
  machine). Time to first delta here is queueing time (patients / turns per second), not
  what a patient sees.
- paced: the same patients arriving spread over the first 6 s (each opens the chat, then
  types for 2-6 s before the first question), each pausing a random 2-6 s (--think) after
  an answer before the next question (people read and type for longer). Prints time to
  first delta p50/p99: what patients see when 200 of them chat at once.

Then idle connections held and the reconnect storm. Targets on a 2-core machine: ratio
>= 0.33; first delta p99 <= 100 ms at 200 concurrent patients; >= 4,000 idle authenticated
connections with 0 errors; 4,000 reconnects within 60 s. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from typing import Any

from wsload import ROOT, Portal, connect, percentile, raise_file_limit, recv_json, running

QUESTIONS = [
    json.loads(line)["text"]
    for line in (ROOT / "assistant/knowledge/eval/questions.jsonl").read_text().splitlines()
    if line.strip()
]


async def patient_session(
    portal: Portal,
    cookie: str,
    path: str,
    asks: int,
    index: int,
    firsts: list[float],
    errors: list[str],
    think: tuple[float, float] = (0.0, 0.0),
) -> int:
    done = 0
    rng = random.Random(index)
    if think[1]:
        # Patients arrive spread out: each opens the chat at its own moment, then types the
        # first question (a think pause) before asking, as people do.
        await asyncio.sleep(rng.uniform(0, think[1]))
    try:
        ws = await connect(portal, cookie, path)
    except Exception as exc:  # noqa: BLE001 - counted, not raised
        errors.append(f"connect: {type(exc).__name__}")
        return 0
    try:
        if path == "/ws/chat/":
            await recv_json(ws)  # hello
        if think[1]:
            await asyncio.sleep(rng.uniform(*think))
        for n in range(asks):
            started = time.perf_counter()
            question = QUESTIONS[(index * asks + n) % len(QUESTIONS)]
            await ws.send(
                json.dumps({"type": "ask", "client_id": f"b{index}-{n}", "text": question})
            )
            first = None
            while True:
                frame = await recv_json(ws)
                if frame["type"] == "answer.delta" and first is None:
                    first = time.perf_counter() - started
                if frame["type"] == "error":
                    errors.append(frame["code"])
                    break
                if frame["type"] in ("answer.end", "safety"):
                    done += 1
                    break
            if first is not None:
                firsts.append(first)
            if think[1] and n < asks - 1:
                await asyncio.sleep(rng.uniform(*think))
    except Exception as exc:  # noqa: BLE001
        errors.append(type(exc).__name__)
    finally:
        await ws.close()
    return done


async def load(
    portal: Portal, path: str, patients: int, asks: int, think: tuple[float, float] = (0, 0)
) -> dict[str, Any]:
    firsts: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    cpu_before = portal.cpu_seconds()
    done = await asyncio.gather(
        *(
            patient_session(portal, portal.cookies[i], path, asks, i, firsts, errors, think)
            for i in range(patients)
        )
    )
    elapsed = time.perf_counter() - started
    cpu = portal.cpu_seconds() - cpu_before
    return {
        "cpu_ms_per_turn": cpu * 1000 / sum(done) if sum(done) else float("nan"),
        "turns": sum(done),
        "turns_per_s": sum(done) / elapsed,
        "p50_ms": statistics.median(firsts) * 1000 if firsts else float("nan"),
        "p99_ms": percentile(firsts, 99) * 1000,
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "rss_mb": portal.rss_mb(),
    }


async def idle_and_storm(portal: Portal, count: int) -> dict[str, Any]:
    errors = 0
    sockets: list[Any] = []

    async def open_one(i: int) -> Any:
        nonlocal errors
        try:
            ws = await connect(portal, portal.cookies[i % len(portal.cookies)])
            await recv_json(ws, 60)
            return ws
        except Exception:  # noqa: BLE001
            errors += 1
            return None

    started = time.perf_counter()
    for batch in range(0, count, 500):  # open in waves, as real clients arrive
        sockets += await asyncio.gather(
            *(open_one(i) for i in range(batch, min(count, batch + 500)))
        )
    opened = time.perf_counter() - started
    held = [s for s in sockets if s is not None]
    await asyncio.sleep(5)
    alive = 0
    for ws in held:
        try:
            pong = await ws.ping()
            await asyncio.wait_for(pong, 10)
            alive += 1
        except Exception:  # noqa: BLE001
            errors += 1
    rss = portal.rss_mb()
    await asyncio.gather(*(ws.close() for ws in held), return_exceptions=True)
    storm_errors_before = errors
    started = time.perf_counter()
    deadline = started + 60

    async def reconnect(i: int) -> Any:
        """As the chat client does: retry with jittered backoff until the deadline."""
        delay = 0.5
        await asyncio.sleep(random.random() * 2)  # clients notice the drop at different times
        while time.perf_counter() < deadline:
            ws = await open_one(i)
            if ws is not None:
                return ws
            await asyncio.sleep(delay + random.random() * delay)
            delay = min(delay * 2, 8)
        return None

    again = await asyncio.gather(*(reconnect(i) for i in range(count)))
    storm = time.perf_counter() - started
    reconnected = sum(1 for s in again if s is not None)
    await asyncio.gather(*(s.close() for s in again if s is not None), return_exceptions=True)
    return {
        "idle_held": alive,
        "open_s": opened,
        "idle_errors": storm_errors_before,
        "rss_mb": rss,
        "storm_reconnected": reconnected,
        "storm_s": storm,
        "storm_errors": errors - storm_errors_before,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--asks", type=int, default=5)
    parser.add_argument("--think", default="2-6", help="seconds between asks, paced run")
    parser.add_argument("--paced-asks", type=int, default=10)
    parser.add_argument("--idle", type=int, default=4000)
    args = parser.parse_args()
    low, high = (float(x) for x in args.think.split("-"))
    raise_file_limit(20000)
    portal = Portal(max(args.patients, 200), extra_env={"BENCH_ECHO": "true"})
    with running(portal):
        asyncio.run(load(portal, "/ws/chat/", 20, 1))  # warm up: imports, index, caches
        chat = asyncio.run(load(portal, "/ws/chat/", args.patients, args.asks))
        echo = asyncio.run(load(portal, "/ws/bench-echo/", args.patients, args.asks))
        paced = asyncio.run(load(portal, "/ws/chat/", args.patients, args.paced_asks, (low, high)))
        idle = asyncio.run(idle_and_storm(portal, args.idle))
    ratio = chat["turns_per_s"] / echo["turns_per_s"] if echo["turns_per_s"] else 0.0
    print(
        f"{args.patients} patients over loopback (uvicorn, 1 process, SQLite, in-memory "
        f"layer, grounded backend); saturation: {args.asks} asks each, no pause"
    )
    for name, r in (("chat", chat), ("echo", echo)):
        print(
            f"  {name:5} turns {r['turns']:5}  {r['turns_per_s']:8.1f} turns/s  first delta "
            f"p50 {r['p50_ms']:7.1f} ms  p99 {r['p99_ms']:7.1f} ms  errors {r['errors']} "
            f"{r['error_kinds']}  server RSS {r['rss_mb']:.0f} MB  server CPU "
            f"{r['cpu_ms_per_turn']:.2f} ms/turn"
        )
    print(f"  ratio chat/echo: {ratio:.2f} (target >= 0.33)")
    # Steadier than turns/s on a shared machine: what one turn costs the server itself.
    cpu_ratio = echo["cpu_ms_per_turn"] / chat["cpu_ms_per_turn"]
    print(f"  server CPU per turn, echo/chat: {cpu_ratio:.2f}")
    print(
        f"  paced ({args.paced_asks} asks each, {args.think} s between): "
        f"{paced['turns']} turns, {paced['turns_per_s']:.1f} turns/s, first delta "
        f"p50 {paced['p50_ms']:.1f} ms  p99 {paced['p99_ms']:.1f} ms (target <= 100 ms)  "
        f"errors {paced['errors']} {paced['error_kinds']}  server RSS {paced['rss_mb']:.0f} MB"
    )
    print(
        f"  idle: {idle['idle_held']}/{args.idle} authenticated connections held "
        f"(opened in {idle['open_s']:.1f} s), errors {idle['idle_errors']}, "
        f"server RSS {idle['rss_mb']:.0f} MB"
    )
    print(
        f"  reconnect storm: {idle['storm_reconnected']}/{args.idle} re-established in "
        f"{idle['storm_s']:.1f} s, errors {idle['storm_errors']}"
    )


if __name__ == "__main__":
    main()
