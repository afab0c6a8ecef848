#pragma once

#include <QString>

namespace kinlist {

// Fractional indexes order lists and items: a key is a base-62 fraction (digits 0-9A-Za-z
// in ASCII order, no trailing '0'), so a key between any two others always exists and a
// move writes one field of one item. Equal keys from concurrent moves are ordered by id.
namespace FracIndex {

constexpr int kMaxLength = 200;

// A key strictly between `before` and `after`; an empty string means "the start" for
// `before` and "the end" for `after`. Requires before < after when both are given.
QString between(const QString &before, const QString &after);
bool isValid(const QString &key);

} // namespace FracIndex
} // namespace kinlist
