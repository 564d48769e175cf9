// QCoro-shaped mock: QCoro::Task is eager (the coroutine runs until its
// first suspension when called), QCoro::waitFor runs a nested event loop,
// and QObject::connect takes a slot (a coroutine lambda among them).
#pragma once
#include <coroutine>
#include <exception>
namespace QMetaObject {
class Connection {};
} // namespace QMetaObject
class QObject {
public:
  template <class Sender, class Signal, class Slot>
  static QMetaObject::Connection connect(const Sender *, Signal, Slot &&) { return {}; }
  template <class Sender, class Signal, class Slot>
  static QMetaObject::Connection connect(const Sender *, Signal, const QObject *, Slot &&) { return {}; }
};
class QPushButton : public QObject {
public:
  void clicked();
};
namespace QCoro {
template <class T = void> class Task {
public:
  struct promise_type {
    Task get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};
template <> struct Task<void>::promise_type {
  Task get_return_object();
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { error = std::current_exception(); }
  std::exception_ptr error;
};
template <class T> T waitFor(Task<T> &&task);
} // namespace QCoro
