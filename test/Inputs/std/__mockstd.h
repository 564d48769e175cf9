// A minimal standard library for the checks' tests (used with -nostdinc++):
// just the declarations the checks recognise, shaped like libstdc++/libc++
// (inline namespaces, templates), so tests are fast and independent of the
// host's standard library. The integration tests use the real one.
#pragma once
using size_t = decltype(sizeof(0));

namespace std {
inline namespace __1 {
using size_t = ::size_t;
using nullptr_t = decltype(nullptr);

template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T>
constexpr typename remove_reference<T>::type &&move(T &&t) noexcept {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
template <class T> constexpr T &&forward(typename remove_reference<T>::type &t) noexcept {
  return static_cast<T &&>(t);
}

// <coroutine>
template <class R, class... Args> struct coroutine_traits {
  using promise_type = typename R::promise_type;
};
template <class Promise = void> struct coroutine_handle;
template <> struct coroutine_handle<void> {
  static coroutine_handle from_address(void *a) noexcept { coroutine_handle h; h.p = a; return h; }
  void *address() const noexcept { return p; }
  void operator()() const { resume(); }
  void resume() const { __builtin_coro_resume(p); }
  void destroy() const { __builtin_coro_destroy(p); }
  bool done() const { return __builtin_coro_done(p); }
  explicit operator bool() const noexcept { return p; }
  void *p = nullptr;
};
template <class Promise> struct coroutine_handle : coroutine_handle<> {
  static coroutine_handle from_address(void *a) noexcept { coroutine_handle h; h.p = a; return h; }
  static coroutine_handle from_promise(Promise &pr) {
    coroutine_handle h;
    h.p = __builtin_coro_promise(&pr, alignof(Promise), true);
    return h;
  }
  Promise &promise() const {
    return *static_cast<Promise *>(__builtin_coro_promise(p, alignof(Promise), false));
  }
};
struct suspend_always {
  bool await_ready() const noexcept { return false; }
  void await_suspend(coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct suspend_never {
  bool await_ready() const noexcept { return true; }
  void await_suspend(coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

// <exception>
class exception { public: virtual ~exception(); virtual const char *what() const noexcept; };
class exception_ptr { public: explicit operator bool() const noexcept; void *p; };
exception_ptr current_exception() noexcept;
[[noreturn]] void rethrow_exception(exception_ptr);
[[noreturn]] void terminate() noexcept;

// <chrono>
namespace chrono {
template <class Rep, class Period = void> struct duration { Rep r; };
using nanoseconds = duration<long long>;
using milliseconds = duration<long long, char>;
using seconds = duration<long long, short>;
template <class Clock, class Dur = nanoseconds> struct time_point { Dur d; };
struct steady_clock { using time_point = chrono::time_point<steady_clock>; static time_point now(); };
}
inline namespace literals { inline namespace chrono_literals {
constexpr chrono::milliseconds operator""ms(unsigned long long v) { return {static_cast<long long>(v)}; }
constexpr chrono::seconds operator""s(unsigned long long v) { return {static_cast<long long>(v)}; }
}}

// <thread>
namespace this_thread {
template <class Rep, class Period> void sleep_for(const chrono::duration<Rep, Period> &);
template <class Clock, class Dur> void sleep_until(const chrono::time_point<Clock, Dur> &);
void yield() noexcept;
}
class thread {
public:
  thread() noexcept;
  template <class F, class... Args> explicit thread(F &&f, Args &&...args) {}
  ~thread();
  void join();
  void detach();
  bool joinable() const noexcept;
};
class jthread {
public:
  template <class F, class... Args> explicit jthread(F &&f, Args &&...args) {}
  ~jthread();
  void join();
};

// <mutex>
struct defer_lock_t { explicit defer_lock_t() = default; };
struct try_to_lock_t { explicit try_to_lock_t() = default; };
struct adopt_lock_t { explicit adopt_lock_t() = default; };
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};
class mutex { public: void lock(); bool try_lock(); void unlock(); };
template <class M> class lock_guard { public: explicit lock_guard(M &); ~lock_guard();
  lock_guard(M &, adopt_lock_t); };
template <class M> class unique_lock { public: explicit unique_lock(M &); ~unique_lock(); void lock(); void unlock();
  unique_lock() noexcept; unique_lock(M &, defer_lock_t) noexcept; unique_lock(M &, try_to_lock_t);
  unique_lock(M &, adopt_lock_t); unique_lock(unique_lock &&) noexcept;
  unique_lock &operator=(unique_lock &&) noexcept; bool try_lock(); bool owns_lock() const noexcept;
  explicit operator bool() const noexcept; M *release() noexcept; M *mutex() const noexcept; };
template <class... M> class scoped_lock { public: explicit scoped_lock(M &...); ~scoped_lock(); };
class recursive_mutex { public: void lock(); bool try_lock(); void unlock(); };
class shared_mutex {
public:
  void lock(); bool try_lock(); void unlock();
  void lock_shared(); bool try_lock_shared(); void unlock_shared();
};
template <class M> class shared_lock {
public:
  explicit shared_lock(M &); shared_lock(M &, defer_lock_t) noexcept; shared_lock(M &, adopt_lock_t); ~shared_lock();
  void lock(); void unlock(); bool owns_lock() const noexcept;
};
template <class L1, class L2, class... L> void lock(L1 &, L2 &, L &...);

// <condition_variable>
class condition_variable {
public:
  void notify_one() noexcept;
  void notify_all() noexcept;
  void wait(unique_lock<mutex> &);
  template <class P> void wait(unique_lock<mutex> &, P);
  template <class R, class P> int wait_for(unique_lock<mutex> &, const chrono::duration<R, P> &);
};
class condition_variable_any {
public:
  template <class L> void wait(L &);
};

// <future>
template <class T> class future {
public:
  T get();
  void wait() const;
  template <class D> int wait_for(const D &) const;
  bool valid() const noexcept;
};
template <> class future<void> { public: void get(); void wait() const; template <class D> int wait_for(const D &) const; };
template <class T> class shared_future { public: const T &get() const; void wait() const; };
template <class T> class promise { public: future<T> get_future(); void set_value(T); };
template <> class promise<void> { public: future<void> get_future(); void set_value(); };
enum class launch { async = 1, deferred = 2 };
template <class F, class... Args> auto async(F &&f, Args &&...args) -> future<decltype(f(args...))> { return {}; }
template <class F, class... Args> auto async(launch, F &&f, Args &&...args) -> future<decltype(f(args...))> { return {}; }

// <semaphore>, <latch>, <barrier>, <atomic>
template <long long Max = 1000> class counting_semaphore {
public:
  explicit counting_semaphore(long long);
  void acquire();
  bool try_acquire() noexcept;
  void release(long long = 1);
};
using binary_semaphore = counting_semaphore<1>;
class latch { public: explicit latch(long long); void count_down(long long = 1); void wait() const; void arrive_and_wait(long long = 1); };
template <class F = void> class barrier { public: explicit barrier(long long); void arrive_and_wait(); };
template <class T> struct atomic { T load() const noexcept; void store(T) noexcept; void wait(T) const noexcept; void notify_one() noexcept; };

// <string>, <iostream>
class string { public: string(); string(const char *); const char *c_str() const; const char *data() const; size_t size() const; string substr(size_t, size_t = size_t(-1)) const; };
class istream { public: istream &operator>>(int &); };
istream &operator>>(istream &, string &);
class ostream {};
ostream &operator<<(ostream &, const char *);
extern istream cin;
extern ostream cout;
istream &getline(istream &, string &);

// <functional>
template <class> class function;
template <class R, class... A> class function<R(A...)> {
public:
  function();
  template <class F> function(F f) {}
  R operator()(A...) const;
};
template <class T> class reference_wrapper {
public:
  reference_wrapper(T &t) noexcept : p(&t) {}
  operator T &() const noexcept { return *p; }
  T &get() const noexcept { return *p; }
private:
  T *p;
};
template <class T> reference_wrapper<T> ref(T &t) noexcept { return reference_wrapper<T>(t); }
template <class F, class... A> decltype(auto) invoke(F &&f, A &&...a) { return static_cast<F &&>(f)(static_cast<A &&>(a)...); }

// <algorithm>, <vector>
template <class It, class F> F for_each(It first, It last, F f) { for (; first != last; ++first) f(*first); return f; }
template <class T> class vector {
public:
  void push_back(T &&);
  void push_back(const T &);
  template <class... A> T &emplace_back(A &&...) { return *begin(); }
  T *begin(); T *end();
  size_t size() const;
  T &operator[](size_t);
};

// <cstdlib>
int system(const char *);

// <filesystem>
namespace filesystem {
inline namespace __cxx11 {
class path { public: path(const char *); path filename() const; };
class directory_iterator {
public:
  directory_iterator() noexcept;
  explicit directory_iterator(const path &);
  directory_iterator &operator++();
};
class recursive_directory_iterator {
public:
  recursive_directory_iterator() noexcept;
  explicit recursive_directory_iterator(const path &);
  recursive_directory_iterator &operator++();
};
}
struct space_info { unsigned long long capacity, free, available; };
void copy(const path &, const path &);
bool copy_file(const path &, const path &);
unsigned long long remove_all(const path &);
space_info space(const path &);
bool exists(const path &);
unsigned long long file_size(const path &);
bool create_directories(const path &);
bool remove(const path &);
directory_iterator begin(directory_iterator) noexcept;
}

// <initializer_list>
template <class E> class initializer_list {
  const E *b; size_t n;
public:
  const E *begin() const noexcept { return b; }
  const E *end() const noexcept { return b + n; }
};

// <memory>
template <class T> class shared_ptr { public: T *operator->() const; T &operator*() const; };
template <class T> class unique_ptr { public: T *operator->() const; T &operator*() const; };
template <class T, class... A> shared_ptr<T> make_shared(A &&...) { return {}; }
template <class T, class... A> unique_ptr<T> make_unique(A &&...) { return {}; }

// <tuple>, <system_error>
template <class... T> class tuple { public: tuple(); };
class error_code { public: explicit operator bool() const noexcept; };
} // namespace __1
} // namespace std

// POSIX, declared here rather than taken from the C library so the tests do
// not depend on glibc's headers either.
extern "C" {
unsigned int sleep(unsigned int);
int usleep(unsigned int);
long read(int, void *, unsigned long);
long write(int, const void *, unsigned long);
long recv(int, void *, unsigned long, int);
int poll(void *, unsigned long, int);
int waitpid(int, int *, int);
int pthread_join(unsigned long, void **);
int sem_wait(void *);
}
