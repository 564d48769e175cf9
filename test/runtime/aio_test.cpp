// aio's own tests: behaviour, lifetimes on every path, stress, debug mode.
#include <aio/aio.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

/// Counts live instances: proves frames and arguments are destroyed.
struct lifetime {
  static inline int alive = 0;
  lifetime() { ++alive; }
  lifetime(const lifetime &) { ++alive; }
  lifetime(lifetime &&) noexcept { ++alive; }
  ~lifetime() { --alive; }
};

struct LifetimeTest : ::testing::Test {
  void SetUp() override { lifetime::alive = 0; }
  void TearDown() override { EXPECT_EQ(lifetime::alive, 0) << "a frame or argument leaked"; }
};

aio::task<int> value(int v, lifetime = {}) { co_return v; }
aio::task<> fail_with(std::string what, lifetime = {}) {
  co_await aio::yield();
  throw std::runtime_error(what);
}
aio::task<int> add(int a, int b) { co_return co_await value(a) + co_await value(b); }

using TaskTest = LifetimeTest;

TEST_F(TaskTest, AwaitingATaskYieldsItsValue) {
  EXPECT_EQ(aio::run(add(2, 3)), 5);
}

TEST_F(TaskTest, AVoidTaskRunsToCompletion) {
  bool ran = false;
  aio::run([&]() -> aio::task<> { ran = true; co_return; }());
  EXPECT_TRUE(ran);
}

TEST_F(TaskTest, AReferenceTaskReturnsTheSameObject) {
  int x = 7;
  int &r = aio::run([&]() -> aio::task<int &> { co_return x; }());
  EXPECT_EQ(&r, &x);
}

TEST_F(TaskTest, ExceptionsPropagateToTheAwaiter) {
  EXPECT_THROW(aio::run(fail_with("boom")), std::runtime_error);
}

TEST_F(TaskTest, ATaskDoesNotRunUntilAwaited) {
  bool ran = false;
  auto t = [](bool &ran) -> aio::task<> { ran = true; co_return; }(ran);
  EXPECT_FALSE(ran);
  aio::run(std::move(t));
  EXPECT_TRUE(ran);
}

TEST_F(TaskTest, DestroyingANeverStartedTaskDestroysItsFrameAndArguments) {
  {
    auto t = value(1, lifetime{});
    EXPECT_GE(lifetime::alive, 1);
  }
  EXPECT_EQ(lifetime::alive, 0);
}

TEST_F(TaskTest, AwaitingATaskTwiceIsAUsageError) {
  EXPECT_THROW(aio::run([]() -> aio::task<> {
                 auto t = value(1);
                 co_await t;
                 co_await t;
               }()),
               aio::usage_error);
}

TEST_F(TaskTest, RunInsideARunningLoopIsAUsageError) {
  EXPECT_THROW(aio::run([]() -> aio::task<> {
                 aio::run(value(1));
                 co_return;
               }()),
               aio::usage_error);
}

TEST_F(TaskTest, AMainTaskWaitingForeverIsReportedNotHung) {
  EXPECT_THROW(aio::run([]() -> aio::task<> {
                 aio::event never;
                 co_await never.wait();
               }()),
               aio::usage_error);
}

using SpawnTest = LifetimeTest;

TEST_F(SpawnTest, ASpawnedTaskRunsConcurrentlyAndItsHandleYieldsTheValue) {
  int result = aio::run([]() -> aio::task<int> {
    std::vector<int> order;
    auto h = aio::spawn([](std::vector<int> &order) -> aio::task<int> {
      order.push_back(1);
      co_await aio::sleep(5ms);
      order.push_back(3);
      co_return 42;
    }(order));
    co_await aio::yield();
    order.push_back(2);
    int v = co_await h;
    EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
    co_return v;
  }());
  EXPECT_EQ(result, 42);
}

TEST_F(SpawnTest, ACancelledTaskSeesCancelledErrorAtItsNextSuspensionPoint) {
  aio::run([]() -> aio::task<> {
    bool cleaned_up = false;
    auto h = aio::spawn([](bool &cleaned_up) -> aio::task<> {
      lifetime guard;
      try {
        co_await aio::sleep(10s);
      } catch (const aio::cancelled_error &) {
        cleaned_up = true;
        throw;
      }
    }(cleaned_up));
    co_await aio::yield();
    h.cancel();
    EXPECT_THROW(co_await h, aio::cancelled_error);
    EXPECT_TRUE(cleaned_up);
  }());
}

