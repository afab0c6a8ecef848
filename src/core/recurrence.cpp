#include "recurrence.h"

#include "uuid.h"

#include <QJsonArray>

#include <algorithm>

namespace kinlist {

namespace {

const struct
{
    Recurrence::Unit unit;
    const char *name;
} kUnits[] = {{Recurrence::Unit::Day, "day"},
              {Recurrence::Unit::Week, "week"},
              {Recurrence::Unit::Month, "month"},
              {Recurrence::Unit::Year, "year"}};

Error bad(ErrorCode code, const QString &message)
{
    return Error {code, QStringLiteral("repeat: ") + message};
}

// `day` of the month `months` after the month of `date`, or that month's last day.
QDate monthDayAfter(QDate date, int months, int day)
{
    const QDate first = QDate(date.year(), date.month(), 1).addMonths(months);
    return QDate(first.year(), first.month(), std::min(day, first.daysInMonth()));
}

bool isIntegral(const QJsonValue &v, int min, int max)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return d == double(qint64(d)) && d >= min && d <= max;
}

} // namespace

std::optional<Recurrence> Recurrence::fromJson(const QJsonValue &json, Error *error)
{
    auto fail = [&](Error e) -> std::optional<Recurrence> {
        if (error)
            *error = std::move(e);
        return std::nullopt;
    };
    if (!json.isObject())
        return fail(bad(ErrorCode::WrongType, QStringLiteral("must be an object or null")));
    const QJsonObject o = json.toObject();
    static const QStringList known {QStringLiteral("unit"),     QStringLiteral("every"),
                                    QStringLiteral("weekdays"), QStringLiteral("monthDay"),
                                    QStringLiteral("month"),    QStringLiteral("from"),
                                    QStringLiteral("rotation")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(bad(ErrorCode::BadValue,
                            QStringLiteral("unknown key \"%1\"").arg(it.key().left(40))));
    }
    Recurrence r;
    const QJsonValue unit = o.value(QStringLiteral("unit"));
    if (!unit.isString())
        return fail(bad(ErrorCode::WrongType,
                        QStringLiteral("unit must be \"day\", \"week\", \"month\" or \"year\"")));
    bool knownUnit = false;
    for (const auto &u : kUnits) {
        if (unit.toString() == QLatin1String(u.name)) {
            r.unit = u.unit;
            knownUnit = true;
        }
    }
    if (!knownUnit)
        return fail(bad(ErrorCode::BadValue,
                        QStringLiteral("unit must be \"day\", \"week\", \"month\" or \"year\"")));
    const QJsonValue every = o.value(QStringLiteral("every"));
    if (!every.isUndefined()) {
        if (!isIntegral(every, 1, kMaxEvery))
            return fail(
                bad(ErrorCode::BadValue,
                    QStringLiteral("every must be a whole number from 1 to %1").arg(kMaxEvery)));
        r.every = every.toInt();
    }
    const QJsonValue weekdays = o.value(QStringLiteral("weekdays"));
    if (r.unit == Unit::Week) {
        if (!weekdays.isArray() || weekdays.toArray().isEmpty() || weekdays.toArray().size() > 7)
            return fail(bad(ErrorCode::BadValue,
                            QStringLiteral("a weekly rule needs weekdays, 1 (Monday) to 7")));
        for (const QJsonValue &d : weekdays.toArray()) {
            if (!isIntegral(d, 1, 7))
                return fail(bad(ErrorCode::BadValue,
                                QStringLiteral("weekdays are 1 (Monday) to 7 (Sunday)")));
            if (!r.weekdays.contains(d.toInt()))
                r.weekdays.append(d.toInt());
        }
        std::sort(r.weekdays.begin(), r.weekdays.end());
    } else if (!weekdays.isUndefined()) {
        return fail(bad(ErrorCode::BadValue, QStringLiteral("only a weekly rule has weekdays")));
    }
    const QJsonValue monthDay = o.value(QStringLiteral("monthDay"));
    if (r.unit == Unit::Month || r.unit == Unit::Year) {
        if (!isIntegral(monthDay, 1, 31))
            return fail(bad(ErrorCode::BadValue, QStringLiteral("monthDay must be 1 to 31")));
        r.monthDay = monthDay.toInt();
    } else if (!monthDay.isUndefined()) {
        return fail(
            bad(ErrorCode::BadValue, QStringLiteral("only a monthly or yearly rule has monthDay")));
    }
    const QJsonValue month = o.value(QStringLiteral("month"));
    if (r.unit == Unit::Year) {
        if (!isIntegral(month, 1, 12))
            return fail(bad(ErrorCode::BadValue, QStringLiteral("month must be 1 to 12")));
        r.month = month.toInt();
    } else if (!month.isUndefined()) {
        return fail(bad(ErrorCode::BadValue, QStringLiteral("only a yearly rule has month")));
    }
    const QJsonValue from = o.value(QStringLiteral("from"));
    if (!from.isUndefined()) {
        if (from == QJsonValue(QStringLiteral("today")))
            r.from = From::Today;
        else if (from != QJsonValue(QStringLiteral("due")))
            return fail(
                bad(ErrorCode::BadValue, QStringLiteral("from must be \"due\" or \"today\"")));
    }
    const QJsonValue rotation = o.value(QStringLiteral("rotation"));
    if (!rotation.isUndefined()) {
        if (!rotation.isArray())
            return fail(bad(ErrorCode::WrongType, QStringLiteral("rotation must be an array")));
        if (rotation.toArray().size() > kMaxRotation)
            return fail(bad(ErrorCode::TooLong,
                            QStringLiteral("rotation has at most %1 people").arg(kMaxRotation)));
        for (const QJsonValue &id : rotation.toArray()) {
            if (!id.isString())
                return fail(bad(ErrorCode::WrongType, QStringLiteral("rotation holds user ids")));
            if (!isValidUuid(id.toString()))
                return fail(bad(ErrorCode::BadUuid, QStringLiteral("rotation holds user ids")));
            if (r.rotation.contains(id.toString()))
                return fail(
                    bad(ErrorCode::BadValue, QStringLiteral("a person is in the rotation once")));
            r.rotation.append(id.toString());
        }
    }
    if (error)
        *error = {};
    return r;
}

