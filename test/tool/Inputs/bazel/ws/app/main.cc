#include "jobs/jobs.h"
#include "report/report.h"

task<int> run() {
  co_return co_await total(1, 2);
}

int main() { return 0; }