TEST_F(SpawnTest, TasksLeftRunningAtTheEndOfRunAreCancelledAndDestroyed) {
  aio::run([]() -> aio::task<> {
    for (int i = 0; i < 10; ++i)
      (void)aio::spawn([]() -> aio::task<> {
        lifetime l;
        co_await aio::sleep(1h);
      }());
    co_await aio::yield();
  }());
  EXPECT_EQ(lifetime::alive, 0);
}

TEST_F(SpawnTest, CancellationRacingCompletionNeverLosesOrDoublesAResult) {
  aio::run([]() -> aio::task<> {
    for (int i = 0; i < 200; ++i) {
      auto h = aio::spawn([](int n) -> aio::task<int> {
        for (int k = 0; k < n % 3; ++k)
          co_await aio::yield();
        co_return n;
      }(i));
      for (int k = 0; k < i % 4; ++k)
        co_await aio::yield();
      h.cancel();
      try {
        EXPECT_EQ(co_await h, i);
      } catch (const aio::cancelled_error &) {
      }
    }
  }());
}

using GatherTest = LifetimeTest;

TEST_F(GatherTest, GatherReturnsATupleUsableWithStructuredBindings) {
  aio::run([]() -> aio::task<> {
    auto [a, b, c] = co_await aio::gather(value(1), value(2),
                                          []() -> aio::task<> { co_return; }());
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 2);
    (void)c;
  }());
}

TEST_F(GatherTest, GatherRunsTasksConcurrently) {
  aio::run([]() -> aio::task<> {
    auto start = aio::clock::now();
    std::vector<aio::task<int>> ts;
    for (int i = 0; i < 20; ++i)
      ts.push_back([](int i) -> aio::task<int> {
        co_await aio::sleep(50ms);
        co_return i;
      }(i));
    std::vector<int> r = co_await aio::gather(std::move(ts));
    EXPECT_LT(aio::clock::now() - start, 900ms); // not 20 x 50 ms
    for (int i = 0; i < 20; ++i)
      EXPECT_EQ(r[i], i);
  }());
}

TEST_F(GatherTest, AFailureCancelsTheOthersAndIsRethrown) {
  aio::run([]() -> aio::task<> {
    bool other_cancelled = false;
    auto slow = [](bool &other_cancelled) -> aio::task<int> {
      lifetime l;
      try {
        co_await aio::sleep(10s);
      } catch (const aio::cancelled_error &) {
        other_cancelled = true;
        throw;
      }
      co_return 1;
    };
    EXPECT_THROW(co_await aio::gather(slow(other_cancelled), []() -> aio::task<int> {
                   co_await fail_with("first");
                   co_return 0;
                 }()),
                 std::runtime_error);
    EXPECT_TRUE(other_cancelled);
  }());
}

TEST_F(GatherTest, WaitForRaisesTimeoutErrorAndCancelsTheTask) {
  aio::run([]() -> aio::task<> {
    auto slow = []() -> aio::task<int> {
      lifetime l;
      co_await aio::sleep(10s);
      co_return 1;
    };
    EXPECT_THROW(co_await aio::wait_for(slow(), 20ms), aio::timeout_error);
    EXPECT_EQ(co_await aio::wait_for(value(3), 1s), 3);
  }());
}

TEST_F(GatherTest, ATaskGroupCancelsSiblingsWhenOneFails) {
  aio::run([]() -> aio::task<> {
    int cancelled = 0;
    aio::task_group g;
    for (int i = 0; i < 3; ++i)
      (void)g.spawn([](int &cancelled) -> aio::task<> {
        try {
          co_await aio::sleep(10s);
        } catch (const aio::cancelled_error &) {
          ++cancelled;
          throw;
        }
      }(cancelled));
    (void)g.spawn(fail_with("group"));
    EXPECT_THROW(co_await g.wait(), std::runtime_error);
    EXPECT_EQ(cancelled, 3);
  }());
}

TEST(SyncTest, AMutexSerialisesCriticalSectionsAcrossSuspensions) {
  aio::run([]() -> aio::task<> {
    aio::mutex m;
    int inside = 0, max_inside = 0;
    std::vector<aio::task<>> ts;
    for (int i = 0; i < 10; ++i)
      ts.push_back([](aio::mutex &m, int &inside, int &max_inside) -> aio::task<> {
        auto guard = co_await m.lock();
        max_inside = std::max(max_inside, ++inside);
        co_await aio::sleep(1ms);
        --inside;
      }(m, inside, max_inside));
    co_await aio::gather(std::move(ts));
    EXPECT_EQ(max_inside, 1);
    EXPECT_FALSE(m.locked());
  }());
}

