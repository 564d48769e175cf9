// RUN: %check_corolint %s coro-sequential-await %t -- -- %coro_mock_flags

#include <mutex>
#include <string>
#include <vector>
#include "async_simple.h"
#include "libcoro.h"
#include "sequential_shapes.h"

using std::size_t;
struct Row { int id; std::string path; };
struct KV { int k; int v; };
cppcoro::task<Row> fetch(int id);
cppcoro::task<void> upload(const std::string &path);
folly::coro::Task<int> lookup(int key);
asio::awaitable<std::string> resolve(std::string host);
seastar::future<int> load(int shard);
coro::task<int> compute(int x);
async_simple::coro::Lazy<int> query(int x);

//===--- Form 1: one awaited call per element, the calls independent -------===//

cppcoro::task<> per_element(std::vector<int> ids) {
  std::vector<Row> results;
  for (int id : ids)
    results.push_back(co_await fetch(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'fetch' is awaited once per element of 'ids', one after another; the calls are independent: run them concurrently with 'cppcoro::when_all' [coro-sequential-await]
}

folly::coro::Task<> indexed(std::vector<int> keys, std::vector<int> &values) {
  for (size_t i = 0; i < keys.size(); ++i)
    values[i] = co_await lookup(keys[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'lookup' is awaited once per iteration, one after another; the calls are independent: run them concurrently with 'folly::coro::collectAllRange'
}

asio::awaitable<void> resolve_all(std::vector<std::string> &hosts,
                                  std::vector<std::string> &out) {
  for (const auto &h : hosts) {
    auto addr = co_await resolve(h);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'resolve' is awaited once per element of 'hosts', one after another; the calls are independent: run them concurrently with 'asio::experimental::make_parallel_group'
    out.push_back(addr);
  }
}

// seastar futures are eager, but each is created only after the previous
// one finished: still one at a time.
seastar::future<int> sum_shards(std::vector<int> shards) {
  int total = 0;
  for (int s : shards)
    total += co_await load(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'load' is awaited once per element of 'shards', one after another; the calls are independent: run them concurrently with 'seastar::coroutine::parallel_for_each'
  co_return total;
}

coro::task<> warm(std::vector<int> xs) {
  for (auto x : xs)
    co_await compute(x * 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'compute' is awaited once per element of 'xs', one after another; the calls are independent: run them concurrently with 'coro::when_all'
}

async_simple::coro::Lazy<> bindings(std::vector<KV> kvs, std::vector<int> &out) {
  for (auto &[k, v] : kvs) {
    if (k < 0)
      continue; // skipping an element is fine
    out.push_back(co_await query(v));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'query' is awaited once per element of 'kvs', one after another; the calls are independent: run them concurrently with 'async_simple::coro::collectAll'
  }
}

// Through a local of the body, computed from the element.
cppcoro::task<> through_local(std::vector<Row> rows) {
  for (const Row &r : rows) {
    int key = r.id + 1;
    co_await fetch(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'fetch' is awaited once per element of 'rows'
  }
}

// A const member of a shared client does not order the calls.
struct Client {
  cppcoro::task<Row> get(int id) const;
  cppcoro::task<void> post(int id);
};
cppcoro::task<> client_calls(const Client &c, std::vector<int> ids,
                             std::vector<Row> &out) {
  for (int id : ids)
    out.push_back(co_await c.get(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Client::get' is awaited once per element of 'ids'
}

// Per element object: each element is its own connection.
cppcoro::task<> close_all(std::vector<Client> &clients) {
  for (auto &c : clients)
    co_await c.post(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Client::post' is awaited once per element of 'clients'
}

//===--- Form 2: lazy tasks collected first, then awaited one by one -------===//

cppcoro::task<> fake_concurrency(std::vector<int> ids, std::vector<Row> &rows) {
  std::vector<cppcoro::task<Row>> ts;
  for (int id : ids)
    ts.push_back(fetch(id));
  for (auto &t : ts)
    rows.push_back(co_await t);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the lazy tasks in 'ts' are awaited one at a time, so they run one after another (a lazy task starts only when awaited): await them together with 'cppcoro::when_all'
}

folly::coro::Task<> fake_concurrency_indexed(std::vector<int> keys) {
  std::vector<folly::coro::Task<int>> ts;
  for (int k : keys)
    ts.emplace_back(lookup(k));
  for (size_t i = 0; i < ts.size(); ++i)
    co_await std::move(ts[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lazy tasks in 'ts' are awaited one at a time, so they run one after another (a lazy task starts only when awaited): await them together with 'folly::coro::collectAllRange'
}

// Eager futures collected first already run concurrently.
seastar::future<int> eager_collected(std::vector<int> shards) {
  std::vector<seastar::future<int>> fs;
  for (int s : shards)
    fs.push_back(load(s));
  int total = 0;
  for (auto &f : fs)
    total += co_await std::move(f);
  co_return total;
}

// Tasks handed in: not created here, maybe sequential on purpose.
cppcoro::task<> run_in_order(std::vector<cppcoro::task<Row>> &steps) {
  for (auto &s : steps)
    co_await s;
}

//===--- Templates, lambdas, nested loops, macros --------------------------===//

template <class Id> cppcoro::task<> templated(std::vector<Id> ids) {
  std::vector<Row> rows;
  for (Id id : ids)
    rows.push_back(co_await fetch(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'fetch' is awaited once per element of 'ids'
}
template cppcoro::task<> templated<int>(std::vector<int>);
template cppcoro::task<> templated<short>(std::vector<short>);

void lambdas(std::vector<int> ids) {
  auto each = [](std::vector<int> ids) -> cppcoro::task<> {
    for (int id : ids)
      co_await fetch(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'fetch' is awaited once per element of 'ids'
  };
  auto via = [](std::vector<int> ids, std::vector<Row> &rows) -> cppcoro::task<> {
    auto one = [](int id) -> cppcoro::task<Row> { co_return co_await fetch(id); };
    for (int id : ids)
      rows.push_back(co_await one(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'one' is awaited once per element of 'ids'
  };
  (void)each;
  (void)via;
}

cppcoro::task<> nested(std::vector<std::vector<int>> grid, std::vector<Row> &out) {
  for (auto &row : grid)
    for (int id : row)
      out.push_back(co_await fetch(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'fetch' is awaited once per element of 'row'
}

#define FETCH_EACH(out, ids) \
  for (int id_ : ids)        \
    out.push_back(co_await fetch(id_))
#define AWAIT(x) co_await (x)
cppcoro::task<> macros(std::vector<int> ids, std::vector<Row> &out) {
  FETCH_EACH(out, ids);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fetch' is awaited once per element of the range
  for (int id : ids)
    out.push_back(AWAIT(fetch(id)));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'fetch' is awaited once per element of 'ids'
}

//===--- Not flagged: sequential on purpose, or not independent ------------===//

cppcoro::task<> retries(int key) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    Row r = co_await fetch(key); // the same request again
    if (r.id)
      co_return;
  }
}

folly::coro::Task<> backoff(int key, std::chrono::milliseconds delay) {
  while (true) {
    try {
      co_await lookup(key);
      break;
    } catch (...) {
    }
    co_await folly::coro::sleep(delay);
  }
}

cppcoro::task<> polling(int job) {
  bool done = false;
  while (!done) {
    Row st = co_await fetch(job);
    done = st.id != 0;
  }
}

cppcoro::task<> pagination(std::vector<Row> &rows) {
  int cursor = 0;
  do {
    Row page = co_await fetch(cursor);
    rows.push_back(page);
    cursor = page.id;
  } while (cursor != 0);
}

cppcoro::task<> chain_walk(int first, int depth) {
  Row node{first, ""};
  for (int i = 0; i < depth; ++i)
    node = co_await fetch(node.id + i);
}

cppcoro::task<> first_match(std::vector<int> ids, int wanted) {
  for (int id : ids) {
    Row r = co_await fetch(id);
    if (r.id == wanted)
      break;
  }
  for (int id : ids) {
    Row r = co_await fetch(id);
    if (r.id == wanted)
      co_return;
  }
  for (int id : ids) {
    Row r = co_await fetch(id);
    if (!r.id)
      throw r;
  }
  bool found = false;
  for (int id : ids) {
    if (found)
      break; // decided by an earlier iteration's result
    Row r = co_await fetch(id);
    found = r.id == wanted;
  }
}

folly::coro::Task<> queue_receive(folly::coro::UnboundedQueue<int> &q,
                                  std::vector<int> &out, int n) {
  for (int i = 0; i < n; ++i)
    out.push_back(co_await q.dequeue());
}

// Writes to one pipe, their result checked (folly's AsyncPipeTest).
folly::coro::Task<> pipe_writes(folly::coro::BoundedAsyncPipe<int> &pipe, int n) {
  for (int i = 0; i < n; ++i)
    if (!co_await pipe.write(i))
      co_return;
  for (int i = 0; i < n; ++i) {
    bool ok = co_await pipe.write(i);
    (void)ok;
  }
}

folly::coro::Task<> pacing(std::vector<int> delays, asio::steady_timer &timer) {
  for (int d : delays)
    co_await folly::coro::sleep(std::chrono::milliseconds(d));
}

asio::awaitable<void> timer_loop(asio::steady_timer &timer, std::vector<int> ticks) {
  for (int t : ticks) {
    (void)t;
    co_await timer.async_wait(asio::use_awaitable);
  }
}

struct RateLimiter {
  cppcoro::task<void> acquire();
};
cppcoro::task<> rate_limited(RateLimiter &limiter, std::vector<int> ids,
                             std::vector<Row> &rows) {
  for (int id : ids) {
    co_await limiter.acquire();
    rows.push_back(co_await fetch(id));
  }
}

cppcoro::task<> under_lock(std::mutex &m, std::vector<int> ids, std::vector<Row> &rows) {
  std::lock_guard<std::mutex> guard(m);
  for (int id : ids)
    rows.push_back(co_await fetch(id));
}

folly::coro::Task<> under_async_lock(folly::coro::Mutex &m, std::vector<int> keys,
                                     std::vector<int> &out) {
  auto guard = co_await m.co_scoped_lock();
  for (int k : keys)
    out.push_back(co_await lookup(k));
}

cppcoro::task<> lock_in_body(cppcoro::async_mutex &m, std::vector<int> ids) {
  for (int id : ids) {
    m.lock_async();
    co_await fetch(id);
    m.unlock();
  }
}

asio::awaitable<void> stream_writes(asio::tcp_socket &sock,
                                    std::vector<std::string> chunks) {
  for (const auto &chunk : chunks)
    co_await asio::async_write(sock, asio::buffer(chunk), asio::use_awaitable);
}

seastar::future<> seastar_writes(seastar::output_stream<std::string> &out,
                                 std::vector<std::string> lines) {
  for (const auto &line : lines)
    co_await out.write(line);
}

// One shared object, a non-const operation, nothing collected: a stream-like
// sink whose order is the point.
struct Journal {
  cppcoro::task<void> append(int record);
};
cppcoro::task<> ordered_appends(Journal &journal, std::vector<int> records) {
  for (int r : records)
    co_await journal.append(r);
}

// Every call writes into the same buffer or container.
struct File {
  cppcoro::task<int> read(int offset, char *buf, int n);
};
cppcoro::task<void> fetch_into(int id, std::vector<Row> &out);
cppcoro::task<> shared_buffer(File &f, std::vector<int> offsets, std::vector<int> &sizes,
                              std::vector<Row> &rows) {
  char buffer[64];
  for (int off : offsets)
    sizes.push_back(co_await f.read(off, buffer, 64));
  for (int id : offsets)
    co_await fetch_into(id, rows);
}

cppcoro::generator<int> numbers();
cppcoro::task<> over_generator() {
  for (int x : numbers())
    co_await fetch(x);
}

cppcoro::async_generator<Row> yields(std::vector<int> ids) {
  for (int id : ids)
    co_yield co_await fetch(id);
}

folly::coro::Task<> over_async_generator(folly::coro::AsyncGenerator<int> &gen) {
  while (auto item = co_await gen.next())
    co_await lookup(*item);
}

cppcoro::task<> shared_state(std::vector<int> ids, std::vector<Row> &rows) {
  int offset = 0;
  for (int id : ids) {
    rows.push_back(co_await fetch(id + offset));
    offset += 10;
  }
  for (int id : ids)
    rows.push_back(co_await fetch(id + static_cast<int>(rows.size())));
}

cppcoro::task<> worklist(std::vector<int> pending) {
  for (size_t i = 0; i < pending.size(); ++i) {
    Row r = co_await fetch(pending[i]);
    if (r.id)
      pending.push_back(r.id);
  }
}

class Crawler {
public:
  cppcoro::task<> run(std::vector<int> ids) {
    for (int id : ids) {
      co_await visit(id);
      ++seen_;
    }
  }

private:
  cppcoro::task<void> visit(int id);
  int seen_ = 0;
};

cppcoro::task<> batches(std::vector<std::vector<int>> groups) {
  for (auto &g : groups)
    co_await cppcoro::when_all(fetch(g[0]), fetch(g[1]));
}

cppcoro::task<> two_steps(std::vector<int> ids) {
  for (int id : ids) {
    Row r = co_await fetch(id);
    co_await upload(r.path);
  }
}

cppcoro::task<> suppressed(std::vector<int> ids, std::vector<Row> &rows) {
  for (int id : ids)
    rows.push_back(co_await fetch(id)); // NOLINT(coro-sequential-await): one at a time on purpose
}

cppcoro::task<> not_per_element(std::vector<int> ids) {
  for (int id : ids) {
    (void)id;
    co_await fetch(0);
  }
  auto schedule = cppcoro::static_thread_pool{};
  for (int id : ids) {
    co_await schedule.schedule();
    (void)id;
  }
}

// Not a coroutine: nothing is awaited.
void plain(std::vector<int> ids) {
  for (int id : ids)
    (void)fetch(id);
}
