#include "todaymodel.h"

#include "core/recurrence.h"
#include "itemsmodel.h"
#include "language.h"

#include <QCollator>
#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace kinlist::ui {

using client::SyncClient;

TodayModel::TodayModel(int days, QObject *parent)
    : QAbstractListModel(parent)
    , m_days(days)
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(50);
    connect(&m_reload, &QTimer::timeout, this, &TodayModel::reload);
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, &TodayModel::reload);
}

void TodayModel::setSource(SyncClient *client, const QString &householdId)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_householdId = householdId;
    if (client) {
        connect(client, &SyncClient::householdsChanged, this, &TodayModel::scheduleReload);
        connect(client, &SyncClient::listChanged, this, &TodayModel::scheduleReload);
        connect(client, &SyncClient::entityChanged, this, &TodayModel::scheduleReload);
    }
    reload();
}

void TodayModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    reload();
}

void TodayModel::setMine(bool mine)
{
    if (mine == m_mine)
        return;
    m_mine = mine;
    Q_EMIT mineChanged();
    reload();
}

void TodayModel::setDays(int days)
{
    days = std::clamp(days, 0, 366);
    if (days == m_days)
        return;
    m_days = days;
    Q_EMIT daysChanged();
    reload();
}

QVariantList TodayModel::people() const
{
    QVariantList out;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        if (i == 0 || m_rows.at(i - 1).person != r.person)
            out.append(QVariantMap {{QStringLiteral("userId"), r.person},
                                    {QStringLiteral("name"), r.personName}});
    }
    return out;
}

void TodayModel::scheduleReload()
{
    if (m_active && !m_reload.isActive())
        m_reload.start();
}