TEST(SyncTest, AnEventWakesEveryWaiter) {
  aio::run([]() -> aio::task<> {
    aio::event e;
    int woken = 0;
    std::vector<aio::task<>> ts;
    for (int i = 0; i < 5; ++i)
      ts.push_back([](aio::event &e, int &woken) -> aio::task<> { co_await e.wait(); ++woken; }(e, woken));
    ts.push_back([](aio::event &e) -> aio::task<> { co_await aio::sleep(1ms); e.set(); }(e));
    co_await aio::gather(std::move(ts));
    EXPECT_EQ(woken, 5);
  }());
}

TEST(SyncTest, ASemaphoreBoundsConcurrency) {
  aio::run([]() -> aio::task<> {
    aio::semaphore s(3);
    int inside = 0, max_inside = 0;
    std::vector<aio::task<>> ts;
    for (int i = 0; i < 12; ++i)
      ts.push_back([](aio::semaphore &s, int &inside, int &max_inside) -> aio::task<> {
        co_await s.acquire();
        max_inside = std::max(max_inside, ++inside);
        co_await aio::sleep(1ms);
        --inside;
        s.release();
      }(s, inside, max_inside));
    co_await aio::gather(std::move(ts));
    EXPECT_EQ(max_inside, 3);
  }());
}

TEST(SyncTest, ABoundedQueueDeliversInOrderAndAppliesBackpressure) {
  aio::run([]() -> aio::task<> {
    aio::queue<int> q(2);
    std::vector<int> got;
    auto producer = [](aio::queue<int> &q) -> aio::task<> {
      for (int i = 0; i < 100; ++i) {
        co_await q.push(i);
        EXPECT_LE(q.size(), 2u);
      }
    };
    auto consumer = [](aio::queue<int> &q, std::vector<int> &got) -> aio::task<> {
      for (int i = 0; i < 100; ++i)
        got.push_back(co_await q.pop());
    };
    co_await aio::gather(producer(q), consumer(q, got));
    for (int i = 0; i < 100; ++i)
      EXPECT_EQ(got[i], i);
  }());
}

TEST(ThreadTest, ToThreadRunsBlockingWorkOffTheLoopAndReturnsItsResult) {
  aio::run([]() -> aio::task<> {
    auto loop_thread = std::this_thread::get_id();
    std::atomic<int> ticks{0};
    auto ticker = aio::spawn([](std::atomic<int> &ticks) -> aio::task<> {
      for (;;) {
        co_await aio::sleep(1ms);
        ++ticks;
      }
    }(ticks));
    auto id = co_await aio::to_thread([] {
      std::this_thread::sleep_for(50ms);
      return std::this_thread::get_id();
    });
    EXPECT_NE(id, loop_thread);
    EXPECT_GT(ticks.load(), 5); // the loop kept running meanwhile
    ticker.cancel();
    EXPECT_THROW(co_await aio::to_thread([]() -> int { throw std::logic_error("x"); }),
                 std::logic_error);
  }());
}

TEST(ThreadTest, ManyConcurrentToThreadCallsAllComplete) {
  aio::run([]() -> aio::task<> {
    std::vector<aio::task<int>> ts;
    for (int i = 0; i < 64; ++i)
      ts.push_back(aio::to_thread([i] { return i * 2; }));
    auto r = co_await aio::gather(std::move(ts));
    for (int i = 0; i < 64; ++i)
      EXPECT_EQ(r[i], i * 2);
  }());
}

