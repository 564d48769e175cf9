#include "cppcoro.h"
cppcoro::task<int> fetch(int id);
#define TEST(a, b) cppcoro::task<> a##_##b()

namespace app {
struct Service {
  Service(int a) : a_{a}, b_(a) {
    int x = 0; // a { in a comment
  }
  cppcoro::task<> member(int id) {
    fetch(id);
    co_return;
  }
  int a_, b_;
};

template <class T>
[[nodiscard]] cppcoro::task<> generic(T id) {
  fetch(1);
  const char *brace = "}";
  co_return;
}

auto lambda = [](int id) -> cppcoro::task<> {
  fetch(id);
  co_return;
};
} // namespace app

TEST(Suite, Name) {
  fetch(1);
  co_return;
}
