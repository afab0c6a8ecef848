#pragma once

#include <QString>
#include <QStringList>

namespace kinlist {

// Fractional indexes order lists and items, so that a move writes one field of one item
// and concurrent moves never collide. A key is an integer part (a head letter that gives
// its length, then base-62 digits 0-9A-Za-z) and an optional fraction without trailing
// '0'; keys compare as plain strings. Appending or prepending grows keys only
// logarithmically; inserting between two keys always works. Equal keys from concurrent
// moves to the same spot are ordered by item id.
namespace FracIndex {

constexpr int kMaxLength = 200;
// Keys longer than this are due for a rebalance (needsRebalance): still valid, but a few
// more inserts into the same gap would reach kMaxLength.
constexpr int kRebalanceLength = 48;

// A key strictly between `before` and `after`; an empty string means "the start" for
// `before` and "the end" for `after`. Both must be valid and before < after. The result
// is always valid and at most one character longer than the longer of the two; an empty
// string when no such key exists: past kMaxLength, or at the very bottom of the key space.
QString between(const QString &before, const QString &after);
bool isValid(const QString &key);
// True for a key that between() could not give (empty) or that is getting long: the
// caller gives the list's items fresh keys (spread) before placing one more.
bool needsRebalance(const QString &key);
// `count` short keys in increasing order ("a0", "a1", ...), for a list laid out anew.
QStringList spread(int count);

} // namespace FracIndex
} // namespace kinlist
