#include "jobs/jobs.h"

task<int> fetch(int id) { co_return id; }

task<int> refresh(int id) {
  task<int> pending = fetch(id);
  co_return id;
}
