#include "cppcoro.h"
cppcoro::task<int> clean() { co_return 1; }
