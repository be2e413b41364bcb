// Include Asio only through this header. Asio decides, when its config header is first read,
// whether std::aligned_alloc exists, by looking at a libstdc++ macro; if no standard header came
// before it, a translation unit decides "no" while others decide "yes", and memory allocated with
// aligned_alloc in one is freed with operator delete in another (AddressSanitizer reports an
// alloc-dealloc mismatch). A standard header first makes every translation unit agree.
#pragma once

#include <cstddef>

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/post.hpp>
#include <asio/steady_timer.hpp>
