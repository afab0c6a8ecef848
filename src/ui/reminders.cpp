#include "reminders.h"

#include <algorithm>

namespace kinlist::ui {

using client::SyncClient;

Reminders::Reminders(QObject *parent)
    : QObject(parent)
{
    // A burst of ops (a catch-up) is read once.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &Reminders::check);
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_upcoming.isEmpty() && m_upcoming.first() <= QDateTime::currentDateTime())
            check();
        else
            arm();
    });
}

void Reminders::setClient(SyncClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_upcoming.clear();
    m_tick.stop();
    if (!client)
        return;
    connect(client, &SyncClient::entityChanged, this, &Reminders::scheduleCheck);
    connect(client, &SyncClient::listChanged, this, &Reminders::scheduleCheck);
    client->store()->forgetRemindersBefore(QDateTime::currentMSecsSinceEpoch() - kKeepMs);
    scheduleCheck();
}

void Reminders::scheduleCheck()
{
    if (!m_debounce.isActive())
        m_debounce.start();
}

void Reminders::check()
{
    m_debounce.stop();
    m_upcoming.clear();
    if (!m_client)
        return;
    client::LocalStore *store = m_client->store();
    const QString self = m_client->userId();
    const QDateTime now = QDateTime::currentDateTime();
    QList<Reminder> due;
    for (const QString &listId : store->knownLists()) {
        const std::optional<Entity> list = store->viewEntity(listId);
        if (!list || list->isDeleted() || list->value(QStringLiteral("archived")).toBool())
            continue;
        const QString listName = list->value(QStringLiteral("name")).toString();
        store->forEachViewEntity(listId, [&](const Entity &e, bool) {
            if (e.kind != EntityKind::Item || e.isDeleted() ||
                e.value(QStringLiteral("done")).toBool())
                return;
            const QJsonValue minutes = e.value(QStringLiteral("reminder"));
            const QString when = e.value(QStringLiteral("due")).toString();
            if (!minutes.isDouble() || when.size() <= 10) // none, or a day without a time
                return;
            const QString assignee = e.value(QStringLiteral("assignee")).toString();
            if (!m_everyone && !assignee.isEmpty() && assignee != self)
                return;
            const QDateTime at = QDateTime::fromString(when, Qt::ISODate);
            if (!at.isValid())
                return;
            const QDateTime fireAt = at.addSecs(-qint64(minutes.toInt()) * 60);
            if (fireAt > now) {
                m_upcoming.append(fireAt);
                return;
            }
            if (store->reminderFired(e.id, when))
                return;
            Reminder r;
            r.itemId = e.id;
            r.listId = listId;
            r.title = e.value(QStringLiteral("title")).toString();
            r.listName = listName;
            r.due = when;
            r.at = at;
            r.minutesBefore = minutes.toInt();
            due.append(std::move(r));
        });
    }
    std::sort(m_upcoming.begin(), m_upcoming.end());
    std::sort(due.begin(), due.end(),
              [](const Reminder &a, const Reminder &b) { return a.at < b.at; });
    for (const Reminder &r : due) {
        // Marked first: a reminder that could not be remembered is given now and may come
        // again after a restart, rather than never.
        store->markReminderFired(r.itemId, r.due, now.toMSecsSinceEpoch());
        // Missed long ago (Kinlist was not running): no news any more.
        if (r.at.msecsTo(now) <= kMissedMs)
            Q_EMIT fired(r);
    }
    arm();
    ++m_checks;
    Q_EMIT checked(next());
}

void Reminders::arm()
{
    if (m_upcoming.isEmpty()) {
        m_tick.stop();
        return;
    }
    const qint64 wait = QDateTime::currentDateTime().msecsTo(m_upcoming.first());
    m_tick.start(int(std::clamp<qint64>(wait, 0, kTickMs)));
}

} // namespace kinlist::ui