QJsonObject Recurrence::toJson() const
{
    QJsonObject o;
    for (const auto &u : kUnits) {
        if (u.unit == unit)
            o.insert(QStringLiteral("unit"), QLatin1String(u.name));
    }
    o.insert(QStringLiteral("every"), every);
    if (unit == Unit::Week) {
        QJsonArray days;
        for (int d : weekdays)
            days.append(d);
        o.insert(QStringLiteral("weekdays"), days);
    }
    if (unit == Unit::Month || unit == Unit::Year)
        o.insert(QStringLiteral("monthDay"), monthDay);
    if (unit == Unit::Year)
        o.insert(QStringLiteral("month"), month);
    o.insert(QStringLiteral("from"),
             from == From::Today ? QStringLiteral("today") : QStringLiteral("due"));
    if (!rotation.isEmpty())
        o.insert(QStringLiteral("rotation"), QJsonArray::fromStringList(rotation));
    return o;
}

QDate Recurrence::nextAfter(QDate occurrence) const
{
    switch (unit) {
    case Unit::Day:
        return occurrence.addDays(every);
    case Unit::Week: {
        // A later chosen day in the same week (weeks start on Monday), else the first
        // chosen day `every` weeks on.
        const int today = occurrence.dayOfWeek();
        for (int d : weekdays) {
            if (d > today)
                return occurrence.addDays(d - today);
        }
        const QDate monday = occurrence.addDays(1 - today);
        return monday.addDays(7 * qint64(every) + (weekdays.isEmpty() ? 0 : weekdays.first() - 1));
    }
    case Unit::Month: {
        // This month's day if it is still ahead (a rule changed to a later day), else
        // the day `every` months on.
        const QDate thisMonth = monthDayAfter(occurrence, 0, monthDay);
        return thisMonth > occurrence ? thisMonth : monthDayAfter(occurrence, every, monthDay);
    }
    case Unit::Year: {
        const auto inYear = [this](int year) {
            return QDate(year, month, std::min(monthDay, QDate(year, month, 1).daysInMonth()));
        };
        const QDate thisYear = inYear(occurrence.year());
        return thisYear > occurrence ? thisYear : inYear(occurrence.year() + every);
    }
    }
    return occurrence.addDays(1);
}

