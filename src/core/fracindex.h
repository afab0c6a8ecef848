#pragma once

#include <QString>

namespace kinlist {

// Fractional indexes order lists and items, so that a move writes one field of one item
// and concurrent moves never collide. A key is an integer part (a head letter that gives
// its length, then base-62 digits 0-9A-Za-z) and an optional fraction without trailing
// '0'; keys compare as plain strings. Appending or prepending grows keys only
// logarithmically; inserting between two keys always works. Equal keys from concurrent
// moves to the same spot are ordered by item id.
namespace FracIndex {

constexpr int kMaxLength = 200;

// A key strictly between `before` and `after`; an empty string means "the start" for
// `before` and "the end" for `after`. Both must be valid and before < after. Returns an
// empty string if no key exists (only at the very bottom of the key space).
QString between(const QString &before, const QString &after);
bool isValid(const QString &key);

} // namespace FracIndex
} // namespace kinlist
