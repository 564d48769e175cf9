#pragma once
#include "cppcoro.h"

inline int compute(int id) { return id; }
