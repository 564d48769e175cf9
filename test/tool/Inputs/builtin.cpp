#include <stddef.h>
#include <stdarg.h>
#include "cppcoro.h"
cppcoro::task<size_t> sized() {
  ::sleep(1);
  co_return sizeof(max_align_t);
}
