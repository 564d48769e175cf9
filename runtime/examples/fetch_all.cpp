// The asyncio tutorial's "fetch several APIs concurrently with gather", with
// aio: a tiny HTTP server on loopback in the same program, then concurrent
// GETs with aio::gather over aio::tcp_stream, each with a timeout and its own
// error handling.
#include <aio/aio.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {

aio::task<> serve_one(aio::tcp_stream conn) {
  char buf[1024];
  std::string request;
  while (request.find("\r\n\r\n") == std::string::npos) {
    std::size_t n = co_await conn.read(buf);
    if (n == 0)
      co_return;
    request.append(buf, n);
  }
  std::string path = request.substr(4, request.find(' ', 4) - 4);
  if (path == "/slow")
    co_await aio::sleep(2s); // longer than the client's timeout
  std::string body = "{\"path\": \"" + path + "\"}";
  std::string status = path == "/missing" ? "404 Not Found" : "200 OK";
  co_await conn.write_all("HTTP/1.0 " + status + "\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body);
}

aio::task<> server(aio::tcp_listener &listener, aio::task_group &connections) {
  for (;;)
    (void)connections.spawn(serve_one(co_await listener.accept()));
}

struct response {
  std::string path;
  std::string outcome;
};

aio::task<std::string> http_get(std::uint16_t port, std::string path) {
  aio::tcp_stream conn = co_await aio::tcp_stream::connect("127.0.0.1", port);
  co_await conn.write_all("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
  std::string reply;
  char buf[1024];
  while (std::size_t n = co_await conn.read(buf))
    reply.append(buf, n);
  if (reply.compare(0, 12, "HTTP/1.0 200") != 0)
    throw std::runtime_error(reply.substr(0, reply.find('\r')));
  co_return reply.substr(reply.find("\r\n\r\n") + 4);
}

aio::task<response> fetch(std::uint16_t port, std::string path) {
  // The handlers only record the outcome; the task returns in one place.
  std::string outcome;
  try {
    std::string body = co_await aio::wait_for(http_get(port, path), 500ms);
    outcome = "ok " + body;
  } catch (const aio::timeout_error &) {
    outcome = "timed out";
  } catch (const std::exception &e) {
    outcome = std::string("failed: ") + e.what();
  }
  co_return response{path, outcome};
}

aio::task<int> main_task() {
  aio::tcp_listener listener = aio::tcp_listener::bind("127.0.0.1", 0);
  aio::task_group connections;
  auto srv = aio::spawn(server(listener, connections), "server");
  std::uint16_t port = listener.port();

  std::vector<aio::task<response>> requests;
  for (const char *path : {"/users", "/orders", "/missing", "/slow"})
    requests.push_back(fetch(port, path));
  auto start = aio::clock::now();
  std::vector<response> results = co_await aio::gather(std::move(requests));
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(aio::clock::now() - start);

  for (const response &r : results)
    std::printf("%-9s %s\n", r.path.c_str(), r.outcome.c_str());
  std::printf("fetched %zu of %zu concurrently in %lld ms\n", results.size(),
              results.size(), static_cast<long long>(took.count()));
  srv.cancel();
  co_return 0;
}

} // namespace

int main() { return aio::run(main_task()); }
