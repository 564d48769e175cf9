#pragma once
#include "base/task.h"

task<int> total(int a, int b);
