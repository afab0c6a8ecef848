#pragma once

#include "errors.h"
#include "hlc.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace kinlist {

class JsonReader;

enum class EntityKind { List, Item };

// One stamped change to a list or an item. Every op is a set of field writes carrying one
// HLC stamp; create, delete (the "deleted" tombstone field) and move ("position") are
// field writes too, so the per-field last-writer-wins merge covers all of them.
struct Op
{
    enum class Type { ListCreate, ListSet, ListDelete, ItemCreate, ItemSet, ItemDelete, ItemMove };

    Type type = Type::ItemSet;
    QString listId;
    QString itemId; // item ops only
    QString householdId; // list.create only
    // Optional: the household member a kiosk makes this change for (a tap on their face).
    // Only a connection with the kiosk role may set it; the server checks the member.
    QString actAs;
    Hlc stamp;
    // Item ops: the round of a repeating task this op writes in (see recurrence.h). The
    // fields "due", "assignee" and "completed" order by (round, stamp); 0 when absent.
    int round = 0;
    QJsonObject fields; // the field writes, already including "deleted" for deletes

    EntityKind entityKind() const;
    QString entityId() const { return entityKind() == EntityKind::List ? listId : itemId; }
    bool isCreate() const { return type == Type::ListCreate || type == Type::ItemCreate; }

    QJsonObject toJson() const;
    // The same as compact JSON bytes (keys in QJsonObject's order), written directly: the
    // server does this for every op it applies.
    QByteArray toJsonBytes() const;
    // Strict decoding. `fromServer` also admits the fields only the server may write
    // (createdBy, createdAt) and requires nothing of creates beyond their shape.
    static Op fromJson(const QJsonObject &json, Error *error, bool fromServer = false);
    // The same for an op read from a mutate frame by the server's fast path: true, with the
    // op fromJson would give, or false when the op is not in JsonReader's subset or would be
    // refused (fromJson then says why). Leaves the reader anywhere when false.
    static bool readJson(JsonReader &reader, Op *out);
    // The checks of fromJson on the fields and what the op's type requires of them; makes a
    // delete's fields {"deleted": true}.
    Error checkAndNormalizeFields(bool fromServer);

    static QString typeName(Type type);
};

// What a list.set says, for people (the activity, toasts): the first of these its fields
// show, in this order.
enum class ListChange { Restored, Renamed, Archived, Unarchived, Recoloured, Moved, Other };
ListChange listChange(const Op &listSet);

// Limits on field values, shared by the codec and the docs.
namespace Limits {
constexpr int kListName = 200;
constexpr int kItemTitle = 500;
constexpr int kItemNote = 10000;
constexpr int kUnit = 20;
constexpr int kCategory = 100;
// A shopping list's `categoryOrder`: the family's order of its categories, at most this many.
constexpr int kCategoryOrder = 100;
constexpr int kDue = 25;
constexpr int kMaxRound = 1000000000;
constexpr double kMaxQuantity = 1000000;
// An item's `reminder`: minutes before its due time, at most a week.
constexpr int kMaxReminder = 7 * 24 * 60;
// The colours a list may have (its `color` field), by name: each client picks its shades.
inline const QStringList kListColors {QStringLiteral("red"),    QStringLiteral("orange"),
                                      QStringLiteral("yellow"), QStringLiteral("green"),
                                      QStringLiteral("teal"),   QStringLiteral("blue"),
                                      QStringLiteral("purple"), QStringLiteral("pink"),
                                      QStringLiteral("brown"),  QStringLiteral("grey")};
} // namespace Limits

} // namespace kinlist