TEST(StressTest, OneHundredThousandConcurrentTasksComplete) {
  long long sum = aio::run([]() -> aio::task<long long> {
    std::vector<aio::task<int>> ts;
    ts.reserve(100'000);
    for (int i = 0; i < 100'000; ++i)
      ts.push_back([](int i) -> aio::task<int> {
        co_await aio::yield();
        co_return i;
      }(i));
    auto r = co_await aio::gather(std::move(ts));
    long long s = 0;
    for (int v : r)
      s += v;
    co_return s;
  }());
  EXPECT_EQ(sum, 100'000LL * 99'999 / 2);
}

TEST(StressTest, TimersFireInDeadlineOrder) {
  aio::run([]() -> aio::task<> {
    std::vector<int> fired;
    std::vector<aio::task<>> ts;
    for (int i : {7, 3, 9, 1, 5, 8, 2, 6, 4, 0})
      ts.push_back([](std::vector<int> &fired, int i) -> aio::task<> {
        co_await aio::sleep(std::chrono::milliseconds(i * 3));
        fired.push_back(i);
      }(fired, i));
    co_await aio::gather(std::move(ts));
    EXPECT_TRUE(std::is_sorted(fired.begin(), fired.end()));
    EXPECT_EQ(fired.size(), 10u);
  }());
}

TEST(NetTest, LoopbackEchoWithManyConnections) {
  aio::run([]() -> aio::task<> {
    auto listener = aio::tcp_listener::bind("127.0.0.1", 0);
    aio::task_group server;
    auto acceptor = aio::spawn([](aio::tcp_listener &listener, aio::task_group &server) -> aio::task<> {
      for (;;)
        (void)server.spawn([](aio::tcp_stream c) -> aio::task<> {
          char buf[4096];
          while (std::size_t n = co_await c.read(buf))
            co_await c.write_bytes(std::span<const char>(buf, n));
        }(co_await listener.accept()));
    }(listener, server));
    std::vector<aio::task<bool>> clients;
    for (int i = 0; i < 200; ++i)
      clients.push_back([](std::uint16_t port, int i) -> aio::task<bool> {
        auto s = co_await aio::tcp_stream::connect("127.0.0.1", port);
        std::string msg(1000 + i, char('a' + i % 26));
        co_await s.write_all(msg);
        std::string back;
        char buf[4096];
        while (back.size() < msg.size()) {
          std::size_t n = co_await s.read(buf);
          if (n == 0)
            break;
          back.append(buf, n);
        }
        co_return back == msg;
      }(listener.port(), i));
    auto ok = co_await aio::gather(std::move(clients));
    EXPECT_EQ(std::count(ok.begin(), ok.end(), true), 200);
    acceptor.cancel();
  }());
}

TEST(NetTest, ConnectingToAClosedPortRaisesSocketError) {
  aio::run([]() -> aio::task<> {
    std::uint16_t port;
    {
      auto l = aio::tcp_listener::bind("127.0.0.1", 0);
      port = l.port();
    }
    EXPECT_THROW(co_await aio::tcp_stream::connect("127.0.0.1", port), aio::socket_error);
    EXPECT_THROW(co_await aio::tcp_stream::connect("not-an-ip", 80), aio::socket_error);
  }());
}

struct DebugModeTest : ::testing::Test {
  std::vector<std::string> warnings;
  aio::debug_sink previous;
  void SetUp() override {
    previous = aio::set_debug_sink([this](std::string_view w) { warnings.emplace_back(w); });
  }
  void TearDown() override { aio::set_debug_sink(previous); }
  bool warned(std::string_view needle) const {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string &w) { return w.find(needle) != std::string::npos; });
  }
};

TEST_F(DebugModeTest, WarnsWhenOneStepHoldsTheLoopTooLong) {
  aio::run_options opts;
  opts.debug = true;
  opts.slow_step_threshold = 20ms;
  aio::run([]() -> aio::task<> {
    std::this_thread::sleep_for(60ms); // NOLINT(coro-blocking-call): the point of the test
    co_return;
  }(), opts);
  EXPECT_TRUE(warned("task 'main' held the event loop for")) << warnings.size();
}

TEST_F(DebugModeTest, WarnsWhenATaskIsDestroyedWithoutBeingAwaited) {
  aio::run_options opts;
  opts.debug = true;
  aio::run([]() -> aio::task<> {
    auto forgotten = value(1); // NOLINT(coro-unawaited-task): the point of the test
    co_return;
  }(), opts);
  EXPECT_TRUE(warned("destroyed without ever being awaited"));
}

TEST_F(DebugModeTest, WarnsWhenASpawnedTasksExceptionIsNeverRetrieved) {
  aio::run_options opts;
  opts.debug = true;
  aio::run([]() -> aio::task<> {
    (void)aio::spawn(fail_with("lost"), "fire-and-forget");
    co_await aio::sleep(5ms);
  }(), opts);
  EXPECT_TRUE(warned("exception of task 'fire-and-forget' was never retrieved: lost"));
}

} // namespace
