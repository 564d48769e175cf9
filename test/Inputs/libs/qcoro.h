// QCoro-shaped mock: QCoro::Task is eager (the coroutine runs until its
// first suspension when called), QCoro::waitFor runs a nested event loop,
// and QObject::connect takes a slot (a coroutine lambda among them).
#pragma once
#include "mock_task.h"
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
  COROLINT_MOCK_EAGER_PROMISE(Task)
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};
COROLINT_MOCK_EAGER_VOID_PROMISE(Task)
template <class T> T waitFor(Task<T> &&task);
} // namespace QCoro
