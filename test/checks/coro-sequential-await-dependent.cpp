// RUN: %check_corolint %s coro-sequential-await %t -- -- %coro_mock_flags

// Loops in class templates that use members of a dependent base: this->x,
// base<T>::x and this->f() are unresolved until instantiation (the templates
// here are never instantiated), so what they read and write is known only as
// "part of *this". (The awaited calls take a local, not this->next itself: a
// call with a dependent argument is unresolved, and no task yet.) Once crashed the check (a null key for *this of a class
// template); a write through them must still count as state carried from one
// iteration to the next.

#include <vector>
#include "cppcoro.h"

cppcoro::task<int> fetch(int id);

template <class T> struct base {
  bool done = false;
  int next = 0;
  std::vector<int> seen;
  cppcoro::task<> step();
  void advance();
};

template <class T> struct conn : base<T> {
  // The reduced crash: a loop on a dependent member, awaiting a dependent
  // member call (no element, nothing to run concurrently).
  cppcoro::task<> run() {
    while (!this->done)
      co_await this->step();
  }

  cppcoro::task<> run_do() {
    do
      co_await this->step();
    while (!base<T>::done);
  }

  // Independent calls: what is written through this-> does not feed them.
  cppcoro::task<> independent(std::vector<int> ids) {
    for (int id : ids)
      this->seen.push_back(co_await fetch(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'fetch' is awaited once per element of 'ids', one after another; the calls are independent: run them concurrently with 'cppcoro::when_all' [coro-sequential-await]
  }

  // this->next is written in one iteration and read by the next one's call.
  cppcoro::task<> through_this(std::vector<int> ids) {
    for (int id : ids) {
      int from = this->next;
      co_await fetch(id + from);
      this->next = id;
    }
  }

  cppcoro::task<> through_this_increment(std::vector<int> ids) {
    for (int id : ids) {
      int from = this->next;
      co_await fetch(id + from);
      ++this->next;
    }
  }

  // The same through the qualified name of the base.
  cppcoro::task<> through_base(std::vector<int> ids) {
    for (int id : ids) {
      int from = base<T>::next;
      co_await fetch(id + from);
      base<T>::next = id;
    }
  }

  // Read as this->next, written as base<T>::next: the same state.
  cppcoro::task<> mixed(std::vector<int> ids) {
    for (int id : ids) {
      int from = this->next;
      co_await fetch(id + from);
      base<T>::next += id;
    }
  }

  // A dependent member call may write *this (whether it is const is
  // unknown until instantiation).
  cppcoro::task<> member_call(std::vector<int> ids) {
    for (int id : ids) {
      int from = this->next;
      co_await fetch(id + from);
      this->advance();
    }
  }

  // A dependent member written, but not read by the call: still independent.
  cppcoro::task<> unrelated_write(std::vector<int> ids, std::vector<int> &out) {
    for (size_t i = 0; i < ids.size(); ++i) {
      out[i] = co_await fetch(ids[i]);
      this->next = 0;
    }
    // CHECK-MESSAGES: :[[@LINE-3]]:16: warning: 'fetch' is awaited once per iteration, one after another; the calls are independent: run them concurrently with 'cppcoro::when_all' [coro-sequential-await]
  }
};

// Not a template: a field of the base read, the whole derived object
// written by a non-const member call. The two overlap.
struct plain_base { int next = 0; };
struct plain : plain_base {
  void advance();
  cppcoro::task<> base_field(std::vector<int> ids) {
    for (int id : ids) {
      co_await fetch(id + next);
      advance();
    }
  }
};
