#!/usr/bin/env python3
"""The aio_bench workloads in Python asyncio: the reference aio is modelled on.

    asyncio_bench.py [--quick]

Prints one "name value unit" line per workload, as aio_bench does.
"""
import asyncio
import tracemalloc
import sys
import time


def heap_bytes():
    # Python allocations traced by tracemalloc (started in main).
    return tracemalloc.get_traced_memory()[0]


async def empty_task():
    return 1


async def create_and_await(n):
    # aio::task<T> is a lazy coroutine awaited in place: the same as awaiting
    # a coroutine object here (no asyncio.Task is created).
    total = 0
    start = time.perf_counter()
    for _ in range(n):
        total += await empty_task()
    elapsed = time.perf_counter() - start
    assert total == n
    return elapsed * 1e9 / n


async def yields_once():
    await asyncio.sleep(0)
    return 1


async def gather_many(n):
    coros = [yields_once() for _ in range(n)]
    start = time.perf_counter()
    results = await asyncio.gather(*coros)
    elapsed = time.perf_counter() - start
    assert len(results) == n
    return elapsed * 1e3


async def memory_per_suspended_task(n):
    release = asyncio.Event()
    before = heap_bytes()
    tasks = [asyncio.create_task(release.wait()) for _ in range(n)]
    await asyncio.sleep(0)
    after = heap_bytes()
    release.set()
    await asyncio.gather(*tasks)
    return (after - before) / n


async def echo_session(reader, writer):
    while data := await reader.read(64 * 1024):
        writer.write(data)
        await writer.drain()
    writer.close()


async def echo_client(port, nbytes):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out = b"x" * (16 * 1024)
    echoed = 0
    for _ in range(0, nbytes, len(out)):
        writer.write(out)
        await writer.drain()
        got = await reader.readexactly(len(out))
        echoed += len(got)
    writer.close()
    await writer.wait_closed()
    return echoed


async def echo_throughput(connections, nbytes):
    server = await asyncio.start_server(echo_session, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    start = time.perf_counter()
    echoed = await asyncio.gather(*(echo_client(port, nbytes) for _ in range(connections)))
    elapsed = time.perf_counter() - start
    server.close()
    await server.wait_closed()
    return sum(echoed) / elapsed / 1e6


def main():
    quick = "--quick" in sys.argv[1:]
    awaits = 20_000 if quick else 200_000
    suspended = 10_000 if quick else 100_000
    nbytes = (1 << 20) if quick else (32 << 20)
    asyncio.run(create_and_await(awaits // 10))  # warm-up, as aio_bench
    print("create_await_empty_task %.1f ns" % asyncio.run(create_and_await(awaits)))
    asyncio.run(gather_many(10_000))
    print("gather_10000_tasks %.2f ms" % asyncio.run(gather_many(10_000)))
    tracemalloc.start()
    print("memory_per_suspended_task %.0f bytes" % asyncio.run(memory_per_suspended_task(suspended)))
    tracemalloc.stop()
    print("loopback_echo_8_connections %.1f MB/s" % asyncio.run(echo_throughput(8, nbytes)))


if __name__ == "__main__":
    main()
