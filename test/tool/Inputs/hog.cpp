// Needs gigabytes with -fconstexpr-steps raised: clang holds each element of
// a constexpr array as an APValue of its own, allocated all at once when an
// element is written. workers.test runs it under a small --memory-limit
// only.
struct Big {
  int V[100000000];
};
constexpr int touch() {
  Big B{};
  B.V[99999999] = 1;
  return B.V[0];
}
static_assert(touch() == 0);