void TodayModel::reload()
{
    m_reload.stop();
    m_today = QDate::currentDate();
    const QDate last = m_today.addDays(m_days);
    const QString self = m_client ? m_client->userId() : QString();
    QList<Row> rows;
    int dueNow = 0;
    if (m_active && m_client && !m_householdId.isEmpty()) {
        const client::LocalStore *store = m_client->store();
        for (const Entity &list : store->lists(m_householdId)) {
            if (list.isDeleted() || list.value(QStringLiteral("archived")).toBool())
                continue;
            const QString listName = list.value(QStringLiteral("name")).toString();
            store->forEachViewEntity(list.id, [&](const Entity &e, bool) {
                if (e.kind != EntityKind::Item || e.isDeleted() ||
                    e.value(QStringLiteral("done")).toBool())
                    return;
                const QJsonValue due = e.value(QStringLiteral("due"));
                const QDate day = dueDate(due);
                if (!day.isValid() || day > last)
                    return;
                if (day <= m_today)
                    ++dueNow; // everyone's, whatever the view shows
                const QString person = e.value(QStringLiteral("assignee")).toString();
                if (m_mine && person != self)
                    return;
                Row r;
                r.itemId = e.id;
                r.listId = list.id;
                r.listName = listName;
                r.title = e.value(QStringLiteral("title")).toString();
                r.person = person;
                r.due = day;
                r.time = QTime::fromString(due.toString().mid(11, 5), QStringLiteral("HH:mm"));
                r.repeat = e.value(QStringLiteral("repeat"));
                rows.append(std::move(r));
            });
        }
    }
    // Names once per person; the user's group first, then the others by name, nobody's last.
    QHash<QString, QString> names;
    for (Row &r : rows) {
        if (r.person.isEmpty())
            continue;
        auto it = names.find(r.person);
        if (it == names.end()) {
            QString name = m_client->store()->personName(r.person);
            it = names.insert(r.person, name.isEmpty() ? tr("Someone") : name);
        }
        r.personName = *it;
    }
    for (Row &r : rows) {
        if (r.person.isEmpty())
            r.personName = tr("Anyone");
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    const auto group = [&self](const Row &r) {
        return r.person == self ? 0 : r.person.isEmpty() ? 2 : 1;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        if (group(a) != group(b))
            return group(a) < group(b);
        if (a.person != b.person) {
            const int byName = collator.compare(a.personName, b.personName);
            return byName != 0 ? byName < 0 : a.person < b.person;
        }
        if (a.due != b.due)
            return a.due < b.due;
        if (a.time.isValid() != b.time.isValid())
            return !a.time.isValid(); // the whole day before the hours
        if (a.time != b.time)
            return a.time < b.time;
        const int byTitle = collator.compare(a.title, b.title);
        return byTitle != 0 ? byTitle < 0 : a.itemId < b.itemId;
    });

    // Row by row (removed, moved, inserted) rather than anew, so that a view keeps its
    // current row and scroll position when a task is done or changed elsewhere.
    const int countBefore = int(m_rows.size());
    const QVariantList peopleBefore = people();
    const auto key = [](const Row &r) {
        return r.itemId + QChar(0x1f) + r.person;
    };
    QSet<QString> wanted;
    for (const Row &r : std::as_const(rows))
        wanted.insert(key(r));
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (wanted.contains(key(m_rows.at(i))))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    for (int i = 0; i < rows.size(); ++i) {
        const QString k = key(rows.at(i));
        if (i < m_rows.size() && key(m_rows.at(i)) == k) {
            m_rows[i] = rows.at(i);
            continue;
        }
        int from = -1;
        for (int j = i + 1; j < m_rows.size() && from < 0; ++j) {
            if (key(m_rows.at(j)) == k)
                from = j;
        }
        if (from >= 0) {
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
            m_rows[i] = rows.at(i);
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(i, rows.at(i));
            endInsertRows();
        }
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
    if (m_dueNow != dueNow || countBefore != m_rows.size() || people() != peopleBefore) {
        m_dueNow = dueNow;
        Q_EMIT countsChanged();
    }
    // The sections move on at midnight.
    const QDateTime now = QDateTime::currentDateTime();
    m_midnight.start(int(std::clamp<qint64>(
        now.msecsTo(QDateTime(m_today.addDays(1), QTime(0, 0, 1))), 1000, 24 * 3600 * 1000)));
}

QString TodayModel::whenText(const Row &r) const
{
    const QLocale locale;
    QString day;
    if (r.due < m_today)
        //: A task that was due on an earlier day: "Overdue since 01/12/2026".
        day = tr("Overdue since %1").arg(locale.toString(r.due, QLocale::ShortFormat));
    else if (r.due == m_today)
        day = tr("Today");
    else if (r.due == m_today.addDays(1))
        day = tr("Tomorrow");
    else
        day = locale.standaloneDayName(r.due.dayOfWeek(), QLocale::LongFormat);
    if (!r.time.isValid())
        return day;
    //: A day and a time of day: "Today, 18:00".
    return tr("%1, %2").arg(day, Language::clockTime(r.time));
}

int TodayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TodayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case ItemIdRole:
        return r.itemId;
    case ListIdRole:
        return r.listId;
    case ListNameRole:
        return r.listName;
    case PersonRole:
        return r.person;
    case PersonNameRole:
        return r.personName;
    case WhenRole:
        return r.due < m_today ? QStringLiteral("overdue")
            : r.due == m_today ? QStringLiteral("today")
                               : QStringLiteral("soon");
    case WhenTextRole:
        return whenText(r);
    case RepeatTextRole:
        return ItemsModel::repeatText(r.repeat);
    case GroupRole:
        return r.person + QChar(0x1f) + r.personName;
    default:
        return {};
    }
}

QHash<int, QByteArray> TodayModel::roleNames() const
{
    return {{ItemIdRole, "itemId"}, {ListIdRole, "listId"},     {ListNameRole, "listName"},
            {TitleRole, "title"},   {PersonRole, "person"},     {PersonNameRole, "personName"},
            {WhenRole, "when"},     {WhenTextRole, "whenText"}, {RepeatTextRole, "repeatText"},
            {GroupRole, "group"}};
}

void TodayModel::retranslate()
{
    reload(); // "Anyone" and the day names
}

} // namespace kinlist::ui