QDate Recurrence::next(QDate occurrence, QDate doneOn) const
{
    QDate n = nextAfter(occurrence);
    if (from == From::Today && doneOn.isValid() && n <= doneOn) {
        if (unit == Unit::Day) {
            // Straight to the first step after the day it was done.
            const qint64 steps = occurrence.daysTo(doneOn) / every + 1;
            return occurrence.addDays(steps * every);
        }
        // Weeks, months and years: a few steps at most for any real lateness; bounded for
        // a clock that is decades off.
        for (int i = 0; i < 5000 && n <= doneOn; ++i)
            n = nextAfter(n);
    }
    return n;
}

QString Recurrence::nextAssignee(const QString &current) const
{
    if (rotation.isEmpty())
        return current;
    const qsizetype at = rotation.indexOf(current);
    return rotation.at(at < 0 ? 0 : (at + 1) % rotation.size());
}

bool operator==(const Recurrence &a, const Recurrence &b)
{
    return a.toJson() == b.toJson();
}

bool isRoundField(const QString &name)
{
    return name == QLatin1String("due") || name == QLatin1String("assignee") ||
        name == QLatin1String("completed");
}

int itemRound(const Entity &item)
{
    int round = 0;
    for (auto it = item.fields.begin(); it != item.fields.end(); ++it) {
        if (isRoundField(it.key()))
            round = std::max(round, it->round);
    }
    return round;
}

QDate dueDate(const QJsonValue &due)
{
    return due.isString() ? QDate::fromString(due.toString().left(10), Qt::ISODate) : QDate();
}

QJsonValue dueOn(const QJsonValue &due, QDate date)
{
    const QString time = due.isString() ? due.toString().mid(10) : QString();
    return date.toString(Qt::ISODate) + time;
}

std::optional<Op> completionOp(const Entity &item, const QString &by, QDate today, const Hlc &stamp)
{
    const QJsonValue repeat = item.value(QStringLiteral("repeat"));
    if (repeat.isNull() || repeat.isUndefined())
        return std::nullopt;
    const std::optional<Recurrence> rule = Recurrence::fromJson(repeat, nullptr);
    if (!rule)
        return std::nullopt;
    const QJsonValue due = item.value(QStringLiteral("due"));
    // A repeating task without a date is due the day it is done.
    const QDate occurrence = dueDate(due).isValid() ? dueDate(due) : today;
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = item.listId;
    op.itemId = item.id;
    op.stamp = stamp;
    op.round = itemRound(item) + 1;
    op.fields.insert(QStringLiteral("due"), dueOn(due, rule->next(occurrence, today)));
    const QJsonValue assignee = item.value(QStringLiteral("assignee"));
    if (!rule->rotation.isEmpty()) // else the assignee stays as it is, whoever set it
        op.fields.insert(QStringLiteral("assignee"), rule->nextAssignee(assignee.toString()));
    op.fields.insert(QStringLiteral("completed"),
                     QJsonObject {{QStringLiteral("due"), due.isString() ? due : QJsonValue()},
                                  {QStringLiteral("by"), by},
                                  {QStringLiteral("on"), today.toString(Qt::ISODate)}});
    return op;
}

} // namespace kinlist
