// aio/aio.hpp - everything: asyncio for C++20.
#pragma once
#include "aio/config.hpp"
#include "aio/errors.hpp"
#include "aio/gather.hpp"
#include "aio/loop.hpp"
#include "aio/net.hpp"
#include "aio/sync.hpp"
#include "aio/task.hpp"
#include "aio/thread.hpp"
