// A table of values computed on first access, one per index, that several threads may read: the
// per-instruction analyses a Document keeps (see Document::derived).
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

namespace dfls {

template <class T>
class LazyTable {
 public:
  explicit LazyTable(size_t size) : once_(size), values_(size) {}

  size_t size() const { return values_.size(); }

  // The value at i, made by make() the first time.
  template <class Make>
  const T& get(size_t i, Make make) const {
    std::call_once(once_[i], [&] { values_[i] = make(); });
    return values_[i];
  }

 private:
  mutable std::vector<std::once_flag> once_;
  mutable std::vector<T> values_;
};

}  // namespace dfls
