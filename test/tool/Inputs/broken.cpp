#include "cppcoro.h"
cppcoro::task<int> broken() { co_return undeclared_name; }
