#pragma once
#include <aio/aio.hpp>
#include <string>

namespace shop {

// Loads prices from the slow pricing backend.
aio::task<int> price_of(std::string item);
// Writes an audit record.
aio::task<void> audit(std::string what);
// Refreshes the local cache.
aio::task<void> refresh_cache();

} // namespace shop
