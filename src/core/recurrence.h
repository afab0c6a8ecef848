#pragma once

#include "errors.h"
#include "hlc.h"
#include "op.h"
#include "replica.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace kinlist {

// How a task repeats (the item field "repeat"): every N days; every N weeks on chosen
// weekdays; every N months on a day of the month (the month's last day when it is
// shorter); every N years on a day of a month. Optionally it rotates among members.
//
// Completing the current occurrence is an item.set one round above the item's current
// round (see itemRound) writing the next "due", the next "assignee" and "completed".
// Those three fields order by (round, stamp), so two devices completing the same
// occurrence offline both write round k+1 and one of them wins as a whole: one next
// occurrence, never two; a completion made without seeing a later one (round k+1 against
// k+2) loses whatever its clock says, so an occurrence is never brought back or skipped.
struct Recurrence
{
    enum class Unit { Day, Week, Month, Year };
    // Where the next occurrence is counted from when a task is completed late: the next
    // one after the completed occurrence (which may still be past), or the first one after
    // the day it was done.
    enum class From { Due, Today };

    Unit unit = Unit::Week;
    int every = 1; // 1..kMaxEvery
    QList<int> weekdays; // Week: ISO weekdays 1 (Monday) .. 7, sorted, not empty
    int monthDay = 0; // Month and Year: 1..31
    int month = 0; // Year: 1..12
    From from = From::Due;
    QStringList rotation; // member ids taking turns, in order; empty: no rotation

    static constexpr int kMaxEvery = 999;
    static constexpr int kMaxRotation = 50;

    // Strict decoding of the "repeat" field's value (null is "does not repeat" and is
    // checked by the caller).
    static std::optional<Recurrence> fromJson(const QJsonValue &json, Error *error);
    QJsonObject toJson() const;

    // The first occurrence after `occurrence` by this rule.
    QDate nextAfter(QDate occurrence) const;
    // The occurrence that completing `occurrence` on `doneOn` moves the task to.
    QDate next(QDate occurrence, QDate doneOn) const;
    // Who the task goes to after `current` did it (`current` when there is no rotation).
    QString nextAssignee(const QString &current) const;

    friend bool operator==(const Recurrence &a, const Recurrence &b);
};

// The fields that order by (round, stamp) rather than by stamp alone.
bool isRoundField(const QString &name);
// An item's round: how many completions of a repeating task it has seen.
int itemRound(const Entity &item);

// The "due" value after moving `due` (an ISO date or date-time, or null) to `date`, keeping
// its time of day.
QJsonValue dueOn(const QJsonValue &due, QDate date);
// The date part of a "due" value (invalid when null or malformed).
QDate dueDate(const QJsonValue &due);

// The item.set that completes the current occurrence of repeating task `item` as member
// `by` on `today`: round + 1, the next due and assignee, and "completed" saying which
// occurrence was done, by whom, on which day. nullopt if `item` does not repeat.
std::optional<Op> completionOp(const Entity &item, const QString &by, QDate today,
                               const Hlc &stamp);

} // namespace kinlist
